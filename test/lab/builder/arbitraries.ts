// Random builder edits for property tests: a choice of operation with numbers that pick among the
// ids the scenario has when the edit is made (so most edits are meaningful, some are refused).
import fc from 'fast-check';
import type { Edit } from '../../../src/lab/builder/index';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { CELL_ROLES } from '../../../lessons/schema';

const OPS = [
  'set-num', 'set-name', 'addCellKind', 'removeCellKind', 'setRole', 'addVesicleKind', 'removeVesicleKind', 'addLabel', 'removeLabel',
  'addReceptor', 'removeReceptor', 'addSignal', 'toggleLabel', 'toggleReceptor', 'setAffinity', 'setRelease', 'setCargo', 'addSwitch',
  'removeSwitch', 'place-cluster', 'place-region', 'removePlacement', 'addChart', 'removeChart', 'setPrompt', 'undo-prompt',
  'addEvent', 'removeEvent', 'addDose', 'removeDose', 'addTissue', 'removeTissue',
] as const;

export interface Choice {
  op: (typeof OPS)[number];
  a: number;
  b: number;
  x: number;
  name: string;
}

export const choice: fc.Arbitrary<Choice> = fc.record({
  op: fc.constantFrom(...OPS),
  a: fc.nat(50),
  b: fc.nat(50),
  x: fc.oneof(fc.double({ min: -10, max: 2000, noNaN: true }), fc.integer({ min: 0, max: 200 }), fc.constant(Number.NaN)),
  name: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('Tumour cell', 'NK cell', 'exosomes', '__proto__', 'constructor', '')),
});

const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);
const NUMBER_FIELDS = ['radius', 'motility', 'doublingHours', 'deathPerHour', 'nonSpecificUptake', 'maxBound'];

/** The edit a choice makes on this scenario. */
export function editOf(s: ScenarioFile, c: Choice): Edit {
  const cells = Object.keys(s.cellTypes);
  const ves = Object.keys(s.vesicleTypes);
  const labels = Object.keys(s.labels);
  const recs = Object.keys(s.receptors);
  const sigs = Object.keys(s.signals);
  const tissue = Object.keys(s.tissues)[0];
  const cell = pick(cells, c.a) ?? 'nope';
  switch (c.op) {
    case 'set-num':
      return { op: 'set', path: `cellTypes.${cell}.${pick(NUMBER_FIELDS, c.b)}`, value: c.x };
    case 'set-name':
      return { op: 'set', path: c.b % 2 === 0 ? 'title' : `cellTypes.${cell}.name`, value: c.name };
    case 'addCellKind':
      return { op: 'addCellKind', name: c.name, role: pick(CELL_ROLES, c.b), count: c.a % 20 };
    case 'removeCellKind':
      return { op: 'removeCellKind', id: cell };
    case 'setRole':
      return { op: 'setRole', id: cell, role: pick(CELL_ROLES, c.b)! };
    case 'addVesicleKind':
      return { op: 'addVesicleKind', name: c.name };
    case 'removeVesicleKind':
      return { op: 'removeVesicleKind', id: pick(ves, c.a) ?? 'nope' };
    case 'addLabel':
      return { op: 'addLabel', name: c.name };
    case 'removeLabel':
      return { op: 'removeLabel', id: pick(labels, c.a) ?? 'nope' };
    case 'addReceptor':
      return { op: 'addReceptor', name: c.name };
    case 'removeReceptor':
      return { op: 'removeReceptor', id: pick(recs, c.a) ?? 'nope' };
    case 'addSignal':
      return { op: 'addSignal', name: c.name };
    case 'toggleLabel':
      return { op: 'toggleLabel', vesicle: pick(ves, c.a) ?? 'nope', label: pick(labels, c.b) ?? 'nope', on: c.x > 0 };
    case 'toggleReceptor':
      return { op: 'toggleReceptor', cell, receptor: pick(recs, c.b) ?? 'nope', on: c.x > 0 };
    case 'setAffinity':
      return { op: 'setAffinity', label: pick(labels, c.a) ?? 'nope', receptor: pick(recs, c.b) ?? 'nope', value: c.x / 100 };
    case 'setRelease':
      return { op: 'setRelease', cell, vesicle: pick(ves, c.b) ?? 'nope', perHour: c.x < 0 ? null : c.x };
    case 'setCargo':
      return { op: 'setCargo', vesicle: pick(ves, c.a) ?? 'nope', signal: pick(sigs, c.b) ?? 'nope', amount: c.x < 0 ? null : c.x };
    case 'addSwitch':
      return { op: 'addSwitch', cell, signal: pick(sigs, c.b) ?? 'nope' };
    case 'removeSwitch':
      return { op: 'removeSwitch', cell, index: c.b % 3 };
    case 'place-cluster':
      return { op: 'place', tissue, placement: { type: cell, count: c.a % 5, cluster: { x: Math.abs(c.x) % 600, y: c.b * 7, radius: 1 + c.a } } };
    case 'place-region':
      return { op: 'place', tissue, placement: { type: cell, count: c.b, region: { x: c.a * 3, y: c.b, width: c.x, height: 50 } } };
    case 'removePlacement':
      return { op: 'removePlacement', tissue, index: c.a % 4 };
    case 'addChart':
      return { op: 'addChart', title: c.name, metrics: [`cells.${cell}`] };
    case 'removeChart':
      return { op: 'removeChart', index: c.a % 3 };
    case 'setPrompt':
      return { op: 'setPrompt', index: c.a % 4, prompt: { atHours: c.x, predict: c.name, explain: 'because' } };
    case 'undo-prompt':
      return { op: 'setPrompt', index: c.a % 3, prompt: null };
    case 'addEvent':
      return c.b % 2 === 0
        ? { op: 'addEvent', event: { kind: 'inject', atHours: Math.abs(c.x), vesicleType: pick(ves, c.a) ?? 'nope', packets: 1 + c.b, ...(c.a % 2 === 0 ? { tissue } : {}) } }
        : { op: 'addEvent', event: { kind: 'removeCells', atHours: c.a, type: cell, fraction: c.x / 100 } };
    case 'removeEvent':
      return { op: 'removeEvent', index: c.a % 3 };
    case 'addDose':
      return { op: 'addDose', dose: { name: c.name, vesicleType: pick(ves, c.a) ?? 'nope', packets: c.b, everyHours: c.x, startHours: 0, stopHours: 100000, ...(c.a % 2 === 0 ? { tissue } : {}) } };
    case 'removeDose':
      return { op: 'removeDose', index: c.a % 3 };
    case 'addTissue':
      return { op: 'addTissue', name: c.name };
    case 'removeTissue':
      return { op: 'removeTissue', id: pick(Object.keys(s.tissues), c.a) ?? 'nope' };
  }
}
