// An edit in words, for the builder's status line and its undo and redo ("Changed the radius of
// NK cell", "Undone: Added the receptor “CD9”"): named with the scenario's own names and the
// builder's field names (fieldNames.ts), in the reader's language. Pure: reads the scenario the edit was applied to.
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import type { DoseSpec, EventSpec } from '../../../sim/schema';
import { num, roleWord } from '../../i18n/i18n';
import type { Edit } from './edits';
import { t } from './messages';
import { fieldWord, type FieldKey } from './fieldNames';

/** The builder's name for each field a `set` edit can change, by the field's last key. */
const CELL_FIELDS: Record<string, FieldKey> = {
  name: 'builder.name',
  radius: 'param.l.cellRadius',
  motility: 'param.l.motility',
  doublingHours: 'builder.cells.doubling',
  deathPerHour: 'param.l.deathRate',
  nonSpecificUptake: 'param.l.nonSpecificUptake',
  internalisePerHour: 'param.l.internalisationRate',
  maxBound: 'param.l.bindingCapacity',
};
const SWITCH_FIELDS: Record<string, FieldKey> = {
  signal: 'builder.switch.signal',
  when: 'builder.switch.when',
  K: 'builder.switch.K',
  n: 'builder.switch.n',
  ratePerHour: 'builder.switch.rate',
  from: 'builder.switch.from',
  to: 'builder.switch.to',
};
const TISSUE_FIELDS: Record<string, FieldKey> = {
  name: 'builder.name',
  width: 'param.l.width',
  height: 'param.l.height',
  diffusion: 'param.l.vesicleDiffusion',
  halfLifeHours: 'param.l.vesicleHalfLifeInTissue',
};
const PART_FIELDS: Record<string, FieldKey> = {
  x: 'param.l.x',
  y: 'param.l.y',
  width: 'param.l.width',
  height: 'param.l.height',
  entryPerMinute: 'param.l.vesselEntry',
  position: 'param.l.barrierPosition',
  permeability: 'param.l.barrierPermeability',
};
const SIGNAL_FIELDS: Record<string, FieldKey> = { name: 'builder.name', halfLifeHours: 'builder.ves.fades' };
const TOP_FIELDS: Record<string, FieldKey> = {
  title: 'builder.exp.title',
  seed: 'builder.exp.seed',
  question: 'builder.exp.question',
  'lesson.hours': 'builder.exp.hours',
  bindingSpeed: 'param.l.bindingSpeed',
  deliveryFraction: 'param.l.cargoDelivery',
  vesiclesPerDot: 'param.l.vesiclesPerDot',
  'blood.volumeMl': 'param.l.plasmaVolume',
  'blood.halfLifeMinutes': 'param.l.bloodHalfLife',
  'lesson.detectionLimitPerMl': 'param.l.assayDetectionLimit',
};

const own = <T>(r: Record<string, T>, k: string | undefined): T | undefined => (k !== undefined && Object.hasOwn(r, k) ? r[k] : undefined);

/** What a `set` edit at this path changes. */
function describeSet(s: ScenarioFile, path: string): string {
  const top = own(TOP_FIELDS, path);
  if (top) return t('builder.edit.set', { field: fieldWord(top) });
  const [root, id, k, i, k2] = path.split('.');
  if (root === 'cellTypes') {
    const cell = own(s.cellTypes, id)?.name ?? id;
    if (k === 'states') return t('builder.edit.setStates', { cell });
    const sw = own(SWITCH_FIELDS, k2);
    if (k === 'transitions' && sw) return t('builder.edit.setSwitch', { field: fieldWord(sw), cell });
    const f = own(CELL_FIELDS, k);
    if (f) return t('builder.edit.setOf', { field: fieldWord(f), thing: cell });
    return t('builder.edit.changedThing', { thing: cell });
  }
  if (root === 'tissues') {
    const tissue = own(s.tissues, id)?.name ?? id;
    if (k === 'vessels' || k === 'barriers') {
      const f = own(PART_FIELDS, k2);
      if (f && i !== undefined) return t('builder.edit.setOf', { field: fieldWord(f), thing: t(k === 'vessels' ? 'builder.world.vesselN' : 'builder.world.barrierN', { n: Number(i) + 1 }) });
      return t(k === 'vessels' ? 'builder.edit.setVessels' : 'builder.edit.setBarriers', { tissue });
    }
    if (k === 'cells') {
      const p = s.tissues[id]?.cells[Number(i)];
      return t('builder.edit.setCount', { cell: (p && own(s.cellTypes, p.type)?.name) ?? p?.type ?? '', tissue });
    }
    const f = own(TISSUE_FIELDS, k);
    return f ? t('builder.edit.setOf', { field: fieldWord(f), thing: tissue }) : t('builder.edit.changedThing', { thing: tissue });
  }
  if (root === 'vesicleTypes') {
    const vesicle = own(s.vesicleTypes, id)?.name ?? id;
    if (k === 'onBind') return t('builder.edit.setOnBind', { signal: own(s.signals, i)?.name ?? i ?? '', vesicle });
    if (k === 'name') return t('builder.edit.setOf', { field: fieldWord('builder.name'), thing: vesicle });
    return t('builder.edit.changedThing', { thing: vesicle });
  }
  if (root === 'signals') {
    const signal = own(s.signals, id)?.name ?? id;
    const f = own(SIGNAL_FIELDS, k);
    return f ? t('builder.edit.setOf', { field: fieldWord(f), thing: signal }) : t('builder.edit.changedThing', { thing: signal });
  }
  if (root === 'labels' && k === 'blocked') return t('builder.edit.setBlocked', { label: own(s.labels, id)?.name ?? id });
  return t('builder.edit.changed');
}

