// The builder's edit operations: each is data ({op, …}) applied to a scenario, giving a new
// validated scenario or the problem with the field it touched — never a half-applied change.
// The input is never changed (edits work on a copy), so an undo stack can keep old scenarios as
// they are. Validation is the one whole-file schema (lessons/scenarioFile.ts).
import type { DoseSpec, EventSpec } from '../../../sim/schema';
import type { CellRole, PromptSpec } from '../../../lessons/schema';
import { parseScenarioFile, type ScenarioFile } from '../../../lessons/scenarioFile';
import { FORBIDDEN_KEYS } from '../events';
import { newId } from './ids';
import { t } from './messages';

/** Where cells go: scattered over the tissue or a region, or in a cluster (a single cell is a cluster of one). */
export interface PlacementSpec {
  type: string;
  count: number;
  state?: string;
  region?: { x: number; y: number; width: number; height: number };
  cluster?: { x: number; y: number; radius: number };
}

export type Edit =
  /** Any field by its dotted path (names, numbers, texts): `cellTypes.sender.radius`. */
  | { op: 'set'; path: string; value: unknown }
  | { op: 'addCellKind'; name: string; role?: CellRole; count?: number }
  | { op: 'removeCellKind'; id: string }
  | { op: 'setRole'; id: string; role: CellRole }
  | { op: 'addVesicleKind'; name: string }
  | { op: 'removeVesicleKind'; id: string }
  | { op: 'addLabel'; name: string }
  | { op: 'removeLabel'; id: string }
  | { op: 'addReceptor'; name: string }
  | { op: 'removeReceptor'; id: string }
  | { op: 'addSignal'; name: string }
  | { op: 'toggleLabel'; vesicle: string; label: string; on: boolean }
  | { op: 'toggleReceptor'; cell: string; receptor: string; on: boolean }
  | { op: 'setAffinity'; label: string; receptor: string; value: number }
  | { op: 'setRelease'; cell: string; vesicle: string; perHour: number | null }
  | { op: 'setCargo'; vesicle: string; signal: string; amount: number | null }
  | { op: 'addSwitch'; cell: string; signal: string }
  | { op: 'removeSwitch'; cell: string; index: number }
  | { op: 'place'; tissue: string; placement: PlacementSpec }
  | { op: 'removePlacement'; tissue: string; index: number }
  | { op: 'addChart'; title: string; metrics: string[] }
  | { op: 'removeChart'; index: number }
  | { op: 'addButton'; label: string; events: EventSpec[] }
  | { op: 'removeButton'; index: number }
  | { op: 'setPrompt'; index: number; prompt: PromptSpec | null }
  /** A scheduled event (an injection, a drug, an antibody, cells added or removed at an hour). */
  | { op: 'addEvent'; event: EventSpec }
  | { op: 'removeEvent'; index: number }
  /** Repeated doses of vesicles (into a tissue, or the blood). */
  | { op: 'addDose'; dose: DoseSpec }
  | { op: 'removeDose'; index: number }
  | { op: 'addTissue'; name: string }
  | { op: 'removeTissue'; id: string };

export type EditResult = { ok: true; scenario: ScenarioFile } | { ok: false; path: string; message: string };

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** A dotted scenario path from its keys. */
const dotted = (...keys: (string | number)[]): string => keys.join('.');

/** The field an edit touches (where its message is shown). */
export function pathOf(e: Edit): string {
  switch (e.op) {
    case 'set':
      return e.path;
    case 'addCellKind':
    case 'removeCellKind':
      return 'cellTypes';
    case 'setRole':
      return dotted('lesson', 'roles', e.id);
    case 'addVesicleKind':
    case 'removeVesicleKind':
      return 'vesicleTypes';
    case 'addLabel':
    case 'removeLabel':
      return 'labels';
    case 'addReceptor':
    case 'removeReceptor':
      return 'receptors';
    case 'addSignal':
      return 'signals';
    case 'toggleLabel':
      return dotted('vesicleTypes', e.vesicle, 'labels');
    case 'toggleReceptor':
      return dotted('cellTypes', e.cell, 'receptors');
    case 'setAffinity':
      return dotted('affinity', e.label, e.receptor);
    case 'setRelease':
      return dotted('cellTypes', e.cell, 'release');
    case 'setCargo':
      return dotted('vesicleTypes', e.vesicle, 'cargo', e.signal);
    case 'addSwitch':
    case 'removeSwitch':
      return dotted('cellTypes', e.cell, 'transitions');
    case 'place':
    case 'removePlacement':
      return dotted('tissues', e.tissue, 'cells');
    case 'addChart':
    case 'removeChart':
      return 'lesson.charts';
    case 'addButton':
    case 'removeButton':
      return 'lesson.interventions';
    case 'setPrompt':
      return dotted('lesson', 'prompts', e.index);
    case 'addEvent':
    case 'removeEvent':
      return 'events';
    case 'addDose':
    case 'removeDose':
      return 'doses';
    case 'addTissue':
    case 'removeTissue':
      return 'tissues';
  }
}

