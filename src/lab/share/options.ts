// What each option of a share link means, in words for teachers: the query parameters a link may
// carry and the page parts it can hide or lock. The teacher page's tables, the share dialog's
// labels and docs/sharing.md are held to these lists (test/lab/linkOptions.test.ts). Pure.
import { HIDEABLE, LOCKABLE, type Hideable, type Lockable } from './parts';

export interface LinkParam {
  /** The query parameter (`set.PATH` stands for every setting). */
  name: string;
  /** What it does, in a sentence. */
  meaning: string;
  /** Written by the teacher's link builder. */
  builder: boolean;
}

/** Every query parameter the app reads from a link, in the order a link writes them. */
export const LINK_PARAMS: readonly LinkParam[] = [
  { name: 'lesson', meaning: 'The lesson to open (its id). Without it the link opens the home screen.', builder: true },
  { name: 'seed', meaning: 'The seed: the same seed and settings give the same run on every screen.', builder: true },
  { name: 'class', meaning: 'A class code: each student types their student number and gets a seed of their own (the same every time).', builder: true },
  { name: 'set.PATH', meaning: 'A setting the run starts with, when it differs from the lesson (a number within the setting’s range).', builder: true },
  { name: 'hide', meaning: 'Parts of the page to hide, separated by commas.', builder: true },
  { name: 'lock', meaning: 'Parts of the page to show but lock, so they cannot be changed.', builder: true },
  { name: 'mode', meaning: '“lab” opens the Lab screen; without it the lesson opens in Learn.', builder: true },
  { name: 'p', meaning: 'The learner’s committed predictions, one per prompt: prompt_time_choice, with an optional sketch (hours and values); entries joined by *.', builder: false },
  { name: 'lang', meaning: 'The language the page opens in: “nb” for Norwegian (bokmål); without it the reader’s own choice, or English.', builder: true },
  { name: 'ev', meaning: 'The run’s event log (packed), so the link replays a recorded run.', builder: false },
  { name: 'c', meaning: 'A check: the state hash at one step, so the page can say the run is identical.', builder: false },
  { name: 'text', meaning: '“large” shows larger text; “normal” the usual size.', builder: false },
];

/** How the page names each part a link can hide or lock. */
export const PART_LABELS: Record<Hideable | Lockable, string> = {
  lesson: 'lesson picker',
  seed: 'seed',
  settings: 'settings',
  interventions: 'interventions',
  tools: 'tools',
  timeline: 'timeline',
  runfiles: 'save and open run',
  mode: 'Learn/Lab switch',
};

/** What hiding or locking each part means for a student. */
export const PART_MEANINGS: Record<Hideable | Lockable, string> = {
  lesson: '“All lessons” and “For teachers”: the ways out of the lesson',
  seed: 'the seed field and New seed (Lab)',
  settings: 'the settings panel (Lab)',
  interventions: 'the lesson’s buttons (antibody, drug, surgery …)',
  tools: 'the tools panel: place cells, inject (Lab)',
  timeline: 'the timeline and the event log (Lab)',
  runfiles: 'Save run and Open run (Lab)',
  mode: 'the Learn/Lab switch, so students stay on the screen the link opens',
};

/** Every part, with whether a link can hide it and lock it. */
export function linkParts(): { part: Hideable | Lockable; label: string; meaning: string; hide: boolean; lock: boolean }[] {
  const all = [...new Set<Hideable | Lockable>([...HIDEABLE, ...LOCKABLE])];
  return all.map((part) => ({
    part,
    label: PART_LABELS[part],
    meaning: PART_MEANINGS[part],
    hide: (HIDEABLE as readonly string[]).includes(part),
    lock: (LOCKABLE as readonly string[]).includes(part),
  }));
}
