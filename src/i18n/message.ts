// ICU MessageFormat messages ("{n, plural, one {# cell} other {# cells}}") formatted with the
// parser of the messageformat project (@messageformat/parser, ~5 kB gz) and Intl: plural rules
// by Intl.PluralRules, numbers by ./numbers. Parsed messages are cached; no eval (the page's
// policy forbids it), so messages are interpreted, not compiled.
import { parse, type SelectCase } from '@messageformat/parser';
import type { Lang } from './languages';
import { formatNumber, pluralCategory } from './numbers';

export type Params = Record<string, string | number>;
type Part = ReturnType<typeof parse>[number] | { type: 'octothorpe' };

const parsed = new Map<string, Part[]>();

/** The parsed form of a message (thrown errors name the message). */
export function parseMessage(src: string): Part[] {
  let p = parsed.get(src);
  if (!p) {
    try {
      p = parse(src, { strict: false }) as Part[];
    } catch (e) {
      throw new Error(`message "${src.slice(0, 80)}" is not valid ICU MessageFormat: ${e instanceof Error ? e.message : String(e)}`);
    }
    parsed.set(src, p);
  }
  return p;
}

function value(params: Params, lang: Lang, name: string): string {
  const v = params[name];
  if (v === undefined) return `{${name}}`;
  return typeof v === 'number' ? formatNumber(v, lang) : v;
}

function pick(cases: SelectCase[], n: number | string, lang: Lang, plural: boolean): SelectCase | undefined {
  if (plural && typeof n === 'number') {
    const exact = cases.find((c) => c.key === `=${n}`);
    if (exact) return exact;
    const cat = pluralCategory(n, lang);
    return cases.find((c) => c.key === cat) ?? cases.find((c) => c.key === 'other');
  }
  return cases.find((c) => c.key === String(n)) ?? cases.find((c) => c.key === 'other');
}

function render(parts: readonly Part[], params: Params, lang: Lang, hash: number | null): string {
  let out = '';
  for (const p of parts) {
    switch (p.type) {
      case 'content':
        out += p.value;
        break;
      case 'argument':
        out += value(params, lang, p.arg);
        break;
      case 'octothorpe':
        out += hash === null ? '#' : formatNumber(hash, lang);
        break;
      case 'function': {
        const v = params[p.arg];
        if (p.key === 'number' && typeof v === 'number') {
          const style = p.param?.map((x) => (x.type === 'content' ? x.value : '')).join('').trim();
          out += formatNumber(v, lang, style === 'percent' ? { style: 'percent' } : style === 'integer' ? { maximumFractionDigits: 0 } : {});
        } else out += value(params, lang, p.arg);
        break;
      }
      case 'plural':
      case 'selectordinal':
      case 'select': {
        const raw = params[p.arg];
        const n = p.type === 'select' ? String(raw ?? 'other') : Number(raw ?? NaN);
        const c = pick(p.cases, typeof n === 'number' ? n - (p.pluralOffset ?? 0) : n, lang, p.type !== 'select');
        if (c) out += render(c.tokens as Part[], params, lang, typeof n === 'number' ? n - (p.pluralOffset ?? 0) : hash);
        break;
      }
    }
  }
  return out;
}

/** A message with its parameters filled in, in the given language's plural rules and numbers. */
export function formatMessage(src: string, params: Params, lang: Lang): string {
  return render(parseMessage(src), params, lang, null);
}

/** The parameter names a message uses (for the catalogue tests: both languages use the same). */
export function messageParams(src: string): string[] {
  const names = new Set<string>();
  const walk = (parts: readonly Part[]) => {
    for (const p of parts) {
      if (p.type === 'argument' || p.type === 'function') names.add(p.arg);
      if (p.type === 'plural' || p.type === 'select' || p.type === 'selectordinal') {
        names.add(p.arg);
        for (const c of p.cases) walk(c.tokens as Part[]);
      }
    }
  };
  walk(parseMessage(src));
  return [...names].sort();
}
