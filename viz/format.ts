// Number formatting for everything the page shows: scientific notation with superscripts
// (3.2×10⁸), a run clock ("5 h 20 min"), counts, fractions and values with their units.
// Pure functions, no DOM; every output is a plain string safe for textContent. The app sets the
// reader's way of writing numbers once (setNumberStyle: bokmål's decimal comma and "t" for hours).

/** How numbers are written: decimal mark, thousands separator and the hour's short unit. */
export interface NumberStyle {
  decimal: string;
  group: string;
  hour: string;
}
const ENGLISH: NumberStyle = { decimal: '.', group: '\u2009', hour: 'h' };
let style: NumberStyle = ENGLISH;

/** Sets how every later call writes numbers (the app's language); no argument restores English. */
export function setNumberStyle(next: NumberStyle = ENGLISH): void {
  style = next;
}

/** A plain decimal string ("3.2") with the style's decimal mark. */
const mark = (s: string) => (style.decimal === '.' ? s : s.replace('.', style.decimal));

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻', '+': '⁺',
};

/** "-12" → "⁻¹²". Characters without a superscript form are kept as they are. */
export function superscript(text: string): string {
  let out = '';
  for (const ch of text) out += SUPERSCRIPT[ch] ?? ch;
  return out;
}

/** Drops trailing zeros of a fixed-point string: "3.20" → "3.2", "4.0" → "4". */
function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/**
 * Scientific notation with a superscript exponent: 3.2e8 → "3.2×10⁸", 1e-3 → "1×10⁻³".
 * `digits` is the number of significant digits (trailing zeros dropped). 0 → "0".
 */
export function formatSci(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '–' : x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const sign = x < 0 ? '−' : '';
  const [mant, exp] = Math.abs(x).toExponential(Math.max(0, digits - 1)).split('e');
  const e = Number(exp);
  const m = mark(trimZeros(mant));
  if (e === 0) return sign + m;
  return `${sign}${m}×10${superscript(String(e))}`;
}

/** Groups thousands with a thin space (bokmål: a narrow no-break space): 12345 → "12 345". */
function group(intText: string): string {
  return intText.replace(/\B(?=(\d{3})+(?!\d))/g, style.group);
}

/** Axis labels on a log scale: exact powers of ten as "10⁸", "1", "10⁻²"; anything else as formatSci. */
export function formatPower(x: number): string {
  if (x > 0 && Number.isFinite(x)) {
    const e = Math.round(Math.log10(x));
    if (Math.abs(x / 10 ** e - 1) < 1e-9) return e === 0 ? '1' : e === 1 ? '10' : `10${superscript(String(e))}`;
  }
  return formatSci(x, 2);
}

/**
 * A number for people: plain for 0.01 ≤ |x| < 100 000 (up to `digits` significant digits,
 * thousands grouped), scientific with superscripts outside that range. Never "NaN".
 */
export function formatNumber(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return formatSci(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 100_000 || a < 0.01) return formatSci(x, digits);
  const sign = x < 0 ? '−' : '';
  const intDigits = Math.floor(Math.log10(a)) + 1;
  const decimals = Math.max(0, digits - intDigits);
  const fixed = trimZeros(a.toFixed(Math.min(decimals, 6)));
  const [i, f] = fixed.split('.');
  return sign + group(i) + (f ? `${style.decimal}${f}` : '');
}

/** A whole count: 1234567 → "1 234 567" (rounded; scientific from 10¹⁰). */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return formatSci(n);
  const r = Math.round(n);
  if (Math.abs(r) >= 1e10) return formatSci(r, 3);
  return (r < 0 ? '−' : '') + group(String(Math.abs(r)));
}

/** A value and its unit with a space: (12, 'µm') → "12 µm"; an empty unit gives the number alone. */
export function formatWithUnit(x: number, unit: string, digits = 3): string {
  const n = formatNumber(x, digits);
  return unit ? `${n} ${unit}` : n;
}

/** A concentration: 3.2e8 → "3.2×10⁸ /mL" (always scientific, which is how assays report it). */
export function formatPerMl(x: number, digits = 2): string {
  return `${formatSci(x, digits)} /mL`;
}

/** A fraction 0–1 as a percentage: 0.347 → "35 %" (one decimal below 10 %, "< 0.1 %" for tiny shares). */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '–';
  const p = fraction * 100;
  const a = Math.abs(p);
  if (a > 0 && a < 0.1) return p < 0 ? `> −${mark('0.1')} %` : `< ${mark('0.1')} %`;
  const text = a > 0 && a < 10 ? mark(trimZeros(p.toFixed(1))) : String(Math.round(p));
  return `${text} %`;
}

/**
 * The run clock: hours → "5 h 20 min", "45 min", "0 min", "6 h" (whole hours drop the minutes).
 * Minutes are rounded; negative or non-finite input gives "0 min".
 */
export function formatClock(hours: number): string {
  if (!Number.isFinite(hours) || hours <= 0) return '0 min';
  const totalMin = Math.round(hours * 60);
  const h = Math.floor(totalMin / 60);
  const min = totalMin - h * 60;
  if (h === 0) return `${min} min`;
  return min === 0 ? `${group(String(h))} ${style.hour}` : `${group(String(h))} ${style.hour} ${min} min`;
}

/** A distance in µm, switching to mm from 1000 µm: 250 → "250 µm", 1500 → "1.5 mm". */
export function formatDistance(um: number): string {
  if (Math.abs(um) >= 1000) return `${formatNumber(um / 1000, 3)} mm`;
  return `${formatNumber(um, 3)} µm`;
}
