// The engine's part of the scenario schema: one zod definition of everything the engine reads
// (cells, vesicles, tissues, blood, events), yielding its types. Every adjustable number carries
// its unit, range, label and help as metadata (see param()), which the app's parameter panel and
// every settings check read back. Lesson texts, prompts, charts and buttons: lessons/schema.ts.
import { z } from './zod';
import { MAX_STATES, NO_LAST_DOSE } from './state';
import { checkReferences } from './references';

/** Metadata attached to every adjustable number. */
export interface ParamMeta {
  kind: 'param';
  label: string;
  unit: string;
  min: number;
  max: number;
  help: string;
  integer?: boolean;
  /** false: may only be set before the run starts (it changes the scene's structure). */
  live?: boolean;
}

/** An adjustable number with its unit, range and help. */
export function param(
  label: string,
  unit: string,
  min: number,
  max: number,
  help: string,
  opts: { integer?: boolean; live?: boolean } = {},
) {
  let n = z.number({ error: `${label} must be a number (${unit})` });
  n = n.min(min, { error: `${label} must be at least ${min} ${unit}` });
  n = n.max(max, { error: `${label} must be at most ${max} ${unit}` });
  if (opts.integer) n = n.int({ error: `${label} must be a whole number` });
  const meta: ParamMeta = { kind: 'param', label, unit, min, max, help, ...opts };
  return n.meta(meta as unknown as Record<string, unknown>);
}

/** Metadata of a list of ids that may be set as a whole (a vesicle type's labels, a cell type's receptors). */
export interface IdsMeta {
  kind: 'ids';
  label: string;
  help: string;
  /** The declarations the ids must name. */
  of: 'labels' | 'receptors';
}

/** Metadata of the scenario's scheduled events, which may be replaced as a whole before a run. */
export interface EventsMeta {
  kind: 'events';
  label: string;
  help: string;
}

export const Id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, {
    error: 'an id starts with a letter and has only letters, digits, - or _ (40 at most)',
  });

/**
 * Upper limits of every list a scenario holds: real lessons use at most 4 of each, so these
 * leave ample room while keeping a scenario file from asking for millions (docs/scenario-format.md).
 */
export const LIST_LIMITS = {
  signals: 64,
  labels: 64,
  receptors: 64,
  vesicleTypes: 32,
  cellTypes: 64,
  tissues: 16,
  affinityLabels: 64,
  releases: 16,
  transitions: 64,
  killingTargets: 64,
  vessels: 100,
  barriers: 100,
  placements: 100,
  events: 1000,
} as const;

/** A record of declarations keyed by id, holding at most `max` of them. */
function idRecord<T extends z.ZodType>(value: T, max: number, what: string) {
  return z.record(Id, value).refine((o) => Object.keys(o).length <= max, { error: `at most ${max} ${what}` });
}

/** A list holding at most `max` items. */
function list<T extends z.ZodType>(item: T, max: number, what: string) {
  return z.array(item).max(max, { error: `at most ${max} ${what}` });
}

/** A settable list of ids (at most `max`) naming declarations of one kind. */
function idList(of: IdsMeta['of'], label: string, help: string, max: number) {
  const meta: IdsMeta = { kind: 'ids', label, help, of };
  return z.array(Id).max(max, { error: `${label}: at most ${max}` }).meta(meta as unknown as Record<string, unknown>);
}

const Name = z.string().min(1).max(80);
const Help = z.string().max(400).optional();
const amounts = idRecord(param('amount', 'a.u.', 0, 1e6, 'signal added per vesicle packet'), LIST_LIMITS.signals, 'signals');

export const Signal = z.object({
  name: Name,
  halfLifeHours: param('signal half-life', 'h', 0.01, 1000, 'how fast the signal fades inside a cell').default(2),
  help: Help,
});

export const Label = z.object({
  name: Name,
  help: Help,
  blocked: param('label blocked', 'fraction', 0, 1, 'share of this label covered by a blocking antibody').default(0),
});

export const Receptor = z.object({ name: Name, help: Help });

export const VesicleType = z.object({
  name: Name,
  labels: idList('labels', 'vesicle labels', 'surface labels this vesicle type carries', 16).default([]),
  onBind: amounts.default({}),
  cargo: amounts.default({}),
  clearanceFactor: param('clearance speed-up', '×', 0.01, 100, 'blood clearance relative to the blood half-life').default(1),
  help: Help,
});

