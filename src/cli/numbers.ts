// Numbers in and out: strict parsing of numeric flag values (no "12abc", no NaN, no Infinity)
// and short, always-finite formatting for the human summary.

/** The number a flag value spells, or undefined if it is not a plain finite number. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return undefined;
  const x = Number(t);
  return Number.isFinite(x) ? x : undefined;
}

/** A number for people: whole numbers as they are, others to 4 significant digits. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (Number.isInteger(x) && a < 1e9) return String(x);
  if (a >= 1e6 || a < 1e-3) return x.toExponential(3).replace(/\.?0+e/, 'e');
  return String(Number(x.toPrecision(4)));
}

/** Hours for messages: at most three decimals, no trailing zeros. */
export function fmtHours(h: number): string {
  return `${Number.isFinite(h) ? Number(h.toFixed(3)) : 'n/a'} h`;
}
