// Every name a scenario uses must be declared in it: labels, signals, receptors, vesicle types,
// cell types, each cell type's states, tissues — in cell types, placements, doses, scheduled
// events (the lesson's charts and buttons are checked in lessons/references.ts). A wrong name is a problem at its path
// with the closest declared names, never a silent no-op. Every lookup is an own-key check, so
// names such as "constructor" or "toString" are unknown unless declared.
import type { Scenario, EventSpec } from './schema';
import { didYouMean } from './suggest';

export type Path = (string | number)[];
export interface RefProblem {
  path: Path;
  message: string;
}

export const own = (rec: object, k: string) => Object.prototype.hasOwnProperty.call(rec, k);

function listed(names: readonly string[]): string {
  if (names.length === 0) return '(none)';
  return names.length <= 12 ? names.join(', ') : `${names.slice(0, 12).join(', ')} … (${names.length})`;
}

/** 'unknown state "activ" of nk (did you mean "active"?); states: active, suppressed' */
export function unknownName(what: string, id: string, known: readonly string[], owner = ''): string {
  const plural = what.endsWith('s') ? what : `${what}s`;
  return `unknown ${what} "${id}"${owner ? ` of ${owner}` : ''}${didYouMean(id, known)}; ${plural}: ${listed(known)}`;
}

/** The states of a cell type, or undefined when no such cell type is declared. */
export function statesOf(s: Scenario, type: string): string[] | undefined {
  return own(s.cellTypes, type) ? s.cellTypes[type].states : undefined;
}

/** What an event names that the scenario does not declare (`set` paths are checked by uses.ts). */
export function eventReferenceProblems(s: Scenario, e: EventSpec, at: Path = []): RefProblem[] {
  const out: RefProblem[] = [];
  const check = (field: string, id: string | undefined, what: string, rec: object) => {
    if (id !== undefined && !own(rec, id)) out.push({ path: [...at, field], message: unknownName(what, id, Object.keys(rec)) });
  };
  switch (e.kind) {
    case 'addCells': {
      check('tissue', e.tissue, 'tissue', s.tissues);
      check('type', e.type, 'cell type', s.cellTypes);
      const states = statesOf(s, e.type);
      if (states && e.state !== undefined && !states.includes(e.state)) out.push({ path: [...at, 'state'], message: unknownName('state', e.state, states, e.type) });
      break;
    }
    case 'removeCells':
      check('type', e.type, 'cell type', s.cellTypes);
      check('tissue', e.tissue, 'tissue', s.tissues);
      break;
    case 'drug':
      check('cellType', e.cellType, 'cell type', s.cellTypes);
      break;
    case 'blockLabel':
      check('label', e.label, 'label', s.labels);
      break;
    case 'inject':
      check('vesicleType', e.vesicleType, 'vesicle type', s.vesicleTypes);
      check('tissue', e.tissue, 'tissue', s.tissues);
      break;
    case 'set':
      break;
  }
  return out;
}

