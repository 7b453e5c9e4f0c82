// For translators: the texts of a lesson that a language's overlay (lessons/<lang>/<id>.json)
// still lacks, printed as JSON with the English text as a placeholder, and the overlay's stale
// keys, and the texts whose English changed since they were translated. `npx tsx
// scripts/i18n-lesson.ts nb letters` (or `nb` alone for every lesson); after reviewing the
// changed ones, `--stamp` records the English they now translate.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { lessons } from '../lessons/index';
import { translatableTexts } from '../src/lab/i18n/lessonTexts';
import { parseLang } from '../src/i18n/languages';
import { textFingerprint, type LessonOverlay } from '../src/lab/i18n/overlay';

const lang = parseLang(process.argv[2]);
if (!lang || lang === 'en') {
  console.error('usage: npx tsx scripts/i18n-lesson.ts <lang other than en> [lesson id]');
  process.exit(2);
}
const stamp = process.argv.includes('--stamp');
const only = process.argv.slice(3).find((a) => !a.startsWith('--'));
for (const s of lessons().filter((x) => !only || x.id === only)) {
  const file = `lessons/${lang}/${s.id}.json`;
  const overlay: LessonOverlay = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LessonOverlay) : { lesson: s.id, texts: {} };
  const texts = overlay.texts;
  const paths = translatableTexts(s);
  const missing = Object.fromEntries(paths.filter((p) => !(p.path in texts)).map((p) => [p.path, p.text]));
  const stale = Object.keys(texts).filter((k) => !paths.some((p) => p.path === k));
  const changed = paths.filter((p) => p.path in texts && overlay.english?.[p.path] !== textFingerprint(p.text)).map((p) => ({ path: p.path, english: p.text, translation: texts[p.path] }));
  if (stamp && existsSync(file)) {
    overlay.english = Object.fromEntries(paths.filter((p) => p.path in texts).map((p) => [p.path, textFingerprint(p.text)]));
    writeFileSync(file, JSON.stringify(overlay, null, 2) + '\n');
  }
  console.log(JSON.stringify({ file, missing, stale, changed: stamp ? [] : changed }, null, 1));
}
