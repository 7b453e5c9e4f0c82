// Where the inspector card goes: next to the clicked cell (right, left, below or above it), else
// docked at the side of the tissue view away from the cell, else (no room without covering the
// cell, or a phone-sized view) as a sheet under the view. Pure geometry in CSS px.

export interface Size {
  w: number;
  h: number;
}

/** The clicked thing on screen: its centre and radius (CSS px, relative to the view box). */
export interface Anchor {
  x: number;
  y: number;
  r: number;
}

export type Placement = { mode: 'beside' | 'docked'; side: 'right' | 'left' | 'below' | 'above'; left: number; top: number; height: number } | { mode: 'sheet' };

/** Space between the cell's edge and the card, and between the card and the view's edge. */
export const GAP = 12;
export const MARGIN = 8;
/** Below this view width (CSS px) the card is always a sheet under the view. */
export const SHEET_BELOW = 560;

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** True when the disc (anchor) and the rectangle share any point. */
export function covers(left: number, top: number, size: Size, a: Anchor): boolean {
  const nx = clamp(a.x, left, left + size.w);
  const ny = clamp(a.y, top, top + size.h);
  return Math.hypot(nx - a.x, ny - a.y) < a.r;
}

/**
 * Places a card of `card` size (its height is cut to the view's height, the card scrolls) in a
 * view of `box` size next to `anchor`, never over it.
 */
export function placeCard(box: Size, anchor: Anchor, card: Size): Placement {
  if (box.w < SHEET_BELOW) return { mode: 'sheet' };
  const h = Math.min(card.h, box.h - 2 * MARGIN);
  const w = card.w;
  if (w > box.w - 2 * MARGIN || h < 80) return { mode: 'sheet' };
  const size = { w, h };
  const topBeside = clamp(anchor.y - Math.min(48, h / 3), MARGIN, box.h - MARGIN - h);
  const leftOver = clamp(anchor.x - w / 2, MARGIN, box.w - MARGIN - w);
  const tries: { side: 'right' | 'left' | 'below' | 'above'; left: number; top: number }[] = [
    { side: 'right', left: anchor.x + anchor.r + GAP, top: topBeside },
    { side: 'left', left: anchor.x - anchor.r - GAP - w, top: topBeside },
    { side: 'below', left: leftOver, top: anchor.y + anchor.r + GAP },
    { side: 'above', left: leftOver, top: anchor.y - anchor.r - GAP - h },
  ];
  for (const t of tries) {
    const fits = t.left >= MARGIN && t.top >= MARGIN && t.left + w <= box.w - MARGIN && t.top + h <= box.h - MARGIN;
    if (fits && !covers(t.left, t.top, size, anchor)) return { mode: 'beside', ...t, height: h };
  }
  // Docked at the side of the view farther from the cell, if the cell stays uncovered.
  const right = anchor.x < box.w / 2;
  const dock = { side: right ? ('right' as const) : ('left' as const), left: right ? box.w - MARGIN - w : MARGIN, top: MARGIN };
  if (!covers(dock.left, dock.top, { w, h: box.h - 2 * MARGIN }, anchor)) return { mode: 'docked', ...dock, height: h };
  return { mode: 'sheet' };
}