/** The edit `e`, applied to `before` and giving `after`, in words (a sentence without its full stop). */
export function describeEdit(before: ScenarioFile, after: ScenarioFile, e: Edit): string {
  const cell = (id: string) => own(after.cellTypes, id)?.name ?? own(before.cellTypes, id)?.name ?? id;
  const vesicle = (id: string) => own(after.vesicleTypes, id)?.name ?? own(before.vesicleTypes, id)?.name ?? id;
  const label = (id: string) => own(after.labels, id)?.name ?? own(before.labels, id)?.name ?? id;
  const receptor = (id: string) => own(after.receptors, id)?.name ?? own(before.receptors, id)?.name ?? id;
  /** The name of the one thing an add made: the entry of `after` that `before` lacks. */
  const added = (a: Record<string, { name: string }>, b: Record<string, { name: string }>) => Object.entries(a).find(([id]) => !Object.hasOwn(b, id))?.[1].name ?? '';
  switch (e.op) {
    case 'set':
      return describeSet(before, e.path);
    case 'addCellKind':
      return t('builder.edit.addCellKind', { name: added(after.cellTypes, before.cellTypes) });
    case 'removeCellKind':
      return t('builder.edit.removeCellKind', { name: cell(e.id) });
    case 'setRole':
      return t('builder.edit.setRole', { name: cell(e.id), role: roleWord(e.role) });
    case 'addVesicleKind':
      return t('builder.edit.addVesicleKind', { name: added(after.vesicleTypes, before.vesicleTypes) });
    case 'removeVesicleKind':
      return t('builder.edit.removeVesicleKind', { name: vesicle(e.id) });
    case 'addLabel':
      return t('builder.edit.addLabel', { name: added(after.labels, before.labels) });
    case 'removeLabel':
      return t('builder.edit.removeLabel', { name: label(e.id) });
    case 'addReceptor':
      return t('builder.edit.addReceptor', { name: added(after.receptors, before.receptors) });
    case 'removeReceptor':
      return t('builder.edit.removeReceptor', { name: receptor(e.id) });
    case 'addSignal':
      return t('builder.edit.addSignal', { name: added(after.signals, before.signals) });
    case 'toggleLabel':
      return t(e.on ? 'builder.edit.toggleLabelOn' : 'builder.edit.toggleLabelOff', { vesicle: vesicle(e.vesicle), label: label(e.label) });
    case 'toggleReceptor':
      return t(e.on ? 'builder.edit.toggleReceptorOn' : 'builder.edit.toggleReceptorOff', { cell: cell(e.cell), receptor: receptor(e.receptor) });
    case 'setAffinity':
      return t('builder.edit.setAffinity', { label: label(e.label), receptor: receptor(e.receptor) });
    case 'setRelease':
      return t('builder.edit.setRelease', { vesicle: vesicle(e.vesicle), cell: cell(e.cell) });
    case 'setCargo':
      return t('builder.edit.setCargo', { signal: own(after.signals, e.signal)?.name ?? e.signal, vesicle: vesicle(e.vesicle) });
    case 'addSwitch':
      return t('builder.edit.addSwitch', { cell: cell(e.cell) });
    case 'removeSwitch':
      return t('builder.edit.removeSwitch', { cell: cell(e.cell) });
    case 'place':
      return t('builder.edit.place', { count: e.placement.count, cell: cell(e.placement.type) });
    case 'removePlacement': {
      const p = own(before.tissues, e.tissue)?.cells[e.index];
      return t('builder.edit.removePlacement', { cell: p ? cell(p.type) : '' });
    }
    case 'addChart':
      return t('builder.edit.addChart', { title: e.title });
    case 'removeChart':
      return t('builder.edit.removeChart');
    case 'addButton':
      return t('builder.edit.addButton', { label: e.label });
    case 'removeButton':
      return t('builder.edit.removeButton');
    case 'setPrompt':
      return t(e.prompt === null ? 'builder.edit.removePrompt' : 'builder.edit.setPrompt', { n: e.index + 1 });
    case 'addEvent':
      return t('builder.edit.addEvent', { what: describeEvent(after, e.event) });
    case 'removeEvent': {
      const ev = before.events[e.index];
      return t('builder.edit.removeEvent', { what: ev ? describeEvent(before, ev) : '' });
    }
    case 'addDose':
      return t('builder.edit.addDose', { what: describeDose(after, e.dose) });
    case 'removeDose': {
      const d = before.doses[e.index];
      return t('builder.edit.removeDose', { what: d ? describeDose(before, d) : '' });
    }
    case 'addTissue':
      return t('builder.edit.addTissue', { name: added(after.tissues, before.tissues) });
    case 'removeTissue':
      return t('builder.edit.removeTissue', { name: own(before.tissues, e.id)?.name ?? e.id });
  }
}

