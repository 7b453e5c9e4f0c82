// Reading grade of lesson text: the Flesch–Kincaid grade level, with syllables counted by a
// simple rule (below) and glossary terms exempt (each counts as one short word, since the app
// explains it on hover, focus or tap). Used by readability.test.ts.
import { findTerms } from '../../lessons/glossary';

/**
 * Syllables in one word, by a simple rule: lower-case letters only; words of three letters or
 * fewer have one; otherwise drop a silent ending (-es, -ed, or -e after a consonant other than
 * l, as in "make", not "little"), drop a leading y, and count groups of one or two vowels
 * (a e i o u y). At least one. A number counts one syllable per digit up to three ("6" one,
 * "50" two, "100,000" three): roughly how long it is to read aloud, without rewarding digits.
 */
export function syllables(word: string): number {
  const digits = word.replace(/[^0-9]/g, '');
  const letters = word.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length === 0) return digits.length > 0 ? Math.min(3, digits.replace(/^0+(?=\d)/, '').length) : 0;
  if (letters.length <= 3) return 1;
  const trimmed = letters.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  return Math.max(1, (trimmed.match(/[aeiouy]{1,2}/g) ?? []).length);
}

export interface Reading {
  words: number;
  sentences: number;
  syllables: number;
  /** Flesch–Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. */
  grade: number;
}

/** Words of a text: whitespace-separated tokens with a letter or digit (a lone dash is not a word). */
export function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** Sentences end at . ! or ? followed by a space or the end (not inside 0.5 or 2.4). */
export function sentenceCount(text: string): number {
  return Math.max(1, (text.trim().match(/[.!?]+(?=\s|$)/g) ?? []).length + (/[.!?]["')’]*$/.test(text.trim()) ? 0 : 1));
}

/** The reading grade of a text, glossary terms counted as one-syllable words (unless `glossary` is false). */
export function reading(text: string, opts: { glossary?: boolean } = {}): Reading {
  let plain = text;
  // Replace each glossary term (from the last, so earlier positions hold) by a one-syllable stand-in word.
  if (opts.glossary !== false) for (const t of [...findTerms(text, { all: true })].reverse()) plain = `${plain.slice(0, t.start)}term${plain.slice(t.end)}`;
  const ws = words(plain);
  const n = Math.max(1, ws.length);
  const sentences = sentenceCount(plain);
  const syl = ws.reduce((s, w) => s + Math.max(1, syllables(w)), 0);
  return { words: ws.length, sentences, syllables: syl, grade: 0.39 * (n / sentences) + 11.8 * (syl / n) - 15.59 };
}

/** The texts of a lesson a learner reads, each with where it sits in the file. */
export function lessonTexts(s: { question: string; lesson?: { paragraphs: string[]; simplified?: string; prompts: { predict: string; explain: string }[] } }): { where: string; text: string }[] {
  const l = s.lesson;
  const out = [{ where: 'question', text: s.question }];
  if (!l) return out;
  l.paragraphs.forEach((text, i) => out.push({ where: `paragraphs.${i}`, text }));
  if (l.simplified) out.push({ where: 'simplified', text: l.simplified });
  l.prompts.forEach((p, i) => out.push({ where: `prompts.${i}.predict`, text: p.predict }, { where: `prompts.${i}.explain`, text: p.explain }));
  return out.filter((t) => t.text.trim() !== '');
}

/** The teacher notes of a lesson (lesson.teacher), each with where it sits in the file. */
export function teacherTexts(s: { lesson?: { teacher?: { goals: string[]; misconceptions: string[]; answers: string[]; whatIfs: string[] } } }): { where: string; text: string }[] {
  const t = s.lesson?.teacher;
  if (!t) return [];
  const out: { where: string; text: string }[] = [];
  for (const part of ['goals', 'misconceptions', 'answers', 'whatIfs'] as const) t[part].forEach((text, i) => out.push({ where: `teacher.${part}.${i}`, text }));
  return out.filter((x) => x.text.trim() !== '');
}