class EditError extends Error {}
const fail = (message: string): never => {
  throw new EditError(message);
};

/** Sets `value` at a dotted path of a plain JSON copy, making objects on the way. */
function setIn(root: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  if (path.length > 200 || keys.some((k) => k === '' || FORBIDDEN_KEYS.has(k))) fail(t('builder.edit.notAField', { path }));
  let node: unknown = root;
  for (const k of keys.slice(0, -1)) {
    if (Array.isArray(node)) {
      const i = Number(k);
      if (!Number.isInteger(i) || i < 0 || i >= node.length) fail(t('builder.edit.notAField', { path }));
      node = node[i];
    } else if (isObj(node)) {
      if (!own(node, k)) node[k] = {};
      node = node[k];
    } else fail(t('builder.edit.notAField', { path }));
  }
  const last = keys[keys.length - 1];
  if (Array.isArray(node)) {
    const i = Number(last);
    if (!Number.isInteger(i) || i < 0 || i > node.length) fail(t('builder.edit.notAField', { path }));
    node[i] = value;
  } else if (isObj(node)) {
    if (value === undefined) delete node[last];
    else node[last] = value;
  } else fail(t('builder.edit.notAField', { path }));
}

const lessonOf = (s: Json): Json => {
  if (!isObj(s.lesson)) s.lesson = {};
  return s.lesson as Json;
};
const rec = (s: Json, key: string): Json => {
  if (!isObj(s[key])) s[key] = {};
  return s[key] as Json;
};
/** The things an edit can name, as words for its message. */
const THING_WORDS = {
  cellKind: 'builder.thing.cellKind',
  vesicleKind: 'builder.thing.vesicleKind',
  label: 'builder.thing.label',
  receptor: 'builder.thing.receptor',
  signal: 'builder.thing.signal',
  tissue: 'builder.thing.tissue',
} as const;
const need = (r: Json, id: string, what: keyof typeof THING_WORDS) => {
  if (!own(r, id)) fail(t('builder.edit.noSuchThing', { what: t(THING_WORDS[what]), id }));
  return r[id] as Json;
};

/** The name a new thing gets when none is typed ("Cell kind 2"): numbered after those there are, and not yet used. */
function defaultName(key: 'builder.default.cellKind' | 'builder.default.vesicleKind' | 'builder.default.label' | 'builder.default.receptor' | 'builder.default.signal' | 'builder.default.tissueN', r: Json): string {
  const names = new Set(Object.values(r).map((x) => (isObj(x) && typeof x.name === 'string' ? x.name : '')));
  let n = Object.keys(r).length + 1;
  while (names.has(t(key, { n }))) n++;
  return t(key, { n });
}
const cellKinds = (s: Json) => rec(s, 'cellTypes');
const tissues = (s: Json) => Object.values(rec(s, 'tissues')).filter(isObj);
const arr = (o: Json, key: string): unknown[] => {
  if (!Array.isArray(o[key])) o[key] = [];
  return o[key] as unknown[];
};
const mentions = (v: unknown, id: string): boolean => JSON.stringify(v).includes(`"${id}"`);

/** Removes every use of a cell kind: its placements, role, killing targets, charts and buttons that name it. */
function dropCellKind(s: Json, id: string): void {
  delete cellKinds(s)[id];
  for (const t of tissues(s)) t.cells = arr(t, 'cells').filter((p) => !(isObj(p) && p.type === id));
  for (const c of Object.values(cellKinds(s))) {
    if (!isObj(c) || !isObj(c.contactKilling)) continue;
    const targets = arr(c.contactKilling, 'targets').filter((x) => x !== id);
    if (targets.length === 0) delete c.contactKilling;
    else c.contactKilling.targets = targets;
  }
  dropFromLesson(s, (x) => mentions(x, id), (name) => name.split('.').includes(id));
  const L = s.lesson;
  if (isObj(L)) {
    if (isObj(L.roles)) delete L.roles[id];
    if (isObj(L.switched)) delete L.switched[id];
  }
  s.events = arr(s, 'events').filter((e) => !mentions(e, id));
}