/** A share (0–1) as a percentage the language's way ("50 %" in bokmål). */
const share = (x: number) => num(x, { style: 'percent', maximumFractionDigits: 1 });

/** The hour an event happens (from `atHours`, or its step). */
export function eventHours(s: ScenarioFile, e: EventSpec): number {
  if (e.atHours !== undefined) return e.atHours;
  return ((e.tick ?? 0) * s.dtSeconds) / 3600;
}

/** A scheduled event in words: "At hour 2: inject 500 packets of letters into tissue". */
export function describeEvent(s: ScenarioFile, e: EventSpec): string {
  const cell = (id: string) => own(s.cellTypes, id)?.name ?? id;
  const tissue = (id: string | undefined) => (id === undefined ? undefined : (own(s.tissues, id)?.name ?? id));
  let what: string;
  switch (e.kind) {
    case 'inject': {
      const where = tissue(e.tissue);
      const vesicle = own(s.vesicleTypes, e.vesicleType)?.name ?? e.vesicleType;
      what = where === undefined ? t('builder.event.injectBlood', { packets: e.packets, vesicle }) : t('builder.event.injectTissue', { packets: e.packets, vesicle, tissue: where });
      break;
    }
    case 'drug':
      what = t('builder.event.drug', { share: share(e.inhibition), cell: cell(e.cellType) });
      break;
    case 'blockLabel':
      what = t('builder.event.blockLabel', { share: share(e.fraction), label: own(s.labels, e.label)?.name ?? e.label });
      break;
    case 'removeCells':
      what = t('builder.event.removeCells', { share: share(e.fraction ?? 1), cell: cell(e.type) });
      break;
    case 'addCells':
      what = t('builder.event.addCells', { count: e.count, cell: cell(e.type), tissue: tissue(e.tissue) ?? e.tissue });
      break;
    case 'set':
      what = t('builder.event.set', { path: e.path, value: typeof e.value === 'number' ? num(e.value) : JSON.stringify(e.value) });
      break;
  }
  return t('builder.event.at', { hours: num(eventHours(s, e), { maximumFractionDigits: 2 }), what });
}

/** Repeated doses in words: "dose: 200 packets of letters every 2 h from hour 1, into the blood". */
export function describeDose(s: ScenarioFile, d: DoseSpec): string {
  const vesicle = own(s.vesicleTypes, d.vesicleType)?.name ?? d.vesicleType;
  const where = d.tissue === undefined ? undefined : (own(s.tissues, d.tissue)?.name ?? d.tissue);
  const p = { name: d.name, packets: d.packets, vesicle, every: num(d.everyHours), start: num(d.startHours) };
  return where === undefined ? t('builder.dose.blood', p) : t('builder.dose.tissue', { ...p, tissue: where });
}
