// The run in words, in bokmål: the phrasebook src/lab/describe.ts fills each simulated hour
// ("5 t: 27 av 120 leserceller reagerende (opp 5)"), with bokmål plurals of the lessons' cell
// names and bokmål numbers.
// i18n-exempt-file: the bokmål phrasebook itself, the translation of src/lab/describe.ts
import type { DescribeWords } from '../describe';
import { formatNumber } from '../../i18n/numbers';
import { NB_STATES } from '../../i18n/states';

/**
 * A bokmål cell name in the plural, without its parenthesis: "lesercelle (har reseptoren)" →
 * "leserceller", "frisk celle" → "friske celler", "makrofag" → "makrofager"; a name already in
 * the plural ("tarmbakterier") stays.
 */
export function nbPlural(name: string): string {
  const bare = name.replace(/\s*\(.*\)\s*$/, '').trim() || name.trim();
  const words = bare.split(/\s+/);
  const last = words[words.length - 1];
  const pl = /er$/.test(last) ? last : /e$/.test(last) ? `${last}r` : `${last}er`;
  // An adjective before the noun takes -e in the plural ("frisk celle" → "friske celler").
  const before = words.slice(0, -1).map((w) => (/^\p{Ll}+$/u.test(w) && !/e$/.test(w) ? `${w}e` : w));
  return [...before, pl].join(' ');
}

/** Counts as plain digits (whole from 100, else 2 significant digits), the bokmål way. */
const plain = (x: number) => (Number.isFinite(x) ? formatNumber(Math.abs(x) >= 100 ? Math.round(x) : Number(x.toPrecision(2)), 'nb', { maximumFractionDigits: 6 }) : 'ukjent');

export const NB_DESCRIBE: DescribeWords = {
  plural: nbPlural,
  number: plain,
  level: (x) => (Number.isFinite(x) ? formatNumber(Number(x.toPrecision(2)), 'nb', { maximumFractionDigits: 6 }) : 'ukjent'),
  clock: (hours) => {
    const total = Math.round(hours * 60);
    const h = Math.floor(total / 60);
    const m = total % 60;
    if (h === 0) return `${m} min`;
    return m === 0 ? `${h} t` : `${h} t ${m} min`;
  },
  state: (id) => (Object.hasOwn(NB_STATES, id) ? NB_STATES[id] : id),
  change: (up, by) => ` (${up ? 'opp' : 'ned'} ${by})`,
  none: (who, st) => `ingen ${who} ${st}`,
  of: (n, total, who, st) => `${n} av ${total} ${who} ${st}`,
  count: (n, who) => `${n} ${who}`,
  blood: (vesicles, level, above, limit) => `${vesicles} i blodet ${level} per mL, ${above ? 'på eller over' : 'under'} deteksjonsgrensen på ${limit}`,
  noChange: 'ingen endring',
};
