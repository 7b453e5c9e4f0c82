// The lesson's part of a scenario file: texts, prompts, charts, buttons, and the paired-run and
// cohort set-ups a lesson declares under `lesson`. The engine never reads these (except the
// assay's detection limit, which sim/schema.ts defines and this part reuses).
import { z } from '../sim/zod';
import { EngineLesson, EventSpec, Id } from '../sim/schema';

/** A chart a lesson shows: time series of named metrics, or a profile against distance. */
export const ChartSpec = z.object({
  title: z.string().max(120),
  kind: z.enum(['series', 'distance']).default('series'),
  /** Metric names (series) — a trailing * matches every metric with that prefix. */
  metrics: z.array(z.string().max(120)).max(20).default([]),
  /** For 'distance' charts: the cell type whose states are profiled, and the state counted. */
  cellType: Id.optional(),
  state: Id.optional(),
  /** For 'distance' charts: distance is measured from the nearest cell of this type. */
  from: Id.optional(),
  yLabel: z.string().max(60).default(''),
  log: z.boolean().default(false),
  /** Draw the lesson's detection limit as a horizontal line. */
  detectionLine: z.boolean().default(false),
  /** A short note shown with the chart, e.g. how to read it. */
  note: z.string().max(300).optional(),
});

/** A button the lesson offers: one or more events sent when pressed (and when released, for toggles). */
export const InterventionSpec = z.object({
  label: z.string().max(80),
  help: z.string().max(300).optional(),
  events: z.array(EventSpec).min(1).max(10),
  /** For toggles: the events that undo it. */
  off: z.array(EventSpec).max(10).optional(),
});

/** One answer a learner can commit to before observing (a prompt's choices). */
export const PromptChoice = z.object({
  /** Letters and digits only (a share link writes it as it is). */
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,23}$/, { error: 'a choice id is a letter and then letters or digits (24 at most)' }),
  label: z.string().min(1).max(80),
});

/** What the result after the observe step names: a metric of the run, before and after. */
export const PromptWatch = z.object({
  /** A metric the lesson's charts show (e.g. "cells.tumour"). */
  metric: z.string().min(1).max(120),
  /** Its name in a sentence, plural and lower case ("tumour cells"). */
  label: z.string().min(1).max(60),
  /** The learner may sketch this metric's curve on its chart as a prediction. */
  sketch: z.boolean().default(false),
});

/**
 * A predict → observe → explain prompt: the run pauses at atHours and asks. With `choices` the
 * learner commits an answer before the run goes on (src/lab/predictions.ts); `shows` is the
 * choice the lesson's own run shows, and `claim` the lesson claim (about this prompt) that checks it.
 */
export const PromptSpec = z
  .object({
    atHours: z.number().min(0).max(1e5),
    predict: z.string().max(600),
    explain: z.string().max(1200),
    choices: z.array(PromptChoice).min(2).max(4).optional(),
    shows: z.string().max(24).optional(),
    claim: Id.optional(),
    watch: PromptWatch.optional(),
  })
  .superRefine((p, ctx) => {
    const ids = (p.choices ?? []).map((c) => c.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['choices'], message: 'choice ids must differ' });
    if (p.choices && (p.shows === undefined || !ids.includes(p.shows))) ctx.addIssue({ code: 'custom', path: ['shows'], message: `shows names the choice the lesson's run shows: one of ${ids.join(', ')}` });
    if (!p.choices && (p.shows !== undefined || p.claim !== undefined)) ctx.addIssue({ code: 'custom', path: ['shows'], message: 'shows and claim go with choices' });
  });

/** A lesson's declared paired run: the second run gets these events at atHours (the events' own times are ignored). */
export const PairedSpec = z.object({
  label: z.string().min(1).max(80),
  help: z.string().max(300).optional(),
  events: z.array(EventSpec).min(1).max(10),
  atHours: z.number().min(0).max(1e5).default(0),
  /** The metric to chart first, e.g. "cells.tumour". */
  metric: z.string().max(120).optional(),
});

