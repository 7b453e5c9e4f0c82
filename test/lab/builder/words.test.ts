// The builder's words: edits described for the status line and undo ("Changed the cell radius of
// Reader"), the names the builder gives new things, its refusals and the bokmål of all of these;
// ids made from bokmål names stay ASCII.
import { afterEach, describe, expect, it } from 'vitest';
import { applyEdit, blankScenario, copyOfLesson, describeEdit, newId, type Edit } from '../../../src/lab/builder/index';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { lessons } from '../../../lessons/index';
import { setLanguage } from '../../../src/i18n/i18n';

afterEach(() => setLanguage('en'));

/** Applies edits in turn (each must be accepted). */
function build(edits: Edit[], s: ScenarioFile = blankScenario()): ScenarioFile {
  for (const e of edits) {
    const r = applyEdit(s, e);
    if (!r.ok) throw new Error(`${r.path}: ${r.message}`);
    s = r.scenario;
  }
  return s;
}

/** The words for one edit applied to `s`. */
function words(s: ScenarioFile, e: Edit): string {
  const r = applyEdit(s, e);
  if (!r.ok) throw new Error(`${r.path}: ${r.message}`);
  return describeEdit(s, r.scenario, e);
}

const twoKinds: Edit[] = [
  { op: 'addCellKind', name: 'Sender', role: 'sender', count: 10 },
  { op: 'addCellKind', name: 'Reader', role: 'reader', count: 40 },
  { op: 'addLabel', name: 'tag' },
  { op: 'addReceptor', name: 'tag reader' },
  { op: 'addSignal', name: 'message' },
  { op: 'addVesicleKind', name: 'letters' },
];

