// The glossary (lessons/glossary.json): plain-words definitions of the terms lessons use, and
// where those terms occur in a text. Shared by the app (which explains a term on hover, focus or
// tap) and the tests (which leave terms out of the reading grade).
import raw from './glossary.json';

export interface GlossaryEntry {
  term: string;
  /** The words that count as the term (1 to 12, each 1 to 60 characters). */
  forms: string[];
  /** The definition, 1 to 300 characters. */
  text: string;
}

const isText = (x: unknown, max: number): x is string => typeof x === 'string' && x.length >= 1 && x.length <= max;

/**
 * The glossary file checked by hand (a few plain checks instead of the schema library, so the
 * page's first load stays light): a malformed built-in glossary is a programming error and throws.
 */
export function checkGlossary(file: unknown): GlossaryEntry[] {
  const f = file as { about?: unknown; terms?: unknown } | null;
  if (!f || typeof f.about !== 'string' || !Array.isArray(f.terms) || f.terms.length > 300) throw new Error('glossary.json: expected { about, terms: at most 300 entries }');
  return f.terms.map((t: unknown, i: number) => {
    const e = t as Partial<GlossaryEntry> | null;
    const ok = e && isText(e.term, 60) && Array.isArray(e.forms) && e.forms.length >= 1 && e.forms.length <= 12 && e.forms.every((x) => isText(x, 60)) && isText(e.text, 300);
    if (!ok) throw new Error(`glossary.json: term ${i} needs a term (1–60 characters), 1–12 forms (1–60 characters each) and a text (1–300 characters)`);
    return { term: e.term!, forms: [...e.forms!], text: e.text! };
  });
}

export const GLOSSARY: readonly GlossaryEntry[] = checkGlossary(raw);

export interface TermHit {
  start: number;
  end: number;
  entry: GlossaryEntry;
}

/** Forms with two or more capitals (PD-L1, LPS) match only with that case; others in any case. */
const exact = (form: string) => (form.match(/\p{Lu}/gu) ?? []).length >= 2;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A term finder for a list of entries (the English glossary here; a translation's in src/i18n). */
export function termFinder(entries: readonly GlossaryEntry[]): (text: string, opts?: { all?: boolean }) => TermHit[] {
  // One pattern per case rule, longest forms first, each form a whole word: no letter or digit
  // (or superscript) just before or after it.
  const forms = entries.flatMap((entry) => entry.forms.map((form) => ({ form, entry }))).sort((a, b) => b.form.length - a.form.length);
  const pattern = (list: typeof forms, flags: string) =>
    list.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.map((f) => escape(f.form)).join('|')})(?![\\p{L}\\p{N}])`, flags);
  const caseSensitive = pattern(forms.filter((f) => exact(f.form)), 'gu');
  const caseFree = pattern(forms.filter((f) => !exact(f.form)), 'giu');
  const entryOf = new Map<string, GlossaryEntry>();
  for (const { form, entry } of forms) {
    const key = exact(form) ? form : form.toLowerCase();
    if (!entryOf.has(key)) entryOf.set(key, entry);
  }
  return (text, opts = {}) => {
    const hits: TermHit[] = [];
    for (const re of [caseSensitive, caseFree]) {
      if (!re) continue;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const entry = entryOf.get(exact(m[0]) ? m[0] : m[0].toLowerCase()) ?? entryOf.get(m[0]);
        if (entry) hits.push({ start: m.index, end: m.index + m[0].length, entry });
      }
    }
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: TermHit[] = [];
    const seen = new Set<GlossaryEntry>();
    let end = 0;
    for (const h of hits) {
      if (h.start < end) continue;
      end = h.end;
      if (!opts.all && seen.has(h.entry)) continue;
      seen.add(h.entry);
      out.push(h);
    }
    return out;
  };
}

/**
 * The glossary terms in a text, in order and without overlaps (the longer form wins). By
 * default only each term's first occurrence (so a paragraph does not fill with buttons);
 * `all` returns every occurrence.
 */
export const findTerms: (text: string, opts?: { all?: boolean }) => TermHit[] = termFinder(GLOSSARY);
