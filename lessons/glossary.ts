// The glossary (lessons/glossary.json): plain-words definitions of the terms lessons use, and
// where those terms occur in a text. Shared by the app (which explains a term on hover, focus or
// tap) and the tests (which leave terms out of the reading grade).
import { z } from '../sim/zod';
import raw from './glossary.json';

const Entry = z.object({
  term: z.string().min(1).max(60),
  forms: z.array(z.string().min(1).max(60)).min(1).max(12),
  text: z.string().min(1).max(300),
});
export type GlossaryEntry = z.infer<typeof Entry>;

export const GLOSSARY: readonly GlossaryEntry[] = z.object({ about: z.string(), terms: z.array(Entry).max(300) }).parse(raw).terms;

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
