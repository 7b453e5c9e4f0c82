// The inspector card's place: next to the clicked cell and never over it, inside the tissue view,
// on the side with room; docked at the far side or a sheet under the view when there is none.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { covers, MARGIN, placeCard, SHEET_BELOW } from '../../src/app/ui/cardPlace';

describe('placeCard', () => {
  it('puts the card to the right of a cell with room there, level with it', () => {
    const p = placeCard({ w: 900, h: 500 }, { x: 200, y: 250, r: 10 }, { w: 300, h: 200 });
    expect(p).toEqual({ mode: 'beside', side: 'right', left: 222, top: 202, height: 200 });
  });

  it('goes to the left of a cell near the right edge, and below one in a corner-less strip', () => {
    expect(placeCard({ w: 900, h: 500 }, { x: 800, y: 250, r: 10 }, { w: 300, h: 200 })).toMatchObject({ mode: 'beside', side: 'left' });
    expect(placeCard({ w: 640, h: 500 }, { x: 320, y: 60, r: 10 }, { w: 300, h: 200 })).toMatchObject({ mode: 'beside', side: 'below' });
  });

  it('is a sheet under the view on a phone-sized view, or when only covering the cell would fit', () => {
    expect(placeCard({ w: SHEET_BELOW - 1, h: 600 }, { x: 100, y: 100, r: 8 }, { w: 300, h: 200 })).toEqual({ mode: 'sheet' });
    expect(placeCard({ w: 620, h: 300 }, { x: 310, y: 150, r: 140 }, { w: 300, h: 280 })).toEqual({ mode: 'sheet' });
  });

  it('never covers the cell and stays inside the view (any view, cell and card)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 2400 }),
        fc.integer({ min: 120, max: 1400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 180, max: 420 }),
        fc.integer({ min: 60, max: 900 }),
        (W, H, fx, fy, r, cw, ch) => {
          const anchor = { x: fx * W, y: fy * H, r };
          const p = placeCard({ w: W, h: H }, anchor, { w: cw, h: ch });
          if (p.mode === 'sheet') return;
          expect(covers(p.left, p.top, { w: cw, h: p.height }, anchor)).toBe(false);
          expect(p.left).toBeGreaterThanOrEqual(MARGIN - 1e-9);
          expect(p.top).toBeGreaterThanOrEqual(MARGIN - 1e-9);
          expect(p.left + cw).toBeLessThanOrEqual(W - MARGIN + 1e-9);
          expect(p.top + p.height).toBeLessThanOrEqual(H - MARGIN + 1e-9);
        },
      ),
      { seed: 7, numRuns: 2000 },
    );
  });
});
