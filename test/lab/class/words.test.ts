// Class results' words in both languages (src/lab/class/messages.ts and the core teacherEntry.
// keys): a typed number's problem, the reasons runs are not counted — also one made in a worker
// as a message and said on the page — and the interval, in bokmål when the language is nb.
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../src/i18n/i18n';
import { classTable, intervalWords, readClassParam, readSources, readWholeNumber, type ClassEntry, type VerifyOutcome } from '../../../src/lab';
import { say } from '../../../src/lab/class/messages';
import { meanInterval } from '../../../src/lab/stats';
import { ENGINE_VERSION } from '../../../sim/version';

afterEach(async () => {
  await setLanguage('en');
});

const entry = (name: string, seed: string): ClassEntry => ({
  ok: true,
  name,
  kind: 'file',
  lesson: 'letters',
  lessonTitle: 'Letters',
  settings: '',
  seed,
  hours: 1,
  signed: true,
  metric: 'm',
  metricLabel: 'm',
  predictions: [],
  job: { scenario: {} as never, seed, events: [], stopTick: 1, checkpoints: [], metric: 'm' },
});
const ok: VerifyOutcome = { ran: true, ok: true, checked: 1, finalHash: 'a', value: 1, unit: 'cells', eventsKey: '[]', warnings: [] };

describe('class words', () => {
  it('say what is wrong with a typed number, in English and in bokmål', async () => {
    expect(readWholeNumber('', 'studentNumber', 999)).toEqual({ ok: false, problem: 'type a student number' });
    expect(readWholeNumber('x', 'students', 999)).toEqual({ ok: false, problem: 'the number of students is a whole number from 1 to 999' });
    await setLanguage('nb');
    expect(readWholeNumber('', 'classNumber', 999_999)).toEqual({ ok: false, problem: 'skriv et klassenummer' });
    expect(readWholeNumber('0', 'classNumber', 999_999)).toEqual({ ok: false, problem: 'et klassenummer er et helt tall fra 1 til 999\u202f999' });
    expect(readClassParam('?class=x').problem).toBe('class "x": et klassenummer er et helt tall fra 1 til 999\u202f999');
  });

  it('list runs not counted with bokmål reasons, a worker’s message said in the page’s language', async () => {
    await setLanguage('nb');
    const entries = [entry('a.json', '1'), entry('b.json', '1'), entry('c.json', '2'), entry('d.json', '3')];
    const outcomes: VerifyOutcome[] = [
      ok,
      ok,
      { ...ok, ok: false, finalHash: '', mismatch: { tick: 1200, hours: 0.5, expected: '0123456789abcdef', actual: 'fedcba9876543210' }, otherEngine: 'old' },
      { ...ok, ran: false, ok: false, problem: { key: 'class.verify.crashed', params: { error: 'tom for minne' } } },
    ];
    const t = classTable(entries, outcomes);
    expect(t.rejected.map((r) => r.reason)).toEqual([
      'samme leksjon, innstillinger, frø og hendelser som kjøring 1 (a.json)',
      `avspillingen stemmer ikke med sjekksummen den har ved 0,5 t (steg 1\u202f200): ventet 0123456789abcdef, fikk fedcba9876543210 (tatt opp med motor old, spilt av med motor ${ENGINE_VERSION}: sjekksummene kan være ulike)`,
      'den kan ikke spilles av: tom for minne',
    ]);
    expect(say({ key: 'class.read.pastedLink', params: { n: 2 } })).toBe('innlimt lenke 2');
    expect(intervalWords(meanInterval([]))).toBe('ingen kjøringer');
    expect(intervalWords(meanInterval([3]))).toBe('én kjøring: 3 (for få til et intervall: det trengs minst 2 kjøringer)');
    expect(intervalWords(meanInterval([2, 4]), (x) => String(x).replace('.', ','))).toMatch(/^gjennomsnitt 3, 95 %-intervall -?[\d,]+ til [\d,]+ \(n = 2\)$/);
  });

  it('name pasted links and refuse text that is no link, in bokmål', async () => {
    await setLanguage('nb');
    const { entries } = await readSources([
      { name: 'pasted', text: 'https://x.org/?lesson=letters&seed=1 x.org/&lesson=letters&seed=2' },
      { name: 'notes.txt', text: 'hei' },
    ]);
    expect(entries.map((e) => e.name)).toEqual(['innlimt lenke 1', 'innlimt lenke 2', 'notes.txt']);
    expect(entries[1]).toMatchObject({ ok: false, reason: 'ikke en Cellpost-lenke: den har ingen «?lesson=…»-del' });
    expect(entries[2]).toMatchObject({ ok: false, reason: 'verken en kjørefil eller en Cellpost-lenke (ingen «lesson=» i den)' });
  });
});
