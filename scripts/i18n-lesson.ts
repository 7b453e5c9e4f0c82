// For translators: the texts of a lesson that a language's overlay (lessons/<lang>/<id>.json)
// still lacks, printed as JSON with the English text as a placeholder, and the overlay's stale
// keys. `npx tsx scripts/i18n-lesson.ts nb letters` (or `nb` alone for every lesson).
import { existsSync, readFileSync } from 'node:fs';
import { lessons } from '../lessons/index';
import { translatableTexts } from '../src/i18n/lessonTexts';
import { parseLang } from '../src/i18n/languages';

const lang = parseLang(process.argv[2]);
if (!lang || lang === 'en') {
  console.error('usage: npx tsx scripts/i18n-lesson.ts <lang other than en> [lesson id]');
  process.exit(2);
}
const only = process.argv[3];
for (const s of lessons().filter((x) => !only || x.id === only)) {
  const file = `lessons/${lang}/${s.id}.json`;
  const texts: Record<string, string> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { texts: Record<string, string> }).texts : {};
  const paths = translatableTexts(s);
  const missing = Object.fromEntries(paths.filter((p) => !(p.path in texts)).map((p) => [p.path, p.text]));
  const stale = Object.keys(texts).filter((k) => !paths.some((p) => p.path === k));
  console.log(JSON.stringify({ file, missing, stale }, null, 1));
}
