// File names for downloads: "cellpost-<lesson>-seed<seed>-<time>" plus what the file holds, made
// safe for every file system (lower-case letters, digits, dashes), so a folder of exports sorts
// by lesson, seed and simulated time. Pure.

/** Letters that do not decompose into a base letter and an accent (bokmål's æ, ø, å among them). */
const FOLD: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', ß: 'ss', œ: 'oe', ł: 'l', đ: 'd', þ: 'th' };

/** Lower-case letters, digits and single dashes; at most `max` characters; never empty. */
export function slug(text: string, max = 40): string {
  const s = text
    .toLowerCase()
    .replace(/[æøåßœłđþ]/g, (c) => FOLD[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return s || 'x';
}

/** Simulated time for a file name: 0h, 6h, 3h20m, 0h05m. */
export function hoursLabel(hours: number): string {
  const totalMin = Math.max(0, Math.round(hours * 60));
  const h = Math.floor(totalMin / 60);
  const m = totalMin % 60;
  return m === 0 ? `${h}h` : `${h}h${String(m).padStart(2, '0')}m`;
}

/** The common start of every file name of one run at one moment. */
export function baseName(scenarioId: string, seed: string, hours: number): string {
  // i18n-exempt: a file name: ASCII and the same in every language (docs/export.md)
  return `cellpost-${slug(scenarioId)}-seed${slug(seed, 24)}-${hoursLabel(hours)}`;
}
