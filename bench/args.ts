// What the browser benches share: reading `--name value` flags from the command line, and the
// page address of a case (a lesson's id, or bench100k / bench1M for the speed test's sizes).

const argv = process.argv.slice(2);

/** The value after `--name` on the command line, or `fallback`. */
export function arg(name: string, fallback: string): string {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
}

/** `--name` is on the command line. */
export const hasFlag = (name: string): boolean => argv.includes(`--${name}`);

/** The page's query for a case, with more URL parameters (`a=b&c=d`) when given. */
export function caseSearch(c: string, query = ''): string {
  const base = c === 'bench100k' ? '?bench=100000' : c === 'bench1M' ? '?bench=1000000' : `?lesson=${c}`;
  return base + (query ? `&${query}` : '');
}

/** The window's size from `--viewport WxH` (default 1280×720, the bench's own size). */
export function viewportArg(): { width: number; height: number } {
  const m = /^(\d{3,4})x(\d{3,4})$/.exec(arg('viewport', '1280x720'));
  if (!m) throw new Error('--viewport must be WIDTHxHEIGHT, e.g. 1366x768');
  return { width: Number(m[1]), height: Number(m[2]) };
}
