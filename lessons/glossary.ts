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

/**
 * Every form of `entries`, longest first, and the entry a matched text names (by its case rule:
 * exact forms as written, others in lower case; the first entry of a form wins).
 */
function formsOf(entries: readonly GlossaryEntry[]): { forms: { form: string; entry: GlossaryEntry }[]; entryFor: (m: string) => GlossaryEntry | undefined } {
  const forms = entries.flatMap((entry) => entry.forms.map((form) => ({ form, entry }))).sort((a, b) => b.form.length - a.form.length);
  const entryOf = new Map<string, GlossaryEntry>();
  for (const { form, entry } of forms) {
    const key = exact(form) ? form : form.toLowerCase();
    if (!entryOf.has(key)) entryOf.set(key, entry);
  }
  return { forms, entryFor: (m) => entryOf.get(exact(m) ? m : m.toLowerCase()) ?? entryOf.get(m) };
}

/** A term finder for a list of entries (the English glossary here; a translation's in src/i18n). */
export function termFinder(entries: readonly GlossaryEntry[]): (text: string, opts?: { all?: boolean }) => TermHit[] {
  // The patterns' search done as a scan, with no regular expression: the patterns' case-free
  // Unicode classes took V8 40–60 ms to compile on their first use, and again whenever the compiled
  // pattern had been dropped (a prompt's card while the run plays). Each case rule's forms by their
  // first letter in lower case, longest first (the patterns' order): from each word's start the
  // first form there as a whole word is that rule's match, and its search goes on after it.
  const { forms, entryFor } = formsOf(entries);
  const rules = [true, false].map((isExact) => {
    const byFirst = new Map<string, { form: string; lower: string }[]>();
    for (const { form } of forms.filter((f) => exact(f.form) === isExact)) {
      const lower = form.toLowerCase();
      const list = byFirst.get(lower[0]) ?? [];
      list.push({ form, lower });
      byFirst.set(lower[0], list);
    }
    return { isExact, byFirst };
  });
  const oddForms = forms.some((f) => f.form.toLowerCase().length !== f.form.length);
  let patterns: ((text: string, opts?: { all?: boolean }) => TermHit[]) | null = null;
  return (text, opts = {}) => {
    const lower = text.toLowerCase();
    if (oddForms || lower.length !== text.length) return (patterns ??= termPatternFinder(entries))(text, opts);
    const hits: TermHit[] = [];
    for (const { isExact, byFirst } of rules) {
      let resume = 0;
      for (let i = 0; i < text.length; i++) {
        const list = i >= resume ? byFirst.get(lower[i]) : undefined;
        if (!list || (i > 0 && wordBefore(text, i))) continue;
        const f = list.find((f) => (isExact ? text.startsWith(f.form, i) : lower.startsWith(f.lower, i)) && !wordAt(text, i + f.form.length));
        if (!f) continue;
        resume = i + f.form.length;
        const entry = entryFor(text.slice(i, resume));
        if (entry) hits.push({ start: i, end: resume, entry });
      }
    }
    return firstHits(hits, opts);
  };
}

/** Hits in order without overlaps (the longer wins), each term once unless `all`. */
function firstHits(hits: TermHit[], opts: { all?: boolean }): TermHit[] {
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
}

const WORD = /[\p{L}\p{N}]/u;
/** A letter or digit (or superscript) ends just before index i (a surrogate pair read whole). */
const wordBefore = (text: string, i: number) => {
  const low = text.charCodeAt(i - 1) >= 0xdc00 && text.charCodeAt(i - 1) <= 0xdfff && i >= 2;
  return WORD.test(String.fromCodePoint(text.codePointAt(low ? i - 2 : i - 1)!));
};
/** A letter or digit (or superscript) starts at index i. */
const wordAt = (text: string, i: number) => i < text.length && WORD.test(String.fromCodePoint(text.codePointAt(i)!));

/**
 * The same finder as one regular expression per case rule. It is the reference the scanner is
 * tested against, and what a text whose lower case changes its length is searched with.
 */
export function termPatternFinder(entries: readonly GlossaryEntry[]): (text: string, opts?: { all?: boolean }) => TermHit[] {
  // One pattern per case rule, longest forms first, each form a whole word: no letter or digit
  // (or superscript) just before or after it.
  const { forms, entryFor } = formsOf(entries);
  const pattern = (list: typeof forms, flags: string) =>
    list.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.map((f) => escape(f.form)).join('|')})(?![\\p{L}\\p{N}])`, flags);
  const caseSensitive = pattern(forms.filter((f) => exact(f.form)), 'gu');
  const caseFree = pattern(forms.filter((f) => !exact(f.form)), 'giu');
  return (text, opts = {}) => {
    const hits: TermHit[] = [];
    for (const re of [caseSensitive, caseFree]) {
      if (!re) continue;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const entry = entryFor(m[0]);
        if (entry) hits.push({ start: m.index, end: m.index + m[0].length, entry });
      }
    }
    return firstHits(hits, opts);
  };
}

/**
 * The glossary terms in a text, in order and without overlaps (the longer form wins). By
 * default only each term's first occurrence (so a paragraph does not fill with buttons);
 * `all` returns every occurrence.
 */
export const findTerms: (text: string, opts?: { all?: boolean }) => TermHit[] = termFinder(GLOSSARY);