/** Drops buttons, paired runs and side views whose events use `uses`, and chart, main and watched metrics named by `metric`. */
function dropFromLesson(s: Json, uses: (x: unknown) => boolean, metric: (name: string) => boolean): void {
  const L = s.lesson;
  if (!isObj(L)) return;
  if (Array.isArray(L.interventions)) L.interventions = L.interventions.filter((b) => !uses(b));
  if (L.paired !== undefined && uses(L.paired)) delete L.paired;
  if (L.sideBySide !== undefined && uses(L.sideBySide)) delete L.sideBySide;
  if (L.cohort !== undefined && uses(L.cohort)) delete L.cohort;
  if (Array.isArray(L.exposed)) L.exposed = L.exposed.filter((p) => typeof p !== 'string' || !metric(p));
  if (Array.isArray(L.charts))
    L.charts = L.charts
      .filter(isObj)
      .filter((c) => !['cellType', 'from'].some((k) => typeof c[k] === 'string' && uses(c[k])))
      .map((c): Json => ({ ...c, metrics: Array.isArray(c.metrics) ? c.metrics.filter((m) => typeof m !== 'string' || !metric(m)) : c.metrics }))
      .filter((c) => !Array.isArray(c.metrics) || c.metrics.length > 0 || c.kind === 'distance');
  // The lesson's main metric and a prompt's watched metric go with what they count.
  if (isObj(L.mainMetric) && typeof L.mainMetric.metric === 'string' && metric(L.mainMetric.metric)) delete L.mainMetric;
  if (Array.isArray(L.prompts)) for (const p of L.prompts) if (isObj(p) && isObj(p.watch) && typeof p.watch.metric === 'string' && metric(p.watch.metric)) delete p.watch;
}

function dropVesicleKind(s: Json, id: string): void {
  delete rec(s, 'vesicleTypes')[id];
  for (const c of Object.values(cellKinds(s))) if (isObj(c)) c.release = arr(c, 'release').filter((r) => !(isObj(r) && r.vesicleType === id));
  s.doses = arr(s, 'doses').filter((d) => !(isObj(d) && d.vesicleType === id));
  s.events = arr(s, 'events').filter((e) => !mentions(e, id));
  dropFromLesson(s, (x) => mentions(x, id), (name) => name.split('.').includes(id));
}

function dropLabel(s: Json, id: string): void {
  delete rec(s, 'labels')[id];
  delete rec(s, 'affinity')[id];
  for (const v of Object.values(rec(s, 'vesicleTypes'))) if (isObj(v)) v.labels = arr(v, 'labels').filter((x) => x !== id);
  s.events = arr(s, 'events').filter((e) => !mentions(e, id));
  dropFromLesson(s, (x) => mentions(x, id), (name) => name.split('.').includes(id));
}

function dropReceptor(s: Json, id: string): void {
  delete rec(s, 'receptors')[id];
  for (const row of Object.values(rec(s, 'affinity'))) if (isObj(row)) delete row[id];
  for (const c of Object.values(cellKinds(s))) if (isObj(c)) c.receptors = arr(c, 'receptors').filter((x) => x !== id);
  dropFromLesson(s, (x) => mentions(x, `affinity`) && mentions(x, id), () => false);
}

/**
 * Removes a tissue and every use of it: events, doses and buttons given into it, and the metrics
 * that name it (`cells.<kind>.in.<tissue>`, `vesicles.tissue.<tissue>`) — all per-tissue metrics
 * when one tissue is left, since the engine counts per tissue only when there are several.
 */
function dropTissue(s: Json, id: string): void {
  delete rec(s, 'tissues')[id];
  const into = (x: unknown) => JSON.stringify(x).includes(`"tissue":${JSON.stringify(id)}`);
  s.events = arr(s, 'events').filter((e) => !into(e));
  s.doses = arr(s, 'doses').filter((d) => !into(d));
  const one = Object.keys(rec(s, 'tissues')).length === 1;
  const names = (m: string) => (one ? /\.in\.[^.]+$|^vesicles\.tissue\.[^.]+$/.test(m) : m.endsWith(`.in.${id}`) || m === `vesicles.tissue.${id}`);
  dropFromLesson(s, into, names);
}

function toggle(list: unknown[], id: string, on: boolean): unknown[] {
  const without = list.filter((x) => x !== id);
  return on ? [...without, id] : without;
}

