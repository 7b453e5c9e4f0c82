// Browser test of the optional sound layer (src/app/sound): the Sound toggle is in the run
// controls and off by default; no AudioContext exists until it is turned on; on, playing schedules
// sounds (oscillator starts, counted by a page-side wrapper); off, they stop; the choice is
// remembered across a reload but never goes into the share link.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newApp, openApp } from './fixture';

interface SoundCount {
  contexts: number;
  starts: number;
}

/** Counts AudioContexts made and oscillators started, from before the app's first line. */
async function countSounds(p: Page): Promise<void> {
  await p.addInitScript(() => {
    const w = window as unknown as { __sound: SoundCount };
    w.__sound = { contexts: 0, starts: 0 };
    const Base = window.AudioContext;
    window.AudioContext = class extends Base {
      constructor(...a: ConstructorParameters<typeof AudioContext>) {
        super(...a);
        w.__sound.contexts++;
      }
    };
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, ...a: Parameters<OscillatorNode['start']>) {
      w.__sound.starts++;
      return start.apply(this, a);
    };
  });
}

const sounds = (p: Page) => p.evaluate(() => (window as unknown as { __sound: SoundCount }).__sound);

describe('the sound layer', () => {
  it('is off by default, makes no audio until turned on, plays while on and stops when off; remembered, not shared', async () => {
    const app = await newApp('?lesson=letters');
    try {
      const p = app.page;
      await countSounds(p);
      await openApp(p, '?lesson=letters');
      const toggle = p.getByRole('button', { name: 'Sound' });
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      // Playing with sound off: no audio object at all.
      await p.getByRole('button', { name: 'Play', exact: true }).click();
      await p.waitForTimeout(1500);
      expect(await sounds(p)).toEqual({ contexts: 0, starts: 0 });
      await toggle.click();
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      expect((await sounds(p)).contexts).toBe(1);
      await expect.poll(async () => (await sounds(p)).starts, { timeout: 20_000 }).toBeGreaterThan(0);
      // Throttled: at most one sound per tick interval (150 ms), whatever the frame rate.
      const a = await sounds(p);
      await p.waitForTimeout(2000);
      const b = await sounds(p);
      expect(b.starts - a.starts).toBeLessThanOrEqual(Math.ceil(2000 / 150) + 2);
      // …and not silent: letters' readers take up letters every few steps by now.
      expect(b.starts - a.starts).toBeGreaterThanOrEqual(3);
      await toggle.click();
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      const off = (await sounds(p)).starts;
      await p.waitForTimeout(2000);
      expect((await sounds(p)).starts).toBe(off);
      expect((await sounds(p)).contexts).toBe(1);
      // Remembered on this device (on again, then reload), never in the link.
      await toggle.click();
      await openApp(p, '?lesson=letters');
      expect(await p.getByRole('button', { name: 'Sound' }).getAttribute('aria-pressed')).toBe('true');
      expect((await sounds(p)).contexts).toBe(0);
      expect(p.url()).not.toMatch(/sound/i);
      await p.getByRole('button', { name: 'Copy link' }).focus();
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
