// Browser test: a run brought back into the same view (Undo of a Reset) is not hours of new
// events. The view keeps its zoom across a Reset, and its effects clock must start again with the
// run: without that, the first frame of the run brought back (6 h later than the reset run's tick
// 0) flashed every cell that took up a vesicle in those 6 h at once.
import { describe, expect, it } from 'vitest';
import { lesson } from '../../lessons/index';
import { FLASH_EDGE } from '../../viz/palette';
import { FLASH_MS } from '../../viz/effects';
import { stepN, tick, withApp } from './fixture';
import { mostColourOver } from './canvasColour';

describe('a run brought back into the same view', () => {
  it('Undo of a Reset shows the flashes of its latest step only, not of the hours before it', async () => {
    const s = lesson('calm-inflammation')!;
    const toSixHours = Math.round((6 * 3600) / s.dtSeconds);
    await withApp(
      '?lesson=calm-inflammation',
      async (p, errors) => {
        // With reduced motion an uptake's ring is drawn at full strength until it goes, so its
        // pixels are exactly FLASH_EDGE. One jump of 6 h flashes every cell that took something up
        // on the way (a frame covers all the steps since the one before): that many rings, for FLASH_MS.
        await stepN(p, toSixHours);
        const jump = await mostColourOver(p, FLASH_EDGE, 300);
        await expect.poll(() => mostColourOver(p, FLASH_EDGE, 50), { timeout: 4 * FLASH_MS }).toBe(0);
        // One more step: the rings of that step's uptakes only.
        await stepN(p, 1);
        const one = await mostColourOver(p, FLASH_EDGE, FLASH_MS + 200);
        await p.getByRole('button', { name: 'Reset', exact: true }).click();
        await expect.poll(() => tick(p)).toBe(0);
        await p.locator('#undo').click();
        await expect.poll(() => tick(p)).toBe(toSixHours + 1);
        const back = await mostColourOver(p, FLASH_EDGE, FLASH_MS + 200);
        // The same state as after that step, so the same rings (a little slack for edges).
        expect(jump, 'the 6 h jump flashes many cells (else this test shows nothing)').toBeGreaterThan(3 * one + 500);
        expect(back, `rings after Undo (${back} px) against one step's (${one} px) and the 6 h jump's (${jump} px)`).toBeLessThanOrEqual(one + 100);
        expect(errors).toEqual([]);
      },
      { reducedMotion: 'reduce' },
    );
  });
});