function apply(s: Json, e: Edit): void {
  switch (e.op) {
    case 'set':
      setIn(s, e.path, e.value);
      return;
    case 'addCellKind': {
      const name = e.name.trim() || defaultName('builder.default.cellKind', cellKinds(s));
      const id = newId(name, Object.keys(cellKinds(s)), 'cells');
      cellKinds(s)[id] = { name };
      const L = lessonOf(s);
      L.roles = { ...(isObj(L.roles) ? L.roles : {}), [id]: e.role ?? 'bystander' };
      const first = tissues(s)[0];
      if (first && (e.count ?? 0) > 0) arr(first, 'cells').push({ type: id, count: e.count });
      return;
    }
    case 'removeCellKind':
      need(cellKinds(s), e.id, 'cellKind');
      dropCellKind(s, e.id);
      return;
    case 'setRole': {
      need(cellKinds(s), e.id, 'cellKind');
      const L = lessonOf(s);
      L.roles = { ...(isObj(L.roles) ? L.roles : {}), [e.id]: e.role };
      return;
    }
    case 'addVesicleKind': {
      const name = e.name.trim() || defaultName('builder.default.vesicleKind', rec(s, 'vesicleTypes'));
      rec(s, 'vesicleTypes')[newId(name, Object.keys(rec(s, 'vesicleTypes')), 'vesicles')] = { name };
      return;
    }
    case 'removeVesicleKind':
      need(rec(s, 'vesicleTypes'), e.id, 'vesicleKind');
      dropVesicleKind(s, e.id);
      return;
    case 'addLabel': {
      const name = e.name.trim() || defaultName('builder.default.label', rec(s, 'labels'));
      rec(s, 'labels')[newId(name, Object.keys(rec(s, 'labels')), 'label')] = { name };
      return;
    }
    case 'removeLabel':
      need(rec(s, 'labels'), e.id, 'label');
      dropLabel(s, e.id);
      return;
    case 'addReceptor': {
      const name = e.name.trim() || defaultName('builder.default.receptor', rec(s, 'receptors'));
      rec(s, 'receptors')[newId(name, Object.keys(rec(s, 'receptors')), 'receptor')] = { name };
      return;
    }
    case 'removeReceptor':
      need(rec(s, 'receptors'), e.id, 'receptor');
      dropReceptor(s, e.id);
      return;
    case 'addSignal': {
      const name = e.name.trim() || defaultName('builder.default.signal', rec(s, 'signals'));
      rec(s, 'signals')[newId(name, Object.keys(rec(s, 'signals')), 'signal')] = { name };
      return;
    }
    case 'toggleLabel': {
      const v = need(rec(s, 'vesicleTypes'), e.vesicle, 'vesicleKind');
      need(rec(s, 'labels'), e.label, 'label');
      v.labels = toggle(arr(v, 'labels'), e.label, e.on);
      return;
    }
    case 'toggleReceptor': {
      const c = need(cellKinds(s), e.cell, 'cellKind');
      need(rec(s, 'receptors'), e.receptor, 'receptor');
      c.receptors = toggle(arr(c, 'receptors'), e.receptor, e.on);
      return;
    }
    case 'setAffinity': {
      need(rec(s, 'labels'), e.label, 'label');
      need(rec(s, 'receptors'), e.receptor, 'receptor');
      const row = rec(rec(s, 'affinity'), e.label);
      row[e.receptor] = e.value;
      return;
    }
    case 'setRelease': {
      const c = need(cellKinds(s), e.cell, 'cellKind');
      need(rec(s, 'vesicleTypes'), e.vesicle, 'vesicleKind');
      const list = arr(c, 'release');
      const at = list.findIndex((r) => isObj(r) && r.vesicleType === e.vesicle);
      if (e.perHour === null) {
        if (at >= 0) list.splice(at, 1);
      } else if (at >= 0) (list[at] as Json).perHour = e.perHour;
      else list.push({ vesicleType: e.vesicle, perHour: e.perHour });
      return;
    }
    case 'setCargo': {
      const v = need(rec(s, 'vesicleTypes'), e.vesicle, 'vesicleKind');
      need(rec(s, 'signals'), e.signal, 'signal');
      const cargo = rec(v, 'cargo');
      if (e.amount === null) delete cargo[e.signal];
      else cargo[e.signal] = e.amount;
      return;
    }
    case 'addSwitch': {
      const c = need(cellKinds(s), e.cell, 'cellKind');
      need(rec(s, 'signals'), e.signal, 'signal');
      const states = arr(c, 'states') as string[];
      if (states.length === 0) states.push('alive');
      if (states.length === 1) states.push('switched');
      arr(c, 'transitions').push({ from: states[0], to: states[1], signal: e.signal, when: 'above', K: 5, n: 3, ratePerHour: 2 });
      return;
    }
    case 'removeSwitch': {
      const c = need(cellKinds(s), e.cell, 'cellKind');
      const list = arr(c, 'transitions');
      if (!Number.isInteger(e.index) || e.index < 0 || e.index >= list.length) fail(t('builder.edit.noSwitch'));
      list.splice(e.index, 1);
      return;
    }
    case 'place': {
      const t = need(rec(s, 'tissues'), e.tissue, 'tissue');
      arr(t, 'cells').push(structuredClone(e.placement));
      return;
    }
    case 'removePlacement': {
      const tissue = need(rec(s, 'tissues'), e.tissue, 'tissue');
      const list = arr(tissue, 'cells');
      if (!Number.isInteger(e.index) || e.index < 0 || e.index >= list.length) fail(t('builder.edit.noGroup'));
      list.splice(e.index, 1);
      return;
    }
    case 'addChart':
      arr(lessonOf(s), 'charts').push({ title: e.title, metrics: [...e.metrics] });
      return;
    case 'removeChart': {
      const list = arr(lessonOf(s), 'charts');
      if (!Number.isInteger(e.index) || e.index < 0 || e.index >= list.length) fail(t('builder.edit.noChart'));
      list.splice(e.index, 1);
      return;
    }
    case 'addButton':
      arr(lessonOf(s), 'interventions').push({ label: e.label, events: structuredClone(e.events) });
      return;
    case 'removeButton': {
      const list = arr(lessonOf(s), 'interventions');
      if (!Number.isInteger(e.index) || e.index < 0 || e.index >= list.length) fail(t('builder.edit.noButton'));
      list.splice(e.index, 1);
      return;
    }
    case 'addEvent':
      arr(s, 'events').push(structuredClone(e.event));
      return;
    case 'removeEvent': {
      const list = arr(s, 'events');
      if (!Number.isInteger(e.index) || e.index < 0 || e.index >= list.length) fail(t('builder.edit.noEvent'));
      list.splice(e.index, 1);
      return;
    }
    case 'addDose':
      arr(s, 'doses').push(structuredClone(e.dose));
      return;
    case 'removeDose': {
      const list = arr(s, 'doses');
      if (!Number.isInteger(e.index) || e.index < 0 || e.index >= list.length) fail(t('builder.edit.noDose'));
      list.splice(e.index, 1);
      return;
    }
    case 'addTissue': {
      const tissues = rec(s, 'tissues');
      const name = e.name.trim() || defaultName('builder.default.tissueN', tissues);
      tissues[newId(name, Object.keys(tissues), 'tissue')] = { name, width: 600, height: 400 };
      return;
    }
    case 'removeTissue':
      need(rec(s, 'tissues'), e.id, 'tissue');
      if (Object.keys(rec(s, 'tissues')).length <= 1) fail(t('builder.edit.lastTissue'));
      dropTissue(s, e.id);
      return;
    case 'setPrompt': {
      const list = arr(lessonOf(s), 'prompts');
      if (!Number.isInteger(e.index) || e.index < 0 || e.index > list.length || e.index >= 3) fail(t('builder.edit.threePrompts'));
      if (e.prompt === null) {
        if (e.index < list.length) list.splice(e.index, 1);
      } else list[e.index] = { ...e.prompt };
      return;
    }
  }
}

/** The problem to show next to the field an edit touched: the first at or under its path, else the first. */
function problemFor(path: string, problems: { path: string; message: string }[]): { path: string; message: string } {
  const near = problems.find((p) => p.path === path || p.path.startsWith(`${path}.`)) ?? problems.find((p) => path.startsWith(`${p.path}.`));
  return near ?? problems[0] ?? { path, message: t('builder.edit.notValid') };
}

/** Applies one edit: a new validated scenario, or the problem (the scenario given is never changed). */
export function applyEdit(s: ScenarioFile, e: Edit): EditResult {
  const path = pathOf(e);
  const draft = structuredClone(s) as unknown as Json;
  try {
    apply(draft, e);
  } catch (err) {
    if (err instanceof EditError) return { ok: false, path, message: err.message };
    return { ok: false, path, message: t('builder.edit.cannot', { error: err instanceof Error ? err.message : String(err) }) };
  }
  const parsed = parseScenarioFile(draft);
  if (!parsed.ok) return { ok: false, ...problemFor(path, parsed.problems) };
  return { ok: true, scenario: parsed.value };
}