/** A count shown under a side-by-side view's title: cells of a type (in one state) in that view. */
export const SideCountSpec = z.object({
  cellType: Id,
  state: Id.optional(),
  /** Words before the number, e.g. "Primed". */
  label: z.string().min(1).max(40),
  /** What is counted, plural, e.g. "lung fibroblasts" (default "cells"). */
  of: z.string().min(1).max(60).optional(),
});

/**
 * The lesson's point shown as two views side by side on its Learn screen: two tissues of the one
 * run, or the run without and with its declared paired change (lesson.paired).
 */
export const SideBySideSpec = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('tissues'),
    panes: z.array(z.object({ tissue: Id, count: SideCountSpec })).length(2),
    /** The name of the button that shows the other tissues one at a time, e.g. "Primary tumour". */
    otherLabel: z.string().min(1).max(40).optional(),
  }),
  z.object({ kind: z.literal('paired'), count: SideCountSpec, withoutLabel: z.string().min(1).max(60).default('Without the change') }),
]);

/** One group of a cohort: the lesson's scenario with these parameter changes, applied before each run. */
export const CohortGroup = z.object({
  id: Id,
  label: z.string().min(1).max(80),
  set: z.array(z.object({ path: z.string().min(1).max(200), value: z.unknown() })).max(40).default([]),
});

/** One marker: a metric read at the end of each run, like a measured sample. */
export const CohortMarker = z.object({
  metric: z.string().min(1).max(120),
  label: z.string().min(1).max(80),
  unit: z.string().max(40).default(''),
});

/** A cohort: `size` runs per group of `hours` each, seeds derived from the scenario's seed (see src/lab/cohort.ts). */
export const CohortSpec = z.object({
  /** Exactly two groups: the reference group (e.g. healthy controls) first, then the cases. */
  groups: z.array(CohortGroup).length(2),
  markers: z.array(CohortMarker).min(1).max(12),
  size: z.number().int().min(4).max(1000).default(40),
  hours: z.number().min(0.1).max(1000).default(4),
  /**
   * A small cohort run on the Learn screen (src/app/cohortInline/): `size` runs per group; the
   * single markers show once the run reaches `markersAtHours`, the score at `scoreAtHours`, so
   * the result never answers a prompt before it is asked.
   */
  inline: z
    .object({
      size: z.number().int().min(4).max(100).default(24),
      markersAtHours: z.number().min(0).max(1e5).default(0),
      scoreAtHours: z.number().min(0).max(1e5).default(0),
    })
    .optional(),
});

/**
 * What part a cell type plays in a lesson. The tissue view gives each role one fixed colour in
 * every lesson (viz/palette.ts), so a T cell looks the same wherever a student meets it.
 */
export const CELL_ROLES = ['tumour', 'tcell', 'nk', 'macrophage', 'stem', 'sender', 'reader', 'bystander', 'barrier', 'bacterium', 'healthy', 'stromal'] as const;
export const CellRole = z.enum(CELL_ROLES);
export type CellRole = z.infer<typeof CellRole>;

/** A run a claim is measured in: the lesson as it opens, with buttons pressed at given hours. */
export const ClaimRun = z.object({
  /** Interventions by their button label, pressed at `atHours` (`off: true` releases a toggle). */
  press: z.array(z.object({ button: z.string().min(1).max(80), atHours: z.number().min(0).max(1e5), off: z.boolean().default(false) })).max(10).default([]),
  /** Add the lesson's declared paired change (lesson.paired) at its time. */
  paired: z.boolean().default(false),
});

const Band = z.object({ from: Id, minUm: z.number().min(0).max(1e5), maxUm: z.number().min(0).max(1e5) });

/**
 * A number a lesson text states, with how to check it. The text at `text` (paragraphs.1,
 * prompts.0.explain, simplified, question …) must contain `says`, the words that state it. It
 * is one of: a setting (`param`), something the run shows (`metric`, measured in `run` at
 * `atHours` for the lesson's seed and five others), a cohort result (`cohort`), or a published
 * figure (`source`, checked against the paper, not the run). The check: |value − expected| ≤
 * tolerance; `side` "below" or "above" checks one side only (texts that say "fewer than",
 * "more than"). `over` "each" holds every seed to it, "mean" their average.
 */
