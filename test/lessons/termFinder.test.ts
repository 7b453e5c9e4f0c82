// The glossary's term finder scans a text without a regular expression (lessons/glossary.ts); it
// must find exactly what the two patterns find (termPatternFinder, the reference): in every text of
// every lesson and glossary, in English and bokmål, and in texts made to sit on its edges.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GLOSSARY, termFinder, termPatternFinder, type GlossaryEntry } from '../../lessons/glossary';
import { glossaryEntries, type GlossaryOverlay } from '../../src/lab/i18n/lessonOverlays';
import nbGlossary from '../../lessons/nb/glossary.json';

const dir = resolve(__dirname, '../../lessons');
/** Every string in a JSON value. */
const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []);
const textsIn = (folder: string) =>
  readdirSync(folder)
    .filter((f) => f.endsWith('.json') && f !== 'catalogue.json')
    .flatMap((f) => strings(JSON.parse(readFileSync(resolve(folder, f), 'utf8'))));

const same = (entries: readonly GlossaryEntry[], texts: string[]) => {
  const scan = termFinder(entries);
  const patterns = termPatternFinder(entries);
  for (const text of texts)
    for (const all of [false, true]) expect({ text, all, hits: scan(text, { all }) }).toEqual({ text, all, hits: patterns(text, { all }) });
};

describe('the glossary term finder', () => {
  it('finds what the patterns find in every English lesson and glossary text', () => {
    const texts = textsIn(dir);
    expect(texts.length).toBeGreaterThan(500);
    same(GLOSSARY, texts);
  });

  it('finds what the patterns find in every bokmål text, with the bokmål glossary', () => {
    same(glossaryEntries(nbGlossary as GlossaryOverlay), textsIn(resolve(dir, 'nb')));
  });

  it('finds what the patterns find at the edges: case, whole words, longer forms, letters outside ASCII', () => {
    const forms = GLOSSARY.flatMap((e) => e.forms);
    const edges = forms.flatMap((f) => [f, f.toUpperCase(), f.toLowerCase(), `x${f}`, `${f}x`, `${f}s and ${f}`, `(${f})`, `2${f}`, `${f}²`, `é${f}`, `${f}ø`, `𝒳${f}`, `${f}𝒳`, `${f} ${f}-${f}`]);
    same(GLOSSARY, edges);
    // A text whose lower case is longer than itself (İ) is searched with the patterns, so it agrees too.
    same(GLOSSARY, forms.map((f) => `İ ${f}`));
  });

  it('finds each term once by default, every time with all', () => {
    const [entry] = GLOSSARY;
    const form = entry.forms[0];
    expect(termFinder(GLOSSARY)(`${form} and ${form}`).filter((h) => h.entry === entry)).toHaveLength(1);
    expect(termFinder(GLOSSARY)(`${form} and ${form}`, { all: true }).filter((h) => h.entry === entry)).toHaveLength(2);
  });
});
