// Every name a scenario uses is checked when it is validated: a typo anywhere — a killer's target
// states, a placement's cell type, an event's tissue, a chart's state, a button's setting path, a
// metric — is a problem at its path with the closest declared names, and inherited names such as
// "toString" or "constructor" are unknown unless declared (never an internal error).
import { describe, expect, it } from 'vitest';
import { createModel, step } from '../../sim/index';
import { parseScenarioFile as parseScenario } from '../../lessons/scenarioFile';
import { LESSON_FILES } from '../../lessons/index';

const RAW = LESSON_FILES as readonly Record<string, unknown>[];
const raw = (id: string) => {
  const r = RAW.find((x) => x.id === id);
  if (!r) throw new Error(`lesson ${id} missing`);
  return structuredClone(r) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

/** The problems of a lesson after an edit, as "path: message" lines. */
function problems(id: string, edit: (s: Record<string, any>) => void): string[] { // eslint-disable-line @typescript-eslint/no-explicit-any
  const s = raw(id);
  edit(s);
  const p = parseScenario(s);
  return p.ok ? [] : p.problems.map((x) => `${x.path}: ${x.message}`);
}

describe('scenario references', () => {
  it("a typo in a killer's target states is a problem with a suggestion (it used to switch killing off silently)", () => {
    expect(problems('nk-weapons', (s) => (s.cellTypes.nk.contactKilling.targetStates = ['alvie']))).toEqual([
      'cellTypes.nk.contactKilling.targetStates.0: unknown state "alvie" of the targets (tumour) (did you mean "alive"?); states: alive',
    ]);
    expect(problems('nk-weapons', (s) => (s.cellTypes.nk.contactKilling.targetStates = ['alive']))).toEqual([]);
  });

  // [what is edited, the edit, the path of the problem, what the message says]
  const cases: [string, string, (s: Record<string, any>) => void, string, RegExp][] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
    ['killer targets', 'nk-weapons', (s) => (s.cellTypes.nk.contactKilling.targets = ['tumor']), 'cellTypes.nk.contactKilling.targets.0', /unknown cell type "tumor" \(did you mean "tumour"\?\); cell types: tumour, healthy, nk/],
    ['killer states', 'nk-weapons', (s) => (s.cellTypes.nk.contactKilling.fromStates = ['activ']), 'cellTypes.nk.contactKilling.fromStates.0', /unknown state "activ" of nk \(did you mean "active"\?\)/],
    ['release states', 'nk-weapons', (s) => (s.cellTypes.nk.release[0].states = ['actve']), 'cellTypes.nk.release.0.states.0', /did you mean "active"/],
    ['release vesicle type', 'nk-weapons', (s) => (s.cellTypes.nk.release[0].vesicleType = 'nkEv'), 'cellTypes.nk.release.0.vesicleType', /unknown vesicle type "nkEv" \(did you mean "nkEV"\?\)/],
    ['transition state', 'nk-weapons', (s) => (s.cellTypes.nk.transitions[0].to = 'supressed'), 'cellTypes.nk.transitions.0.to', /did you mean "suppressed"\?\); states: active, suppressed, dead/],
    ['transition signal', 'nk-weapons', (s) => (s.cellTypes.nk.transitions[0].signal = 'tgf'), 'cellTypes.nk.transitions.0.signal', /unknown signal "tgf" \(did you mean "tgfb"\?\)/],
    ['receptor', 'nk-weapons', (s) => (s.cellTypes.nk.receptors = ['TGFBr']), 'cellTypes.nk.receptors.0', /unknown receptor "TGFBr" \(did you mean "TGFBR"\?\)/],
    ['vesicle label', 'nk-weapons', (s) => (s.vesicleTypes.nkEV.labels = ['NKG2']), 'vesicleTypes.nkEV.labels.0', /unknown label "NKG2" \(did you mean "NKG2D"\?\)/],
    ['cargo signal', 'nk-weapons', (s) => (s.vesicleTypes.nkEV.cargo = { kil: 1 }), 'vesicleTypes.nkEV.cargo.kil', /unknown signal "kil" \(did you mean "kill"\?\)/],
    ['affinity receptor', 'nk-weapons', (s) => (s.affinity.NKG2D = { stres: 1 }), 'affinity.NKG2D.stres', /unknown receptor "stres" \(did you mean "stress"\?\)/],
    ['placement type', 'nk-weapons', (s) => (s.tissues.tissue.cells[1].type = 'healty'), 'tissues.tissue.cells.1.type', /unknown cell type "healty" \(did you mean "healthy"\?\)/],
    ['placement state', 'nk-weapons', (s) => (s.tissues.tissue.cells[2].state = 'supressed'), 'tissues.tissue.cells.2.state', /unknown state "supressed" of nk \(did you mean "suppressed"\?\)/],
    ['dose tissue', 'nk-weapons', (s) => (s.doses = [{ vesicleType: 'nkEV', packets: 1, everyHours: 1, tissue: 'tisue' }]), 'doses.0.tissue', /unknown tissue "tisue" \(did you mean "tissue"\?\)/],
    ['event tissue', 'nk-weapons', (s) => (s.events = [{ kind: 'addCells', tissue: 'tisue', type: 'nk', count: 1 }]), 'events.0.tissue', /unknown tissue "tisue"/],
    ['event state', 'nk-weapons', (s) => (s.events = [{ kind: 'addCells', tissue: 'tissue', type: 'nk', count: 1, state: 'activ' }]), 'events.0.state', /unknown state "activ" of nk/],
    ['event label', 'nk-weapons', (s) => (s.events = [{ kind: 'blockLabel', label: 'TGF', fraction: 1 }]), 'events.0.label', /unknown label "TGF" \(did you mean "TGFB"\?\)/],
    ['event drug', 'nk-weapons', (s) => (s.events = [{ kind: 'drug', cellType: 'tumor', inhibition: 1 }]), 'events.0.cellType', /did you mean "tumour"/],
    ['event vesicle type', 'nk-weapons', (s) => (s.events = [{ kind: 'inject', vesicleType: 'nkev', packets: 1 }]), 'events.0.vesicleType', /did you mean "nkEV"/],
    ['event removal', 'nk-weapons', (s) => (s.events = [{ kind: 'removeCells', type: 'nk', tissue: 'blood' }]), 'events.0.tissue', /unknown tissue "blood"; tissues: tissue/],
    ['event setting', 'nk-weapons', (s) => (s.events = [{ kind: 'set', path: 'tissues.tissue.difusion', value: 1 }]), 'events.0.path', /unknown setting "tissues.tissue.difusion".*did you mean "tissues.tissue.diffusion"/],
    ['event value', 'nk-weapons', (s) => (s.events = [{ kind: 'set', path: 'tissues.tissue.diffusion', value: 500 }]), 'events.0.path', /must be between 0 and 50 µm²\/s; got 500/],
    ['event label list', 'nk-weapons', (s) => (s.events = [{ kind: 'set', path: 'vesicleTypes.tumourEV.labels', value: ['TGFb'] }]), 'events.0.path', /unknown label "TGFb" \(did you mean "TGFB"\?\)/],
    ['event fixed setting', 'nk-weapons', (s) => (s.events = [{ kind: 'set', path: 'dtSeconds', value: 5 }]), 'events.0.path', /cannot change during a run/],
    ['button event', 'nk-weapons', (s) => (s.lesson.interventions[0].events[0].vesicleType = 'nkVE'), 'lesson.interventions.0.events.0.vesicleType', /unknown vesicle type "nkVE"/],
    ['button off event', 'nk-weapons', (s) => (s.lesson.interventions[3].off[0].path = 'vesicleTypes.tumourEV.label'), 'lesson.interventions.3.off.0.path', /did you mean "vesicleTypes.tumourEV.labels"/],
    ['exposed setting', 'nk-weapons', (s) => (s.lesson.exposed = ['blood.halfLifeMinute']), 'lesson.exposed.0', /not an adjustable number of this scenario \(did you mean "blood.halfLifeMinutes"\?\)/],
    ['chart metric', 'nk-weapons', (s) => (s.lesson.charts[0].metrics = ['cells.tumor']), 'lesson.charts.0.metrics.0', /unknown metric "cells.tumor" \(did you mean "cells.tumour"/],
    ['chart metric prefix', 'nk-weapons', (s) => (s.lesson.charts[0].metrics = ['cels.*']), 'lesson.charts.0.metrics.0', /unknown metric "cels.\*"/],
    ['chart cell type', 'nk-weapons', (s) => s.lesson.charts.push({ title: 'x', kind: 'distance', cellType: 'nc', state: 'active', from: 'tumour' }), 'lesson.charts.4.cellType', /unknown cell type "nc"/],
    ['chart state', 'nk-weapons', (s) => s.lesson.charts.push({ title: 'x', kind: 'distance', cellType: 'nk', state: 'off', from: 'tumour' }), 'lesson.charts.4.state', /unknown state "off" of nk; states: active, suppressed/],
    ['chart from', 'nk-weapons', (s) => s.lesson.charts.push({ title: 'x', kind: 'distance', cellType: 'nk', state: 'active', from: 'tumor' }), 'lesson.charts.4.from', /did you mean "tumour"/],
    ['distance chart parts', 'nk-weapons', (s) => s.lesson.charts.push({ title: 'x', kind: 'distance', cellType: 'nk' }), 'lesson.charts.4', /a distance chart names/],
    ['paired event', 'block-release', (s) => (s.lesson.paired.events[0].cellType = 'tumor'), 'lesson.paired.events.0.cellType', /did you mean "tumour"/],
    ['paired metric', 'block-release', (s) => (s.lesson.paired.metric = 'cells.tumor'), 'lesson.paired.metric', /unknown metric "cells.tumor"/],
    ['cohort setting', 'autoimmune-signature', (s) => (s.lesson.cohort.groups[1].set[0].path = 'cellTypes.tcel.transitions.0.ratePerHour'), 'lesson.cohort.groups.1.set.0.path', /did you mean "cellTypes.tcell.transitions.0.ratePerHour"/],
    ['cohort value', 'autoimmune-signature', (s) => (s.lesson.cohort.groups[1].set[0].value = 'fast'), 'lesson.cohort.groups.1.set.0.path', /must be a number/],
    ['cohort marker', 'autoimmune-signature', (s) => (s.lesson.cohort.markers[0].metric = 'nope'), 'lesson.cohort.markers.0.metric', /unknown metric "nope"/],
  ];
  for (const [what, id, edit, path, message] of cases)
    it(`${what}: a wrong name is a problem at ${path}`, () => {
      const found = problems(id, edit);
      expect(found.length, found.join('\n')).toBeGreaterThanOrEqual(1);
      const mine = found.find((p) => p.startsWith(`${path}: `));
      expect(mine, found.join('\n')).toBeDefined();
      expect(mine).toMatch(message);
    });

  it('inherited names ("toString", "constructor", …) are unknown unless declared, at every reference', () => {
    for (const name of ['toString', 'constructor', 'hasOwnProperty', 'valueOf']) {
      const edits: [string, (s: Record<string, any>) => void][] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
        ['tissues.tissue.cells.0.type', (s) => (s.tissues.tissue.cells[0].type = name)],
        ['cellTypes.nk.release.0.vesicleType', (s) => (s.cellTypes.nk.release[0].vesicleType = name)],
        ['cellTypes.nk.contactKilling.targets.0', (s) => (s.cellTypes.nk.contactKilling.targets = [name])],
        ['cellTypes.nk.transitions.0.signal', (s) => (s.cellTypes.nk.transitions[0].signal = name)],
        ['vesicleTypes.nkEV.labels.0', (s) => (s.vesicleTypes.nkEV.labels = [name])],
        ['affinity.' + name, (s) => (s.affinity = { [name]: { stress: 1 } })],
        ['events.0.tissue', (s) => (s.events = [{ kind: 'addCells', tissue: name, type: 'nk', count: 1 }])],
        ['events.0.type', (s) => (s.events = [{ kind: 'addCells', tissue: 'tissue', type: name, count: 1 }])],
        ['lesson.charts.4.cellType', (s) => s.lesson.charts.push({ title: 'x', kind: 'distance', cellType: name, state: 'alive', from: 'tumour' })],
      ];
      for (const [path, edit] of edits) {
        const found = problems('nk-weapons', edit);
        expect(found.some((p) => p.startsWith(`${path}: unknown `)), `${name} at ${path}: ${found.join('; ')}`).toBe(true);
        expect(found.join('\n')).not.toMatch(/internal error|Cannot read|undefined/);
      }
    }
  });

  it('declared ids named like inherited properties work, and leave no NaN in the tables or the state', () => {
    const s = raw('nk-weapons');
    // A signal, a label and a receptor named like Object.prototype members; nkEV carries none of them.
    s.signals.constructor = { name: 'odd signal', halfLifeHours: 1 };
    s.labels.toString = { name: 'odd label' };
    s.receptors.valueOf = { name: 'odd receptor' };
    s.cellTypes.healthy.receptors = ['valueOf'];
    s.vesicleTypes.tumourEV.labels = ['TGFB', 'toString'];
    const p = parseScenario(s);
    expect(p.ok, p.ok ? '' : p.problems.map((x) => x.message).join('\n')).toBe(true);
    if (!p.ok) return;
    const m = createModel(p.value, '1');
    for (const a of [m.tables.uptake.cargo, m.tables.binding.onBind, m.tables.binding.p]) expect(Array.from(a).every(Number.isFinite)).toBe(true);
    step(m, 20);
    expect(Array.from(m.cells.signals.subarray(0, m.cells.count * m.cells.nSignals)).every(Number.isFinite)).toBe(true);
  });
});
