// A run file or share link that is malformed or hostile is refused in the reader's language: in
// bokmål each message names the field and what was wrong in Norwegian; field names, quoted
// values and the setting names the engine gives stay as written (data), and English comes back when the language does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModel, stateHash, step } from '../../sim/index';
import { makeRunFile, runFileText } from '../../src/lab';
import { decodeLink } from '../../src/lab/share/link';
import { lesson } from '../../lessons/index';
import { importRunBytes, importRunText, type Imported } from '../../src/app/replay/importRun';
import { checkRunSize } from '../../src/app/replay/runFileSize';
import { setLanguage } from '../../src/i18n/i18n';

const m = createModel(lesson('letters')!, '7');
const cps = [{ tick: 0, hash: stateHash(m) }];
step(m, 20);
const good = JSON.parse(runFileText(makeRunFile(m, cps))) as Record<string, unknown>;
const variant = (f: (x: Record<string, unknown>) => void) => {
  const c = structuredClone(good);
  f(c);
  return JSON.stringify(c);
};

/** The whole refusal: its heading and the listed problems. */
function said(r: Imported): string {
  expect(r.ok).toBe(false);
  return r.ok ? '' : [r.message, ...r.problems].join('\n');
}

/** Words of English messages that must not be left in a bokmål one. */
const ENGLISH = /\b(is not|the file|expected|must be|could not|valid run file|too large|empty)\b/;

describe('run-file messages in bokmål', () => {
  beforeAll(() => setLanguage('nb'));
  afterAll(() => setLanguage('en'));

  it('garbage, truncated and empty files say what is wrong, in Norwegian', () => {
    const garbage = said(importRunText('{"format": "cellpost-run", x', 'søppel.json'));
    expect(garbage).toBe('søppel.json er ikke en gyldig kjørefil: ikke gyldig JSON på linje 1, kolonne 28: uventet tegn «x».');
    expect(said(importRunText(JSON.stringify(good).slice(0, 200), 'kort.json'))).toMatch(/^kort\.json er ikke en gyldig kjørefil: ikke gyldig JSON: den slutter for tidlig \(filen ser avkuttet ut\)\.$/);
    expect(said(importRunBytes(new Uint8Array([0xff, 0xfe, 0x00, 0x80])))).toBe('Filen er ikke en kjørefil: den er ikke tekst (UTF-8).');
    expect(said(importRunBytes(new Uint8Array(0), 'tom.json'))).toBe('tom.json er tom.');
    expect(said(checkRunSize('stor.json', 60 * 1048576) ?? ({ ok: true } as never))).toBe('stor.json er for stor til å være en kjørefil: 60,0 MB; grensen er 50,0 MB.');
  });

  it('a tampered file names the field and what it should be', () => {
    expect(said(importRunText(variant((x) => (x.version = 2)), 'ny.json'))).toBe('ny.json er ikke en gyldig kjørefil: version: kjørefilen har versjon 2, som er nyere enn denne Cellpost kan lese (versjon 1); oppdater Cellpost.');
    expect(said(importRunText(variant((x) => (x.format = '<b>run</b>')), 'x.json'))).toBe('x.json er ikke en gyldig kjørefil: format: ikke en kjørefil fra Cellpost: format er "<b>run</b>", det skal være "cellpost-run".');
    expect(said(importRunText(variant((x) => (x.seed = 7)), 'x.json'))).toBe('x.json er ikke en gyldig kjørefil: seed: skal være tekst, men er et tall.');
    const hash = said(importRunText(variant((x) => ((x.checkpoints as { hash: string }[])[0].hash = '<script>')), 'x.json'));
    expect(hash).toContain('checkpoints.0.hash: en tilstandshash er 16 heksadesimale sifre med små bokstaver');
    const many = said(importRunText(variant((x) => ((x.stopTick = -3), (x.engineVersion = ''))), 'x.json'));
    expect(many).toMatch(/^x\.json er ikke en gyldig kjørefil \(4 feil\)\./);
    expect(many).toContain('checkpoints.1.tick: kontrollpunktet ved steg 20 ligger etter slutten av kjøringen (stopTick -3)');
    expect(many).toContain('stopTick: må være minst 0');
    expect(many).toContain('engineVersion: må være minst 1 tegn');
    expect(said(importRunText(variant((x) => (x.predictions = [{ prompt: 0, atHours: 0, choice: 'hardly' }])), 'x.json'))).toMatch(/predictions: spådom for spørsmål 1: "hardly" er ikke et av svarene \(/);
    for (const text of [garbageSamples()].flat()) expect(said(importRunText(text, 'f.json')), text).not.toMatch(ENGLISH);
  });

  it('a malformed share link lists what was ignored, in Norwegian', async () => {
    const d = await decodeLink('?lesson=letters&seed=&hide=alt&mode=x&set.title=1&set.tissues.tissue.diffusion=9000&c=1.zz&p=0_0_<b>');
    expect(d.lesson).toBe('letters');
    expect(d.ignored).toEqual([
      'hide "alt": ikke en del som kan skjules (lesson, seed, settings, interventions, tools, timeline, runfiles, mode)',
      'mode "x": en lenke åpnes i learn eller lab; den åpnes i Lær',
      'frø "": et frø er 1 til 100 tegn tekst',
      'set.title: ikke en innstilling i denne leksjonen',
      expect.stringMatching(/^set\.tissues\.tissue\.diffusion = 9000: .* må være mellom 0 og 50 µm²\/s$/),
      'kontroll "1.zz": ikke et steg og en tilstandshash på 16 sifre',
      'spådommer "0_0_<b>": de har tegn som en lenke med spådommer aldri har; kjøringen åpnes uten dem',
    ]);
    expect((await decodeLink('?lesson=nope&seed=3')).ignored).toEqual(['leksjon "nope": den leksjonen finnes ikke; frøet, innstillingene og hendelsene ble også oversett']);
  });
});

describe('the same messages in English', () => {
  it('come back when the language does', async () => {
    await setLanguage('en');
    expect(said(importRunText(variant((x) => (x.seed = 7)), 'x.json'))).toBe('x.json is not a valid run file: seed: expected string, got number.');
    expect(said(importRunBytes(new Uint8Array(0)))).toBe('The file is empty.');
  });
});

/** Files broken in different ways, each refused with a message that has no English left in bokmål. */
function garbageSamples(): string[] {
  return ['[]', 'null', '"run"', '{}', '{"format":"cellpost-run"}', '{"format":"cellpost-run","version":"1"}', variant((x) => (x.events = 'all')), variant((x) => (x.checkpoints = [{ tick: 0 }]))];
}