export const Release = z.object({
  vesicleType: Id,
  perHour: param('release rate', 'EV/h per cell', 0, 100000, 'real vesicles released by one cell per hour'),
  states: list(Id, MAX_STATES, 'states').optional(),
});

export const Transition = z.object({
  from: Id,
  to: Id,
  signal: Id.optional(),
  when: z.enum(['above', 'below']).default('above'),
  K: param('half-effect signal', 'a.u.', 0.0001, 1e6, 'signal level at which the transition runs at half speed').default(1),
  n: param('Hill steepness', '', 1, 8, 'how switch-like the response is (whole number)', { integer: true }).default(2),
  ratePerHour: param('transition rate', '/h', 0, 1000, 'maximum rate of this state change'),
});

export const ContactKilling = z.object({
  targets: list(Id, LIST_LIMITS.killingTargets, 'target cell types').min(1),
  fromStates: list(Id, MAX_STATES, 'states').optional(),
  targetStates: list(Id, MAX_STATES, 'states').optional(),
  ratePerHour: param('killing rate', '/h', 0, 1000, 'kills per hour by one killer touching a target'),
  reach: param('killing reach', 'µm', 0, 50, 'gap between membranes within which a killer can kill').default(2),
});

export const CellType = z.object({
  name: Name,
  help: Help,
  radius: param('cell radius', 'µm', 1, 50, 'radius of the cell disc', { live: false }).default(6),
  receptors: idList('receptors', 'receptors', 'receptors on the surface of this cell type', 32).default([]),
  states: z.array(Id).min(1).max(MAX_STATES).default(['alive']),
  release: list(Release, LIST_LIMITS.releases, 'releases per cell type').default([]),
  releaseInhibition: param('release blocked', 'fraction', 0, 1, 'share of release stopped by a release-blocking drug').default(0),
  nonSpecificUptake: param('non-specific uptake', '0–1', 0, 1, 'binding of any vesicle regardless of its label').default(0),
  maxBound: param('binding capacity', 'packets', 1, 1e6, 'bound packets at which the surface is full (uptake saturates)').default(50),
  internalisePerHour: param('internalisation rate', '/h', 0, 1000, 'rate at which bound vesicles are taken inside').default(2),
  motility: param('motility', 'µm²/s', 0, 100, 'random-walk diffusion coefficient of the cell').default(0),
  doublingHours: param('doubling time', 'h', 0, 1000, 'time to divide; 0 means the cell does not divide').default(0),
  deathPerHour: param('death rate', '/h', 0, 10, 'background death rate').default(0),
  transitions: list(Transition, LIST_LIMITS.transitions, 'transitions per cell type').default([]),
  contactKilling: ContactKilling.optional(),
});

const Rect = {
  x: param('x', 'µm', 0, 100000, 'left edge'),
  y: param('y', 'µm', 0, 100000, 'top edge'),
  width: param('width', 'µm', 0, 100000, 'width'),
  height: param('height', 'µm', 0, 100000, 'height'),
};

export const Vessel = z.object({
  ...Rect,
  entryPerMinute: param('vessel entry', '/min', 0, 1, 'chance per minute that a vesicle over the vessel enters the blood').default(0.5),
});

export const Barrier = z.object({
  orientation: z.enum(['horizontal', 'vertical']),
  position: param('barrier position', 'µm', 0, 100000, 'where the barrier line lies', { live: false }),
  permeability: param('barrier permeability', 'µm/s', 0, 10, 'how easily vesicles cross the barrier (0 = sealed)'),
});

export const Placement = z.object({
  type: Id,
  count: param('cells', 'cells', 0, 100000, 'how many cells to place', { integer: true, live: false }),
  state: Id.optional(),
  region: z.object(Rect).optional(),
  cluster: z
    .object({
      x: param('cluster x', 'µm', 0, 100000, 'cluster centre'),
      y: param('cluster y', 'µm', 0, 100000, 'cluster centre'),
      radius: param('cluster radius', 'µm', 1, 100000, 'cluster radius'),
    })
    .optional(),
});

