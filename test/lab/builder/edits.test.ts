// The builder's edit model: every scenario it can produce validates (and is stable under the
// schema), a refused edit changes nothing, and any edit sequence followed by its undos gives the
// first scenario back byte for byte (redo then gives the last one).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyEdit, blankScenario, copyOfLesson, edit, redo, startHistory, undo, type History } from '../../../src/lab/builder/index';
import { parseScenarioFile, type ScenarioFile } from '../../../lessons/scenarioFile';
import { lessons } from '../../../lessons/index';
import { choice, editOf } from './arbitraries';

const starts = (): ScenarioFile[] => [blankScenario(), ...lessons().map(copyOfLesson)];
const text = (s: ScenarioFile) => JSON.stringify(s);

/** Valid, and parsing it again changes nothing (defaults already filled in). */
function expectStable(s: ScenarioFile): void {
  const p = parseScenarioFile(JSON.parse(text(s)));
  if (!p.ok) throw new Error(p.problems.map((x) => `${x.path}: ${x.message}`).join('; '));
  expect(text(p.value)).toBe(text(s));
}

describe('where an experiment starts', () => {
  it('the blank tissue and every lesson copy validate', () => {
    for (const s of starts()) expectStable(s);
  });
  it('a lesson copy has its own id and leaves out the original lesson’s claims and teacher notes', () => {
    const c = copyOfLesson(lessons()[0]);
    expect(c.id).toBe(`${lessons()[0].id}-copy`);
    expect(c.lesson?.claims).toBeUndefined();
    expect(c.lesson?.teacher).toBeUndefined();
    expect(c.cellTypes).toEqual(lessons()[0].cellTypes);
  });
});

describe('edits', () => {
  it('a two-kind experiment from blank: senders release labelled vesicles, readers with the receptor switch', () => {
    let h: History = startHistory(blankScenario());
    const steps = [
      { op: 'addCellKind', name: 'Sender', role: 'sender', count: 10 },
      { op: 'addCellKind', name: 'Reader', role: 'reader', count: 40 },
      { op: 'addLabel', name: 'tag' },
      { op: 'addReceptor', name: 'tag reader' },
      { op: 'addSignal', name: 'message' },
      { op: 'addVesicleKind', name: 'letters' },
      { op: 'toggleLabel', vesicle: 'letters', label: 'tag', on: true },
      { op: 'setCargo', vesicle: 'letters', signal: 'message', amount: 1 },
      { op: 'setRelease', cell: 'sender', vesicle: 'letters', perHour: 300 },
      { op: 'toggleReceptor', cell: 'reader', receptor: 'tag-reader', on: true },
      { op: 'setAffinity', label: 'tag', receptor: 'tag-reader', value: 0.8 },
      { op: 'addSwitch', cell: 'reader', signal: 'message' },
    ] as const;
    for (const e of steps) {
      const r = edit(h, e);
      expect(r.problem).toBeNull();
      h = r.history;
    }
    const s = h.present;
    expect(s.cellTypes.reader.states).toEqual(['alive', 'switched']);
    expect(s.cellTypes.reader.transitions[0]).toMatchObject({ from: 'alive', to: 'switched', signal: 'message' });
    expect(s.affinity.tag['tag-reader']).toBe(0.8);
    expect(s.tissues.tissue.cells.map((p) => [p.type, p.count])).toEqual([['sender', 10], ['reader', 40]]);
    expect(s.lesson?.roles).toEqual({ sender: 'sender', reader: 'reader' });
    expectStable(s);
  });

  it('a value out of range is refused with the field’s own message, and nothing changes', () => {
    const s = applyEdit(blankScenario(), { op: 'addCellKind', name: 'Tumour', count: 5 });
    if (!s.ok) throw new Error(s.message);
    const before = text(s.scenario);
    const r = applyEdit(s.scenario, { op: 'set', path: 'cellTypes.tumour.radius', value: 80 });
    expect(r).toEqual({ ok: false, path: 'cellTypes.tumour.radius', message: 'cell radius must be at most 50 µm' });
    expect(text(s.scenario)).toBe(before);
  });

  it('a field set by path is made where it was missing, and an empty optional one is removed', () => {
    const l = copyOfLesson(lessons()[0]);
    const on = applyEdit(l, { op: 'set', path: 'vesicleTypes.letter.onBind.message', value: 2 });
    if (!on.ok) throw new Error(on.message);
    expect(on.scenario.vesicleTypes.letter.onBind).toEqual({ message: 2 });
    const off = applyEdit(on.scenario, { op: 'set', path: 'vesicleTypes.letter.onBind.message', value: undefined });
    if (!off.ok) throw new Error(off.message);
    expect(off.scenario.vesicleTypes.letter.onBind).toEqual({});
    expect(applyEdit(l, { op: 'set', path: 'vesicleTypes.letter.onBind.nothing', value: 2 })).toMatchObject({ ok: false, path: 'vesicleTypes.letter.onBind.nothing' });
  });

  it('a path through a forbidden key or outside the scenario is refused', () => {
    expect(applyEdit(blankScenario(), { op: 'set', path: '__proto__.polluted', value: 1 }).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(applyEdit(blankScenario(), { op: 'set', path: 'title', value: '' })).toMatchObject({ ok: false, path: 'title' });
  });

  it('removing a cell kind removes its placements and role; removing a label removes its affinities', () => {
    const l = copyOfLesson(lessons()[0]);
    const r = applyEdit(l, { op: 'removeCellKind', id: 'reader' });
    if (!r.ok) throw new Error(r.message);
    expect(Object.keys(r.scenario.cellTypes)).not.toContain('reader');
    expect(r.scenario.tissues.tissue.cells.some((p) => p.type === 'reader')).toBe(false);
    const r2 = applyEdit(l, { op: 'removeLabel', id: 'tag' });
    if (!r2.ok) throw new Error(r2.message);
    expect(r2.scenario.affinity.tag).toBeUndefined();
    expect(r2.scenario.vesicleTypes.letter.labels).toEqual([]);
  });
});

describe('properties', () => {
  it('any scenario the builder can produce validates, and a refused edit leaves the scenario as it was', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.array(choice, { minLength: 1, maxLength: 25 }), (k, choices) => {
        const all = starts();
        let s = all[k % all.length];
        for (const c of choices) {
          const before = text(s);
          const r = applyEdit(s, editOf(s, c));
          expect(text(s)).toBe(before);
          if (r.ok) {
            expectStable(r.scenario);
            s = r.scenario;
          } else expect(r.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 60, seed: 1515 },
    );
  });

  it('any edit sequence followed by its undos returns the original scenario byte for byte; redo returns the last', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.array(choice, { minLength: 1, maxLength: 25 }), (k, choices) => {
        const all = starts();
        const first = all[k % all.length];
        const original = text(first);
        let h = startHistory(first);
        for (const c of choices) h = edit(h, editOf(h.present, c)).history;
        const last = text(h.present);
        const applied = h.past.length;
        for (let i = 0; i < applied; i++) h = undo(h);
        expect(text(h.present)).toBe(original);
        for (let i = 0; i < applied; i++) h = redo(h);
        expect(text(h.present)).toBe(last);
      }),
      { numRuns: 60, seed: 1516 },
    );
  });
});