describe('edits in words', () => {
  it('names the thing and the field, with the builder’s own field names', () => {
    const s = build(twoKinds);
    expect(words(s, { op: 'set', path: 'cellTypes.reader.radius', value: 7 })).toBe('Changed the cell radius of Reader');
    expect(words(s, { op: 'set', path: 'cellTypes.reader.doublingHours', value: 20 })).toBe('Changed the doubling time of Reader');
    expect(words(s, { op: 'set', path: 'blood.halfLifeMinutes', value: 20 })).toBe('Changed the blood half-life');
    expect(words(s, { op: 'setAffinity', label: 'tag', receptor: 'tag-reader', value: 0.5 })).toBe('Changed how strongly tag binds tag reader');
    expect(words(s, { op: 'addCellKind', name: 'NK cell', role: 'nk' })).toBe('Added the cell kind “NK cell”');
    expect(words(s, { op: 'removeCellKind', id: 'sender' })).toBe('Removed the cell kind “Sender”');
    expect(words(s, { op: 'setRole', id: 'reader', role: 'nk' })).toBe('Gave Reader the role “NK cell”');
    expect(words(s, { op: 'toggleReceptor', cell: 'reader', receptor: 'tag-reader', on: true })).toBe('Reader now carries the receptor tag reader');
    expect(words(s, { op: 'setPrompt', index: 0, prompt: { atHours: 2, predict: 'Who reacts?', explain: '' } })).toBe('Changed prompt 1');
  });

  it('in bokmål, with the same names', async () => {
    await setLanguage('nb');
    const s = build(twoKinds);
    expect(words(s, { op: 'set', path: 'cellTypes.reader.radius', value: 7 })).toBe('Endret celleradius for Reader');
    expect(words(s, { op: 'setRelease', cell: 'sender', vesicle: 'letters', perHour: 300 })).toBe('Endret hvor mange letters Sender slipper ut');
    expect(words(s, { op: 'place', tissue: 'tissue', placement: { type: 'reader', count: 1500 } })).toBe('Plasserte 1\u202f500 Reader');
  });

  it('every edit of a lesson copy has words (no key shown as itself)', async () => {
    for (const lang of ['en', 'nb'] as const) {
      await setLanguage(lang);
      const s = copyOfLesson(lessons()[0]);
      const [cell] = Object.keys(s.cellTypes);
      const [tissue] = Object.keys(s.tissues);
      const edits: Edit[] = [
        { op: 'set', path: `cellTypes.${cell}.motility`, value: 1 },
        { op: 'set', path: `tissues.${tissue}.diffusion`, value: 1 },
        { op: 'set', path: `tissues.${tissue}.cells.0.count`, value: 3 },
        { op: 'set', path: 'title', value: 'x' },
        { op: 'addSwitch', cell, signal: Object.keys(s.signals)[0] },
        { op: 'removePlacement', tissue, index: 0 },
        { op: 'addChart', title: 'c', metrics: [`cells.${cell}`] },
      ];
      for (const e of edits) expect(words(s, e)).not.toMatch(/builder\.|\{|^$/);
    }
  });
});

describe('names the builder gives', () => {
  it('numbers new things after those there are, in the reader’s language, with ASCII ids', async () => {
    const en = build([{ op: 'addCellKind', name: '' }, { op: 'addCellKind', name: ' ' }, { op: 'addVesicleKind', name: '' }]);
    expect(Object.values(en.cellTypes).map((c) => c.name)).toEqual(['Cell kind 1', 'Cell kind 2']);
    expect(Object.keys(en.cellTypes)).toEqual(['cell-kind-1', 'cell-kind-2']);
    expect(Object.values(en.vesicleTypes).map((v) => v.name)).toEqual(['Vesicle kind 1']);
    await setLanguage('nb');
    const nb = build([{ op: 'addCellKind', name: '' }, { op: 'addLabel', name: '' }, { op: 'addReceptor', name: '' }, { op: 'addSignal', name: '' }]);
    expect(Object.values(nb.cellTypes).map((c) => c.name)).toEqual(['Celletype 1']);
    expect(Object.values(nb.labels).map((c) => c.name)).toEqual(['Lapp 1']);
    expect(Object.values(nb.receptors).map((c) => c.name)).toEqual(['Reseptor 1']);
    expect(Object.values(nb.signals).map((c) => c.name)).toEqual(['Signal 1']);
    expect(nb.title).toBe('Mitt forsøk');
    expect(nb.id).toBe('my-experiment');
    expect(nb.tissues.tissue.name).toBe('vev');
    expect(copyOfLesson(lessons()[0]).title).toMatch(/ \(min kopi\)$/);
  });

  it('skips a number a learner already used as a name', () => {
    const s = build([{ op: 'addCellKind', name: 'Cell kind 2' }, { op: 'addCellKind', name: '' }]);
    expect(Object.values(s.cellTypes).map((c) => c.name)).toEqual(['Cell kind 2', 'Cell kind 3']);
  });

  it('ids from bokmål names spell out æ, ø and å', () => {
    expect(newId('Frøcelle', [])).toBe('froecelle');
    expect(newId('Kjærlighetsbrev', [])).toBe('kjaerlighetsbrev');
    expect(newId('Blåbær', [])).toBe('blabaer');
    expect(newId('Ørret', ['oerret'])).toBe('oerret-2');
  });
});

describe('refusals in the reader’s language', () => {
  it('an edit naming nothing that exists says so in bokmål', async () => {
    await setLanguage('nb');
    expect(applyEdit(blankScenario(), { op: 'removeCellKind', id: 'ghost' })).toEqual({ ok: false, path: 'cellTypes', message: 'det finnes ingen celletype «ghost»' });
    expect(applyEdit(blankScenario(), { op: 'removeChart', index: 0 })).toMatchObject({ ok: false, message: 'det diagrammet finnes ikke' });
  });
});

describe('scheduled events, doses and tissues', () => {
  it('adds and removes them one at a time, in words; removing a tissue removes what was given into it', () => {
    let s = build([...twoKinds, { op: 'addTissue', name: 'Lung' }]);
    expect(Object.keys(s.tissues)).toEqual(['tissue', 'lung']);
    const inject: Edit = { op: 'addEvent', event: { kind: 'inject', atHours: 2, vesicleType: 'letters', packets: 500, tissue: 'lung' } };
    expect(words(s, inject)).toBe('Scheduled: At hour 2: inject 500 packets of letters into Lung');
    s = build([inject, { op: 'addDose', dose: { name: 'dose 1', vesicleType: 'letters', packets: 200, everyHours: 1.5, startHours: 0, stopHours: 100000 } }], s);
    expect(words(s, { op: 'addEvent', event: { kind: 'drug', atHours: 3, cellType: 'sender', inhibition: 0.5 } })).toBe('Scheduled: At hour 3: a drug stops 50% of the release from Sender');
    expect(words(s, { op: 'removeDose', index: 0 })).toBe('Removed the doses “dose 1: 200 packets of letters every 1.5 h from hour 0, into the blood”');
    const gone = build([{ op: 'removeTissue', id: 'lung' }], s);
    expect(gone.events).toEqual([]);
    expect(gone.doses).toHaveLength(1);
    expect(applyEdit(build([{ op: 'removeTissue', id: 'lung' }], s), { op: 'removeTissue', id: 'tissue' })).toMatchObject({ ok: false, message: 'an experiment needs one tissue at least' });
    expect(applyEdit(s, { op: 'removeEvent', index: 5 })).toMatchObject({ ok: false, path: 'events' });
  });

  it('in bokmål', async () => {
    await setLanguage('nb');
    const s = build([...twoKinds]);
    expect(words(s, { op: 'addEvent', event: { kind: 'blockLabel', atHours: 1.5, label: 'tag', fraction: 0.25 } })).toBe('Planlagt: Ved time 1,5: et antistoff dekker 25\u00a0% av tag');
    expect(words(s, { op: 'addTissue', name: '' })).toBe('La til vevet «Vev 2»');
  });
});