export const Tissue = z.object({
  name: Name,
  width: param('tissue width', 'µm', 20, 20000, 'width of the tissue slab', { live: false }).default(800),
  height: param('tissue height', 'µm', 20, 20000, 'height of the tissue slab', { live: false }).default(500),
  diffusion: param('vesicle diffusion', 'µm²/s', 0, 50, 'diffusion coefficient of vesicles in this tissue').default(0.5),
  halfLifeHours: param('vesicle half-life in tissue', 'h', 0.05, 1000, 'free vesicles decay with this half-life').default(6),
  representation: param('representation factor', 'real cells per simulated cell', 1, 1e12, 'how many real cells one simulated cell stands for in blood arithmetic').default(1),
  bloodFlowShare: param('blood-flow share', 'fraction', 0, 1, 'share of blood vesicles that leave into this tissue').default(1),
  vessels: list(Vessel, LIST_LIMITS.vessels, 'vessels per tissue').default([]),
  barriers: list(Barrier, LIST_LIMITS.barriers, 'barriers per tissue').default([]),
  cells: list(Placement, LIST_LIMITS.placements, 'placements per tissue').default([]),
});

export const Blood = z.object({
  volumeMl: param('plasma volume', 'mL', 0.1, 100000, 'volume the blood vesicles are spread in').default(3000),
  halfLifeMinutes: param('blood half-life', 'min', 0.1, 100000, 'vesicles in blood are cleared with this half-life').default(30),
  extravasationPerHour: param('extravasation', '/h', 0, 100, 'rate at which blood vesicles leave into tissues').default(0),
  backgroundPerMl: param('background EVs', 'EV/mL', 0, 1e14, 'vesicles from all other cells of the body, not simulated').default(1e10),
});

export const Limits = z.object({
  vesicleCapacity: param('vesicle capacity', 'packets', 1000, 20_000_000, 'most vesicle packets held at once; release pauses when full', { integer: true, live: false }).default(2_000_000),
  cellCapacity: param('cell capacity', 'cells', 10, 200_000, 'most cells held at once; division pauses when full', { integer: true, live: false }).default(10_000),
});

/** Repeated dosing: packets injected every `everyHours` from `startHours` to `stopHours`. */
export const Dose = z.object({
  name: z.string().max(80).default('dose'),
  vesicleType: Id,
  packets: param('dose size', 'packets', 0, 1_000_000, 'vesicle packets given per dose', { integer: true }),
  everyHours: param('dose interval', 'h', 0.05, 10000, 'time between doses'),
  startHours: param('first dose', 'h', 0, 100000, 'time of the first dose').default(0),
  stopHours: param('last dose by', 'h', 0, NO_LAST_DOSE, 'no doses after this time').default(NO_LAST_DOSE),
  /** Into this tissue around (x, y); without a tissue, into the blood. */
  tissue: Id.optional(),
  x: param('dose x', 'µm', 0, 100000, 'where the dose is given').optional(),
  y: param('dose y', 'µm', 0, 100000, 'where the dose is given').optional(),
  radius: param('dose spread', 'µm', 0, 100000, 'radius of the injected patch').optional(),
});

/** Interventions that a scenario schedules, or a user triggers; `tick` or `atHours` says when. */
const when = { tick: z.number().int().min(0).optional(), atHours: z.number().min(0).max(1e6).optional() };
export const EventSpec = z.discriminatedUnion('kind', [
  z.object({ ...when, kind: z.literal('set'), path: z.string().min(1).max(200), value: z.unknown() }),
  z.object({
    ...when,
    kind: z.literal('addCells'),
    tissue: Id,
    type: Id,
    count: z.number().int().min(1).max(10000),
    x: z.number().finite().optional(),
    y: z.number().finite().optional(),
    radius: z.number().finite().min(0).max(100000).optional(),
    state: Id.optional(),
  }),
  z.object({
    ...when,
    kind: z.literal('removeCells'),
    type: Id,
    tissue: Id.optional(),
    /** Share of the matching cells to remove (chosen at random); all of them by default. */
    fraction: z.number().min(0).max(1).optional(),
    x: z.number().finite().optional(),
    y: z.number().finite().optional(),
    radius: z.number().finite().min(0).max(100000).optional(),
  }),
  z.object({ ...when, kind: z.literal('drug'), cellType: Id, inhibition: z.number().min(0).max(1) }),
  z.object({ ...when, kind: z.literal('blockLabel'), label: Id, fraction: z.number().min(0).max(1) }),
  z.object({
    ...when,
    kind: z.literal('inject'),
    vesicleType: Id,
    packets: z.number().int().min(1).max(5_000_000),
    tissue: Id.optional(),
    x: z.number().finite().optional(),
    y: z.number().finite().optional(),
    radius: z.number().finite().min(0).max(100000).optional(),
  }),
]);

