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

/** A duration for progress lines ("45 s", "12 min 05 s", "3 h 05 min"; bokmål "3 t 05 min"). */
export function fmtDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const two = (x: number) => String(x).padStart(2, '0');
  if (s < 60) return t('cli.duration.seconds', { s: n(s) });
  if (s < 3600) return t('cli.duration.minutes', { min: n(Math.floor(s / 60)), s: two(s % 60) });
  return t('cli.duration.hours', { h: n(Math.floor(s / 3600)), min: two(Math.floor((s % 3600) / 60)) });
}

/** "4.2 s" under a minute, "3 min 05 s" beyond. */
export function fmtElapsed(seconds: number): string {
  return seconds < 60 ? t('cli.duration.seconds', { s: localNumber(seconds.toFixed(1)) }) : fmtDuration(seconds);
}

/** Time left from the fraction done and the seconds so far (", about … left"), or '' too early to say. */
export function etaText(fraction: number, elapsedSeconds: number): string {
  return fraction > 0.005 && fraction < 1 && elapsedSeconds > 1 ? t('cli.progress.about', { time: fmtDuration((elapsedSeconds * (1 - fraction)) / fraction) }) : '';
}
