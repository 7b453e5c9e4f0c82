// The teacher's link builder, pure: a lesson, seed (or a class code: a seed per student), fixed
// settings, hidden and locked parts and the screen to open in become share links, read back by
// the reader every link goes through (decodeLink): what the builder shows is what students get.
import { getAtPath } from '../../../sim/params';
import { lesson } from '../../../lessons/index';
import { decodeLink, encodeLink, type DecodedLink, type Hideable, type LinkMode, type Lockable } from './link';
import type { Overrides } from '../settings';
import { classSeed, readClassParam } from '../class/seed';

export interface TeacherLinkChoice {
  lesson: string;
  seed: string;
  /** Settings the run starts with (only those that differ from the lesson are written). */
  settings: Overrides;
  hide: readonly Hideable[];
  lock: readonly Lockable[];
  mode: LinkMode;
  /** A class code: the link asks each student for their number (class=C). */
  classCode?: number;
  /** The language the page opens in (lang=nb); English, the default, is not written. */
  lang?: string;
}

export interface TeacherLink {
  url: string;
  /** The link as a student's page reads it. */
  read: DecodedLink;
  /** The class code the link carries (students type their number), or null. */
  classCode: number | null;
  /** What the page would ignore, in plain words (an out-of-range setting, a bad seed …). */
  problems: string[];
}

/** The link for `choice` on the app at `base` (its address without a query), checked by reading it back. */
export async function buildTeacherLink(choice: TeacherLinkChoice, base: string): Promise<TeacherLink> {
  const own = lesson(choice.lesson);
  const settings: Overrides = new Map();
  // Values equal to the lesson's own are not written: the link stays short.
  for (const [k, v] of choice.settings) if (!own || !Number.isFinite(v) || getAtPath(own, k) !== v) settings.set(k, v);
  const enc = await encodeLink({ lesson: choice.lesson, seed: choice.seed, overrides: settings, events: null, check: null, hide: choice.hide, lock: choice.lock, mode: choice.mode, lang: choice.lang }, settings, base);
  // A class code goes last (class=C): the student's page asks for their number (src/lab/class/seed.ts).
  const url = choice.classCode === undefined ? enc.url : `${enc.url}&class=${String(choice.classCode)}`;
  const q = url.slice(url.indexOf('?'));
  const read = await decodeLink(q);
  const cls = readClassParam(q);
  return { url, read, classCode: cls.code, problems: cls.problem ? [...read.ignored, cls.problem] : read.ignored };
}

/** The lesson's own link, short enough to copy from paper: `base?lesson=ID`. */
export function shortLessonLink(id: string, base: string): string {
  const q = new URLSearchParams();
  q.set('lesson', id);
  return `${base}?${q.toString()}`;
}

export interface ClassLink {
  student: number;
  seed: string;
  url: string;
}

/**
 * One link per student 1…`students` of class `classCode`: the teacher's choice with each
 * student's own seed (classSeed, src/lab/class/seed.ts), so every run is distinct and reproducible.
 */
export async function buildClassLinks(choice: TeacherLinkChoice, classCode: number, students: number, base: string): Promise<ClassLink[]> {
  const out: ClassLink[] = [];
  for (let k = 1; k <= students; k++) {
    const seed = classSeed(classCode, k);
    const made = await buildTeacherLink({ ...choice, seed, classCode: undefined }, base);
    out.push({ student: k, seed, url: made.url });
  }
  return out;
}