/**
 * The one part of `lesson` the engine reads: an assay's detection limit for blood concentrations
 * (EV/mL), read by the metrics `assay.positive.<vesicleType>` and adjustable like any parameter
 * (path `lesson.detectionLimitPerMl`). The rest of `lesson` (texts, prompts, charts, buttons) is
 * defined in lessons/schema.ts; the engine keeps it as given and never reads it.
 */
export const EngineLesson = z.looseObject({
  detectionLimitPerMl: param('assay detection limit', 'EV/mL', 0, 1e14, 'lowest blood level of tumour vesicles the test can see; lower means a more sensitive test').optional(),
});

export const ScenarioShape = z.object({
  id: Id,
  title: Name,
  question: z.string().max(300).default(''),
  seed: z.string().max(100).default('1'),
  dtSeconds: param('time step', 's', 0.1, 600, 'simulated time per engine step', { live: false }).default(10),
  vesiclesPerDot: param('vesicles per dot', 'EV', 1, 1e9, 'real vesicles one simulated packet stands for', { live: false }).default(10),
  sampleEveryMinutes: param('sampling interval', 'min', 0.1, 1440, 'how often metrics are recorded', { live: false }).default(10),
  bindingSpeed: param('binding speed', 'µm/s', 0, 10, 'how fast a fully matching vesicle that touches a cell binds to it').default(0.05),
  deliveryFraction: param('cargo delivery', 'fraction', 0, 1, 'share of taken-up vesicles whose cargo reaches the cytosol').default(0.2),
  limits: Limits.default({ vesicleCapacity: 2_000_000, cellCapacity: 10_000 }),
  signals: idRecord(Signal, LIST_LIMITS.signals, 'signals').default({}),
  labels: idRecord(Label, LIST_LIMITS.labels, 'labels').default({}),
  receptors: idRecord(Receptor, LIST_LIMITS.receptors, 'receptors').default({}),
  vesicleTypes: idRecord(VesicleType, LIST_LIMITS.vesicleTypes, 'vesicle types'),
  cellTypes: idRecord(CellType, LIST_LIMITS.cellTypes, 'cell types'),
  affinity: idRecord(
    idRecord(param('affinity', '0–1', 0, 1, 'how strongly this label binds this receptor'), LIST_LIMITS.receptors, 'receptors'),
    LIST_LIMITS.affinityLabels,
    'labels',
  ).default({}),
  tissues: idRecord(Tissue, LIST_LIMITS.tissues, 'tissues'),
  blood: Blood.default({ volumeMl: 3000, halfLifeMinutes: 30, extravasationPerHour: 0, backgroundPerMl: 1e10 }),
  events: list(EventSpec, LIST_LIMITS.events, 'events')
    .meta({ kind: 'events', label: 'scheduled events', help: 'interventions the scenario schedules; may be replaced before a run' } satisfies EventsMeta)
    .default([]),
  doses: z.array(Dose).max(20).default([]),
  lesson: EngineLesson.optional(),
});

/** Every id a scenario uses must be declared in it (sim/references.ts says where one is wrong). */
export const Scenario = ScenarioShape.superRefine((s, ctx) =>
  checkReferences(s, (path, message) => ctx.addIssue({ code: 'custom', path, message })),
);
export type Scenario = z.infer<typeof ScenarioShape>;
export type ScenarioInput = z.input<typeof ScenarioShape>;
export type EventSpec = z.infer<typeof EventSpec>;
export type DoseSpec = z.infer<typeof Dose>;
export type CellTypeSpec = z.infer<typeof CellType>;
export type TissueSpec = z.infer<typeof Tissue>;