export const Claim = z
  .object({
    id: Id,
    text: z
      .string()
      .regex(/^(question|simplified|paragraphs\.\d+|prompts\.\d+\.(predict|explain)|teacher\.(goals|misconceptions|answers|whatIfs)\.\d+)$/, {
        error: 'text is question, simplified, paragraphs.N, prompts.N.predict / prompts.N.explain or teacher.goals.N / misconceptions.N / answers.N / whatIfs.N',
      }),
    says: z.string().min(1).max(200),
    /** A setting's value: (param − minus)^power × times ÷ divideBy, each part optional (minus and divideBy are settings too). */
    param: z.string().max(200).optional(),
    minus: z.string().max(200).optional(),
    power: z.number().optional(),
    times: z.number().optional(),
    divideBy: z.string().max(200).optional(),
    /** A metric of the run ("cells.tumour"), or "hours" (with `when`: the time it happens). */
    metric: z.string().max(120).optional(),
    run: z.string().max(40).default('lesson'),
    atHours: z.number().min(0).max(1e5).optional(),
    /** Minus the same metric at this earlier hour (a count over a time window). */
    since: z.number().min(0).max(1e5).optional(),
    /** Divided by this metric at the same moment (a share). */
    per: z.string().max(120).optional(),
    /** Only cells within this distance of the nearest `from` cell: cells.<type>.<state> gives the share of <type> cells in that state, uptake.<type> the mean vesicles each took up (bound or inside). */
    band: Band.optional(),
    /** Measured at the first sample after `after` hours at which this metric reaches `atLeast` (none by atHours: a time is then later than any, any other value fails). */
    when: z.object({ metric: z.string().max(120), atLeast: z.number(), after: z.number().min(0).default(0) }).optional(),
    /** Divided by the same measurement (or of another metric; over the window from `since`, or the claim's own) in another run and/or at another hour. */
    relativeTo: z
      .object({ run: z.string().max(40).optional(), atHours: z.number().min(0).max(1e5).optional(), since: z.number().min(0).max(1e5).optional(), metric: z.string().max(120).optional() })
      .optional(),
    /** A result of the lesson's cohort: held-out AUC of the score or of the best marker; whole-cohort AUC or patient/control mean ratio of marker k. */
    cohort: z.enum(['auc.score', 'auc.best', 'auc.marker', 'ratio.marker']).optional(),
    marker: z.number().int().min(0).max(11).optional(),
    source: z.string().max(200).optional(),
    expected: z.number(),
    tolerance: z.number().min(0).default(0),
    side: z.enum(['both', 'below', 'above']).default('both'),
    /** Held by every seed ("each"), by their average ("mean"), or by the lesson's own seed only ("lessonSeed": what the lesson shows when it opens). */
    over: z.enum(['each', 'mean', 'lessonSeed']).default('each'),
  })
  .superRefine((c, ctx) => {
    const kinds = [c.param, c.metric, c.cohort, c.source].filter((x) => x !== undefined).length;
    if (kinds !== 1) ctx.addIssue({ code: 'custom', message: 'a claim has exactly one of param, metric, cohort or source' });
    if (c.metric !== undefined && c.atHours === undefined) ctx.addIssue({ code: 'custom', path: ['atHours'], message: 'a metric claim needs atHours' });
    if (c.metric === 'hours' && c.when === undefined) ctx.addIssue({ code: 'custom', path: ['when'], message: 'metric "hours" needs when' });
  });

/**
 * Notes for the teacher (the "For teachers" page, src/app/screens/teacher/): time needed, goals,
 * misconceptions, one note per prompt on what to listen for, and what-ifs to try. Numbers in
 * these texts need claims like any other lesson text (teacher.goals.N, teacher.answers.N …).
 */
