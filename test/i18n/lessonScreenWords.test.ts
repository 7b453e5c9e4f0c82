// The lesson screen's own words in both languages: every setting the schema declares has its
// label and help in the catalogues (the English exactly as the schema writes it), units and
// settings' names in bokmål, predictions in the event log, the event log's words, and grouped
// thousands on chart axes (the ticks go through viz/format's formatNumber).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../src/i18n/catalogues/en.json';
import nb from '../../src/i18n/catalogues/nb.json';
import { lessons, lesson } from '../../lessons/index';
import { listParameters } from '../../sim/params';
import { paramHelp, paramLabel, paramSlug, unitText } from '../../src/i18n/paramText';
import { nameParam } from '../../src/app/paramNames';
import { answerWords, outcomeLines } from '../../src/app/predict/outcome';
import { describeBranch, describeEvent } from '../../src/app/timeline/describe';
import { loadSchemaTools } from '../../src/app/schemaTools';
import { setLanguage, t } from '../../src/i18n/i18n';
import { NARROW_NBSP } from '../../src/i18n/numbers';
import { formatNumber, setNumberStyle } from '../../viz/format';
import { stateStyle, roleName } from '../../viz/palette';
import type { RunEvent } from '../../sim/index';

const EN = en as Record<string, string>;
const NB = nb as Record<string, string>;
const letters = lesson('letters')!;
const prompt = letters.lesson!.prompts![0];

beforeAll(() => loadSchemaTools());

describe('settings from the schema', () => {
  it('every setting of every lesson has its label and help in both catalogues, the English as the schema writes it', () => {
    const seen = new Set<string>();
    for (const s of lessons())
      for (const p of listParameters(s)) {
        const slug = paramSlug(p.label);
        if (seen.has(slug)) continue;
        seen.add(slug);
        expect(EN[`param.l.${slug}`], p.path).toBe(p.label);
        expect(EN[`param.h.${slug}`], p.path).toBe(p.help);
        expect(NB[`param.l.${slug}`], p.path).toBeTruthy();
        expect(NB[`param.h.${slug}`], p.path).toBeTruthy();
      }
    expect(seen.size).toBeGreaterThan(30);
  });

  it('paramSlug makes one key per label', () => {
    expect(paramSlug('vesicle half-life in tissue')).toBe('vesicleHalfLifeInTissue');
    expect(paramSlug('Hill steepness')).toBe('hillSteepness');
  });

  it('an unknown label or unit is shown as written', () => {
    expect(paramLabel('a label from a newer schema')).toBe('a label from a newer schema');
    expect(paramHelp('a label from a newer schema', 'its help')).toBe('its help');
    expect(unitText('µm²/s')).toBe('µm²/s');
  });
});

describe('in bokmål', () => {
  beforeAll(async () => {
    await setLanguage('nb');
    setNumberStyle({ decimal: ',', group: NARROW_NBSP, hour: 't' });
  });
  afterAll(async () => {
    await setLanguage('en');
    setNumberStyle();
  });

  it('names settings, their groups and units in bokmål', () => {
    expect(paramLabel('release rate')).toBe('utslippsrate');
    expect(paramHelp('doubling time', 'time to divide; 0 means the cell does not divide')).toBe('tid til cellen deler seg; 0 betyr at cellen ikke deler seg');
    expect(unitText('EV/h per cell')).toBe('EV/t per celle');
    expect(unitText('/h')).toBe('/t');
    const groups = new Set(listParameters(letters).map((p) => nameParam(letters, p).group));
    for (const english of ['Whole simulation', 'Capacity', 'Blood', 'Address labels', 'Labels and receptors', 'Signals inside cells']) expect(groups.has(english), english).toBe(false);
    expect(groups.has('Hele simuleringen')).toBe(true);
    const names = listParameters(letters).map((p) => nameParam(letters, p).full);
    expect(names.some((n) => / at the start| binding to |half-life of the/.test(n)), names.join('\n')).toBe(false);
  });

  it('says the outcome of a prediction and the event log in bokmål', () => {
    const lines = outcomeLines({ ...prompt, shows: 'readersNear' }, { prompt: 0, atHours: 0, choice: 'readersNear' }, null);
    expect(lines[0]).toMatch(/^Du spådde: .*Godt tenkt!$/);
    const s = letters;
    const ev = (e: object) => describeEvent(e as RunEvent, s);
    expect(ev({ tick: 1, kind: 'inject', vesicleType: 'letter', packets: 40 })).toMatch(/^40 prikker av .* sprøytet inn i blodet$/);
    expect(describeBranch({ tick: 200, hours: 200 / 360, dropped: 1, oldEnd: 360 }, 10)).toBe(
      'Forgreining: kjøringen ble endret ved 33 min 20 s. Den gamle kjøringen derfra til 1 t ble lagt igjen, og 1 senere hendelse i den ble droppet.',
    );
    expect(t('timeline.prediction', { n: 1, answer: answerWords(prompt, { prompt: 0, atHours: 0, choice: prompt.choices![0].id }) })).toBe(
      `Spådom for spørsmål 1: ${prompt.choices![0].label}`,
    );
  });

  it('writes the legend words, roles and outline looks in bokmål', () => {
    expect(roleName('tumour')).toBe('svulstcelle');
    expect(stateStyle(1).description).toBe('stiplet kant, prikk inni');
    expect(t('legend.perDot', { n: 1, count: '1' })).toBe('én prikk = 1 vesikkel');
    expect(t('legend.perDot', { n: 2000, count: '2 000' })).toBe('én prikk = 2 000 vesikler');
  });

  it('groups thousands on chart axes with a narrow no-break space and writes a decimal comma', () => {
    expect(formatNumber(6000, 3)).toBe(`6${NARROW_NBSP}000`);
    expect(formatNumber(12_500, 3)).toBe(`12${NARROW_NBSP}500`);
    expect(formatNumber(2.5, 3)).toBe('2,5');
    expect(formatNumber(999, 3)).toBe('999');
  });
});

describe('in English', () => {
  it('groups thousands on chart axes too', () => {
    expect(formatNumber(6000, 3)).toBe('6\u2009000');
    expect(formatNumber(999, 3)).toBe('999');
  });

  it('lists a committed prediction in the event log in words', () => {
    const choice = prompt.choices![0];
    expect(t('timeline.prediction', { n: 1, answer: answerWords(prompt, { prompt: 0, atHours: 0, choice: choice.id }) })).toBe(`Prediction for prompt 1: ${choice.label}`);
    const both = answerWords({ ...prompt, watch: { metric: 'cells.reader', label: 'readers' } } as typeof prompt, { prompt: 0, atHours: 0, choice: choice.id, sketch: { hours: [0, 6], values: [0, 52] } }, 'readers');
    expect(both).toBe(`${choice.label}, and a sketch of readers ending at 52`);
  });

  it('keeps the outline looks as before', () => {
    expect(stateStyle(0).description).toBe('thin solid outline');
    expect(stateStyle(1).description).toBe('dashed outline, dot inside');
    expect(roleName('nk')).toBe('NK cell');
  });
});