/** Checks every cross-reference of a parsed scenario, reporting each wrong name through `bad`. */
export function checkReferences(s: Scenario, bad: (path: Path, message: string) => void): void {
  const ids = (rec: object) => Object.keys(rec);
  const ref = (path: Path, what: string, id: string, rec: object) => {
    if (!own(rec, id)) bad(path, unknownName(what, id, ids(rec)));
  };
  if (ids(s.tissues).length > 200) bad(['tissues'], 'at most 200 tissues');
  if (ids(s.cellTypes).length > 250) bad(['cellTypes'], 'at most 250 cell types');
  if (ids(s.vesicleTypes).length > 250) bad(['vesicleTypes'], 'at most 250 vesicle types');
  for (const [id, vt] of Object.entries(s.vesicleTypes)) {
    vt.labels.forEach((l, i) => ref(['vesicleTypes', id, 'labels', i], 'label', l, s.labels));
    for (const k of ids(vt.onBind)) ref(['vesicleTypes', id, 'onBind', k], 'signal', k, s.signals);
    for (const k of ids(vt.cargo)) ref(['vesicleTypes', id, 'cargo', k], 'signal', k, s.signals);
  }
  for (const [id, ct] of Object.entries(s.cellTypes)) {
    const states = new Set(ct.states);
    const state = (path: Path, st: string, extra: string[] = []) => {
      if (!states.has(st) && !extra.includes(st)) bad(path, unknownName('state', st, [...ct.states, ...extra], id));
    };
    if (states.size !== ct.states.length) bad(['cellTypes', id, 'states'], 'state names must differ');
    if (states.has('dead')) bad(['cellTypes', id, 'states'], '"dead" is reserved: a transition to "dead" removes the cell');
    ct.receptors.forEach((r, i) => ref(['cellTypes', id, 'receptors', i], 'receptor', r, s.receptors));
    ct.release.forEach((r, i) => {
      ref(['cellTypes', id, 'release', i, 'vesicleType'], 'vesicle type', r.vesicleType, s.vesicleTypes);
      r.states?.forEach((st, j) => state(['cellTypes', id, 'release', i, 'states', j], st));
    });
    ct.transitions.forEach((t, i) => {
      state(['cellTypes', id, 'transitions', i, 'from'], t.from);
      state(['cellTypes', id, 'transitions', i, 'to'], t.to, ['dead']);
      if (t.signal !== undefined) ref(['cellTypes', id, 'transitions', i, 'signal'], 'signal', t.signal, s.signals);
    });
    const ck = ct.contactKilling;
    if (ck) {
      ck.targets.forEach((t, i) => ref(['cellTypes', id, 'contactKilling', 'targets', i], 'cell type', t, s.cellTypes));
      ck.fromStates?.forEach((st, i) => state(['cellTypes', id, 'contactKilling', 'fromStates', i], st));
      // Target states name states of the target types (a state any of them has).
      const targetStates = [...new Set(ck.targets.flatMap((t) => statesOf(s, t) ?? []))];
      ck.targetStates?.forEach((st, i) => {
        if (!targetStates.includes(st))
          bad(['cellTypes', id, 'contactKilling', 'targetStates', i], unknownName('state', st, targetStates, `the targets (${ck.targets.join(', ')})`));
      });
    }
  }
  for (const [l, row] of Object.entries(s.affinity)) {
    ref(['affinity', l], 'label', l, s.labels);
    for (const r of ids(row)) ref(['affinity', l, r], 'receptor', r, s.receptors);
  }
  let cells = 0;
  for (const [id, t] of Object.entries(s.tissues)) {
    t.cells.forEach((p, i) => {
      cells += p.count;
      const states = statesOf(s, p.type);
      if (!states) bad(['tissues', id, 'cells', i, 'type'], unknownName('cell type', p.type, ids(s.cellTypes)));
      else if (p.state !== undefined && !states.includes(p.state)) bad(['tissues', id, 'cells', i, 'state'], unknownName('state', p.state, states, p.type));
    });
    t.barriers.forEach((b, i) => {
      const limit = b.orientation === 'horizontal' ? t.height : t.width;
      if (b.position > limit) bad(['tissues', id, 'barriers', i, 'position'], `barrier position must lie inside the tissue (0–${limit} µm)`);
    });
  }
  s.doses.forEach((d, i) => {
    ref(['doses', i, 'vesicleType'], 'vesicle type', d.vesicleType, s.vesicleTypes);
    if (d.tissue !== undefined) ref(['doses', i, 'tissue'], 'tissue', d.tissue, s.tissues);
  });
  if (cells > s.limits.cellCapacity) bad(['tissues'], `the scene places ${cells} cells but the cell capacity is ${s.limits.cellCapacity}`);
  const events = (list: EventSpec[] | undefined, at: Path) => list?.forEach((e, i) => eventReferenceProblems(s, e, [...at, i]).forEach((p) => bad(p.path, p.message)));
  events(s.events, ['events']);
}