export const TeacherNotes = z.object({
  /** Class time the lesson needs, in minutes. */
  minutes: z.number().int().min(5).max(240),
  goals: z.array(z.string().min(1).max(400)).min(1).max(6),
  misconceptions: z.array(z.string().min(1).max(600)).min(1).max(6),
  /** One note per prompt, in the prompts' order: what to listen for in students' answers. */
  answers: z.array(z.string().min(1).max(600)).max(6).default([]),
  whatIfs: z.array(z.string().min(1).max(400)).max(6).default([]),
});

/**
 * The lesson's main metric: the one number a class's runs are compared by (the "Class results"
 * screen, `cellpost class`), read at the end of each run. It must be a metric one of the lesson's
 * series charts shows (test/lessons/mainMetric.test.ts).
 */
export const MainMetricSpec = z.object({
  metric: z.string().min(1).max(120),
  /** In plain words, e.g. "Readers responding". */
  label: z.string().min(1).max(80),
});

/** Text and teaching material the app shows; the engine ignores it (see EngineLesson). */
export const LessonText = z.object({
  paragraphs: z.array(z.string().max(2000)).max(8).default([]),
  sources: z.array(z.string().max(400)).max(20).default([]),
  simplified: z.string().max(2000).optional(),
  /** Parameter paths shown first; the rest sit under "More settings". */
  exposed: z.array(z.string().max(200)).max(40).default([]),
  charts: z.array(ChartSpec).max(12).default([]),
  interventions: z.array(InterventionSpec).max(20).default([]),
  prompts: z.array(PromptSpec).max(6).default([]),
  /** An assay's detection limit for blood concentrations (EV/mL): defined with the engine's part. */
  detectionLimitPerMl: EngineLesson.shape.detectionLimitPerMl,
  /** Suggested run length in hours. */
  hours: z.number().min(0.1).max(10000).default(24),
  /** A paired "what-if" run the app shows side by side: same scenario and seed, plus these events at atHours. */
  paired: PairedSpec.optional(),
  /** Two views side by side on the Learn screen (two tissues, or the paired runs). */
  sideBySide: SideBySideSpec.optional(),
  /** A cohort of short runs measured like patient samples (src/lab/cohort.ts). */
  cohort: CohortSpec.optional(),
  /** The role of each cell type (by cell type id): fixes its colour across lessons. */
  roles: z.record(z.string(), CellRole).optional(),
  /**
   * Which states of a cell type count as "switched" (changed by the message) and are drawn
   * filled solid; the others are drawn pale ("resting"). Default: every state but the first.
   */
  switched: z.record(z.string(), z.array(z.string()).max(16)).optional(),
  /** The runs claims are measured in, by name ("lesson" is the lesson as it opens). Optional, with
   *  claims, so that files without them parse (and hash) as before. */
  claimRuns: z.record(z.string().max(40), ClaimRun).optional(),
  /** Every number the texts state, with how to check it (test/lessons/claims.ts). */
  claims: z.array(Claim).max(100).optional(),
  /** Notes for the teacher. */
  teacher: TeacherNotes.optional(),
  /** The number a class's runs are compared by. */
  mainMetric: MainMetricSpec.optional(),
});

export type LessonText = z.infer<typeof LessonText>;
export type ChartSpec = z.infer<typeof ChartSpec>;
export type InterventionSpec = z.infer<typeof InterventionSpec>;
export type PromptSpec = z.infer<typeof PromptSpec>;
export type PromptChoice = z.infer<typeof PromptChoice>;
export type PromptWatch = z.infer<typeof PromptWatch>;
export type PairedSpec = z.infer<typeof PairedSpec>;
export type SideBySideSpec = z.infer<typeof SideBySideSpec>;
export type SideCountSpec = z.infer<typeof SideCountSpec>;
export type CohortSpec = z.infer<typeof CohortSpec>;
export type CohortGroup = z.infer<typeof CohortGroup>;
export type CohortMarker = z.infer<typeof CohortMarker>;
export type Claim = z.infer<typeof Claim>;
export type TeacherNotes = z.infer<typeof TeacherNotes>;
export type MainMetricSpec = z.infer<typeof MainMetricSpec>;
export type ClaimRun = z.infer<typeof ClaimRun>;
