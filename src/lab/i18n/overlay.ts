// A lesson's translation overlay (lessons/<lang>/<id>.json): its texts in another language, keyed
// by their paths in the English lesson file (see lessonTexts.ts). The English files stay the
// source; `localize` returns a copy of a lesson with the overlay's texts put in, where the
// English text at a path is still the built-in one (a user's edited copy keeps its own words).
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { translatableTexts } from './lessonTexts';

export interface LessonOverlay {
  /** The lesson id the overlay translates. */
  lesson: string;
  /** Translated texts by path. */
  texts: Record<string, string>;
  /**
   * For each path, a fingerprint (textFingerprint) of the English text it was translated from:
   * when the English text changes, the test names the translation to review.
   */
  english?: Record<string, string>;
}

/** A short fingerprint of a text: FNV-1a, 32 bits, as 8 hex digits. */
export function textFingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function setText(root: unknown, path: string, text: string): void {
  const keys = path.split('.');
  let node = root as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) {
    const next = node[k];
    if (next === null || typeof next !== 'object') return;
    node = next as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (typeof node[last] === 'string') node[last] = text;
}

/**
 * The lesson with the overlay's texts, where `s` still has the built-in English text at that
 * path (`builtIn` is the English lesson file of the same id). The input is not changed.
 */
export function localize(s: ScenarioFile, overlay: LessonOverlay, builtIn: ScenarioFile): ScenarioFile {
  if (s.id !== overlay.lesson || builtIn.id !== overlay.lesson) return s;
  const english = new Map(translatableTexts(builtIn).map((x) => [x.path, x.text]));
  const out = JSON.parse(JSON.stringify(s)) as ScenarioFile;
  for (const { path, text } of translatableTexts(s)) {
    const tr = overlay.texts[path];
    if (tr !== undefined && english.get(path) === text) setText(out, path, tr);
  }
  return out;
}
