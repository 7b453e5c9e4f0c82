// Where each built-in lesson's files are, loaded on demand: the lesson file itself (English, the
// source) and its bokmål overlay, each import its own chunk. The one table that lessons/library.ts
// and the lab's lesson overlays (src/lab/i18n/lessonOverlays.ts) read: a new lesson is one line here.

/** A JSON file's import: a chunk of its own in the page, loaded when it is called. */
export type JsonImport = () => Promise<{ default: unknown }>;

/** One lesson's files: its scenario file, and its translation overlay per language. */
export interface LessonFiles {
  scenario: JsonImport;
  nb: JsonImport;
}

/** By lesson id, in teaching order. */
export const LESSON_FILES_BY_ID: Readonly<Record<string, LessonFiles>> = {
  letters: { scenario: () => import('./letters.json'), nb: () => import('./nb/letters.json') },
  'immune-suppression': { scenario: () => import('./immune-suppression.json'), nb: () => import('./nb/immune-suppression.json') },
  'liquid-biopsy': { scenario: () => import('./liquid-biopsy.json'), nb: () => import('./nb/liquid-biopsy.json') },
  'nk-weapons': { scenario: () => import('./nk-weapons.json'), nb: () => import('./nb/nk-weapons.json') },
  'block-release': { scenario: () => import('./block-release.json'), nb: () => import('./nb/block-release.json') },
  'calm-inflammation': { scenario: () => import('./calm-inflammation.json'), nb: () => import('./nb/calm-inflammation.json') },
  'gut-messages': { scenario: () => import('./gut-messages.json'), nb: () => import('./nb/gut-messages.json') },
  'organ-address': { scenario: () => import('./organ-address.json'), nb: () => import('./nb/organ-address.json') },
  'autoimmune-signature': { scenario: () => import('./autoimmune-signature.json'), nb: () => import('./nb/autoimmune-signature.json') },
};
