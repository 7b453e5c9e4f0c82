// The bokmål lesson overlays (lessons/nb/*.json) against the English lesson files: every text a
// reader sees has a translation and no key is stale; each claim's words appear in the translated
// text it names, with the same numbers as in English, and every number a translated text states
// is covered by a claim (so the claims tests, which measure the English numbers, hold for nb too);
// buttons a prompt names exist under that name; the glossary is complete.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessons } from '../../lessons/index';
import { GLOSSARY } from '../../lessons/glossary';
import { translatableTexts } from '../../src/lab/i18n/lessonTexts';
import { localize, textFingerprint, type LessonOverlay } from '../../src/lab/i18n/overlay';
import { glossaryEntries, type GlossaryOverlay } from '../../src/lab/i18n/lessonOverlays';
import { parseNumber } from '../../src/i18n/numbers';
import nbCatalogue from '../../src/i18n/catalogues/nb.json';

const overlay = (id: string): LessonOverlay => JSON.parse(readFileSync(`lessons/nb/${id}.json`, 'utf8')) as LessonOverlay;

/** Numbers an English text writes with digits ("100,000", "0.5"), leaving out years and names (CD8, α6β4). */
export function englishNumbers(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}.,-])\d[\d,.]*(?![\p{L}\p{N}])/gu)) {
    const n = m[0].replace(/[.,]$/, '');
    if (/^(19|20)\d\d$/.test(n)) continue;
    out.push(parseNumber(n, 'en'));
  }
  return out;
}

/** Numbers a bokmål text writes: "1,5", "12 000" (narrow or plain no-break space), leaving out years and names. */
export function nbNumbers(text: string): { at: number; value: number; text: string }[] {
  const out: { at: number; value: number; text: string }[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}.,-])\d+(?:[\u202f\u00a0]\d{3})*(?:,\d+)?(?![\p{L}\p{N}])/gu)) {
    if (/^(19|20)\d\d$/.test(m[0])) continue;
    out.push({ at: m.index ?? 0, value: parseNumber(m[0], 'nb'), text: m[0] });
  }
  return out;
}

/** A claim's `text` ("prompts.0.explain") as a path in the lesson file. */
const filePath = (where: string) => (where === 'question' ? 'question' : `lesson.${where}`);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe('bokmål lesson overlays', () => {
  for (const s of lessons()) {
    const o = overlay(s.id);
    const texts = translatableTexts(s);
    const nb = (path: string) => o.texts[path] ?? '';

    it(`${s.id}: every text has a translation, and no key is stale`, () => {
      expect(o.lesson).toBe(s.id);
      const paths = texts.map((x) => x.path);
      expect(paths.filter((p) => !(p in o.texts)), 'missing').toEqual([]);
      expect(Object.keys(o.texts).filter((k) => !paths.includes(k)), 'stale').toEqual([]);
      for (const [k, v] of Object.entries(o.texts)) expect(v.trim(), k).not.toBe('');
    });

    it(`${s.id}: every translation was made from the English text the lesson has now`, () => {
      const changed = texts.filter((x) => o.english?.[x.path] !== textFingerprint(x.text)).map((x) => x.path);
      expect(changed, 'English changed since translated: review these, then run npx tsx scripts/i18n-lesson.ts nb --stamp').toEqual([]);
    });

    it(`${s.id}: each claim's words appear in its translated text, with the English numbers`, () => {
      (s.lesson?.claims ?? []).forEach((c, i) => {
        const says = nb(`lesson.claims.${i}.says`);
        expect(nb(filePath(c.text)), `${c.id} (${c.text})`).toContain(says);
        expect(sorted(nbNumbers(says).map((n) => n.value)), `${c.id}: "${says}" vs "${c.says}"`).toEqual(sorted(englishNumbers(c.says)));
      });
    });

    it(`${s.id}: every number a translated text states is covered by a claim`, () => {
      const checked = texts.filter((x) => /^(question|lesson\.(paragraphs\.\d+|simplified|prompts\.\d+\.(predict|explain)|teacher\.\w+\.\d+))$/.test(x.path));
      for (const t of checked) {
        const text = nb(t.path);
        const spans = (s.lesson?.claims ?? []).flatMap((c, i) => {
          if (filePath(c.text) !== t.path) return [];
          const says = nb(`lesson.claims.${i}.says`);
          const out: [number, number][] = [];
          for (let at = text.indexOf(says); says !== '' && at >= 0; at = text.indexOf(says, at + 1)) out.push([at, at + says.length]);
          return out;
        });
        for (const n of nbNumbers(text)) expect(spans.some(([a, b]) => n.at >= a && n.at < b), `${t.path}: "${n.text}" in "${text}" has no claim`).toBe(true);
        // The same numbers as the English text, whatever the words around them.
        expect(sorted(nbNumbers(text).map((n) => n.value)), t.path).toEqual(sorted(englishNumbers(t.text)));
      }
    });

    it(`${s.id}: every button a translated prompt or note names is on the screen under that name`, () => {
      const cat = nbCatalogue as Record<string, string>;
      const here = [...(s.lesson?.interventions ?? []).map((_, i) => nb(`lesson.interventions.${i}.label`)), cat['transport.play']];
      for (const t of texts.filter((x) => x.path.startsWith('lesson.prompts.') || x.path.startsWith('lesson.teacher.'))) {
        for (const m of nb(t.path).matchAll(/\b(?:[Tt]rykk(?:er)?(?: nå)?(?: på)?|[Vv]elg|[Kk]likk(?:er)?(?: på)?)\s+«([^»]+)»/g)) expect(here, `${t.path} names «${m[1]}»`).toContain(m[1]);
      }
    });

    it(`${s.id}: localize puts in every translation and changes nothing else`, () => {
      const l = localize(s, o, s);
      const strip = (x: unknown) => {
        const c = structuredClone(x) as Record<string, unknown>;
        for (const t of texts) {
          const keys = t.path.split('.');
          let node = c as Record<string, unknown>;
          for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
          node[keys[keys.length - 1]] = '';
        }
        return c;
      };
      expect(strip(l)).toEqual(strip(s));
      expect(translatableTexts(l).map((x) => x.text)).toEqual(texts.map((x) => o.texts[x.path]));
      // A user's edited copy keeps its own words where they differ from the built-in text.
      const edited = structuredClone(s);
      edited.question = 'My own question';
      expect(localize(edited, o, s).question).toBe('My own question');
    });
  }

  it('the glossary has every term, and no stale ones', () => {
    const g = JSON.parse(readFileSync('lessons/nb/glossary.json', 'utf8')) as GlossaryOverlay;
    expect(GLOSSARY.map((e) => e.term).filter((t) => !(t in g.terms))).toEqual([]);
    expect(Object.keys(g.terms).filter((t) => !GLOSSARY.some((e) => e.term === t))).toEqual([]);
    expect(glossaryEntries(g)).toHaveLength(GLOSSARY.length);
    for (const e of Object.values(g.terms)) expect(e.forms.length, e.term).toBeGreaterThan(0);
  });
});
