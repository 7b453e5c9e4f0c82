// Moving a keyboard focus between cells on the tissue: from one cell, the nearest cell in an
// arrow key's direction (screen coordinates, y down). Pure: points in, an index out.

export type Direction = 'left' | 'right' | 'up' | 'down';

const AXES: Record<Direction, [number, number]> = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] };

/** The arrow key's direction, or null for any other key. */
export function arrowDirection(key: string): Direction | null {
  if (key === 'ArrowLeft') return 'left';
  if (key === 'ArrowRight') return 'right';
  if (key === 'ArrowUp') return 'up';
  if (key === 'ArrowDown') return 'down';
  return null;
}

/**
 * The index of the point nearest `from` in direction `dir`: only points ahead of it count, and a
 * point off to the side costs twice its sideways distance (so → prefers the cell straight right).
 * -1 when nothing lies that way.
 */
export function nextInDirection(xs: ArrayLike<number>, ys: ArrayLike<number>, from: number, dir: Direction): number {
  const [ax, ay] = AXES[dir];
  const x0 = xs[from];
  const y0 = ys[from];
  let best = -1;
  let bestScore = Infinity;
  for (let i = 0; i < xs.length; i++) {
    if (i === from) continue;
    const dx = xs[i] - x0;
    const dy = ys[i] - y0;
    const along = dx * ax + dy * ay;
    if (!(along > 0)) continue;
    const side = Math.abs(dx * ay - dy * ax);
    const score = along + 2 * side;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

/** The index of the point nearest (x, y), or -1 when there are none. */
export function nearestTo(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number, y: number): number {
  let best = -1;
  let bestD = Infinity;
  for (let i = 0; i < xs.length; i++) {
    const d = (xs[i] - x) ** 2 + (ys[i] - y) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}
