// The tissue canvas's backing store policy (viz/canvasBacking.ts, `nextStore`): which store a part
// of a given size gets, with the sizes the strip's lessons go through at 1280×720 when a prompt's
// card arrives in the band and the run goes on. The browser check of what is shown is
// test/e2e/canvasBacking.test.ts.
import { describe, expect, it } from 'vitest';
import { nextStore, type PixelSize } from '../../viz/canvasBacking';

/** The stores a canvas goes through for a run of parts, starting from `store`. */
function walk(store: PixelSize, parts: PixelSize[]): PixelSize[] {
  const made: PixelSize[] = [];
  let before: PixelSize | undefined;
  for (const part of parts) {
    const next = nextStore(store, part, before);
    if (next) {
      made.push(next);
      store = next;
    }
    before = part;
  }
  return made;
}

const size = (width: number, height: number): PixelSize => ({ width, height });

describe('the tissue canvas store', () => {
  it('is kept while the part fits and is at least a quarter of it', () => {
    expect(nextStore(size(1280, 640), size(1267, 452))).toBeNull();
    expect(nextStore(size(1280, 640), size(1267, 260))).toBeNull();
    expect(nextStore(size(1280, 640), size(640, 320))).toBeNull();
  });

  it('is made anew when the part outgrows it, with at least half a grain (32 px) to spare', () => {
    expect(nextStore(size(576, 384), size(587, 394))).toEqual(size(640, 448));
    expect(nextStore(size(300, 150), size(547, 367))).toEqual(size(640, 448));
    expect(nextStore(size(300, 150), size(1267, 452))).toEqual(size(1344, 512));
  });

  it('is made smaller when the part falls under a quarter of it, sized for the part shown before where that keeps within the quarter', () => {
    expect(nextStore(size(960, 640), size(414, 262), size(598, 377))).toEqual(size(640, 448));
    expect(nextStore(size(960, 640), size(200, 100), size(598, 377))).toEqual(size(256, 192));
  });

  it('keeps one store while gut-messages’ band takes the stage down and gives it back (1280×720)', () => {
    // The strip's view: 1267 px wide, 452 px high with the first card, 320 and 385 with the second, 260 with the third.
    expect(walk(size(300, 150), [size(1267, 452), size(1267, 320), size(1267, 385), size(1267, 452), size(1267, 260)])).toEqual([size(1344, 512)]);
  });

  it('keeps one store while a two-view pane goes back and forth (organ-address, block-release at 1280×720)', () => {
    expect(walk(size(300, 150), [size(547, 367), size(587, 394), size(414, 262), size(581, 366), size(639, 402)])).toEqual([size(640, 448)]);
  });
});
