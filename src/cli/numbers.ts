// Numbers out: short, always-finite formatting for people (summaries, messages), in the current
// language ("0.5" and "12000" in English as before, "0,5" and "12 000" in bokmål). Numbers in —
// strict parsing of flag values — are the lab's parseNumber, shared with the app. Machine outputs
// (CSV, JSON) never use these.
import { language } from '../i18n/i18n';
import { formatNumber } from '../i18n/numbers';
import { t } from './messages';

/**
 * A number written the JavaScript way ("12000", "-0.25", "1.5e-7") in the current language:
 * English as it is; bokmål with a decimal comma and a narrow no-break space between thousands.
 */
export function localNumber(text: string): string {
  if (language() === 'en') return text;
  const m = /^(-?)(\d+)(?:\.(\d+))?(e[+-]?\d+)?$/.exec(text);
  if (!m) return text;
  const [, sign, whole, frac, exp] = m;
  const int = whole.length > 15 ? whole : formatNumber(Number(whole), language(), { maximumFractionDigits: 0 });
  return `${sign === '-' ? '−' : ''}${int}${frac ? `,${frac}` : ''}${exp ?? ''}`;
}

/** Any number for a message, as localNumber writes it (String(x) in English). */
export function n(x: number): string {
  return Number.isFinite(x) ? localNumber(String(x)) : t('cli.number.none');
}

/** A number for people: whole numbers as they are, others to 4 significant digits. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return t('cli.number.none');
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (Number.isInteger(x) && a < 1e9) return localNumber(String(x));
  if (a >= 1e6 || a < 1e-3) return localNumber(x.toExponential(3).replace(/\.?0+e/, 'e'));
  return localNumber(String(Number(x.toPrecision(4))));
}

/** Hours for messages: at most three decimals, no trailing zeros ("1.5 h"; bokmål "1,5 t"). */
export function fmtHours(h: number): string {
  return t('cli.hours', { hours: Number.isFinite(h) ? localNumber(String(Number(h.toFixed(3)))) : t('cli.number.none') });
}
