// Class codes: one seed per student from a class number and a student number, so that a teacher
// hands out one link (students type their number) or a list of links, and every run is distinct
// and reproducible. A documented pure function, the same in the app and `cellpost class-seeds`.
// Part of the first load (a class link asks for the student number): its words are the core
// catalogue's (teacherEntry.…).
import { t } from '../../i18n/i18n';

/** Largest class number and student number accepted. */
export const MAX_CLASS_CODE = 999_999;
export const MAX_STUDENT = 999;

/** FNV-1a, 32 bits, of a text (a key per class). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A bijection of 32-bit integers (Wellons' "lowbias32": xor-shifts and odd multipliers, each
 * invertible), so distinct inputs give distinct outputs.
 */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d) >>> 0;
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b) >>> 0;
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * The seed of student `student` in class `classCode`: "C-xxxxxxxx", the class number, a dash and
 * eight hexadecimal digits of mix32((student + fnv1a("cellpost-class-" + C)) mod 2³²). Within a
 * class the students' seeds are all different (a sum with a fixed key, then a bijection); across
 * classes the prefix differs. Whole numbers only: 1 ≤ classCode ≤ MAX_CLASS_CODE, 1 ≤ student ≤ MAX_STUDENT.
 */
export function classSeed(classCode: number, student: number): string {
  if (!Number.isInteger(classCode) || classCode < 1 || classCode > MAX_CLASS_CODE) throw new RangeError(`a class number is a whole number from 1 to ${MAX_CLASS_CODE}`);
  if (!Number.isInteger(student) || student < 1 || student > MAX_STUDENT) throw new RangeError(`a student number is a whole number from 1 to ${MAX_STUDENT}`);
  // i18n-exempt: the key a class's seeds are made from, data that must never change
  const key = fnv1a(`cellpost-class-${classCode}`);
  const x = mix32((student + key) >>> 0);
  return `${classCode}-${x.toString(16).padStart(8, '0')}`;
}

/** Which number a person types: a class number, a student number, or how many students. */
export type WholeNumberKind = 'classNumber' | 'studentNumber' | 'students';

/** A class or student number typed by a person: the number, or what is wrong in plain words. */
export function readWholeNumber(text: string, what: WholeNumberKind, max: number): { ok: true; value: number } | { ok: false; problem: string } {
  const s = text.trim();
  if (s === '') return { ok: false, problem: t('teacherEntry.number.empty', { what }) };
  const range = { ok: false as const, problem: t('teacherEntry.number.range', { what, max }) };
  if (!/^\d{1,9}$/.test(s)) return range;
  const n = Number(s);
  if (n < 1 || n > max) return range;
  return { ok: true, value: n };
}

/**
 * The class code a link carries (class=C, written by the teacher's link builder): the number, or
 * null when there is none; `problem` says why a class parameter was not used.
 */
export function readClassParam(search: string): { code: number | null; problem?: string } {
  let v: string | null = null;
  try {
    v = new URLSearchParams(search).get('class');
  } catch {
    return { code: null };
  }
  if (v === null) return { code: null };
  const n = readWholeNumber(v, 'classNumber', MAX_CLASS_CODE);
  if (n.ok) return { code: n.value };
  return { code: null, problem: t('teacherEntry.classParam', { value: JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v), problem: n.problem }) };
}
