// Numbers out: short, always-finite formatting for the human summary. (Numbers in — strict
// parsing of flag values — are the lab's parseNumber, shared with the app.)

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
