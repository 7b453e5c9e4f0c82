// A run file dropped on the Lab page in its first moments, before the run-file panel has loaded
// (it loads after the first picture, src/app/latePanels.ts; here its chunk is held back): the page
// takes the drop (the browser would otherwise open the file in place of the page), and the file is
// opened and verified once the panel arrives.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { cli, scratchDir } from '../cli/helpers';
import { baseUrl, hash, sharedBrowser, tick } from './fixture';
import { policyErrors, recordErrors, watchPolicy } from './browser';
import { hasText } from './expectations';

const browser = sharedBrowser();

describe('a run file dropped before the run-file panel has loaded', () => {
  it('is taken by the page, not the browser, and opened once the panel is there', async () => {
    const file = join(scratchDir(), 'early.run.json');
    const r = await cli(['run', '--scenario', 'letters', '--seed', '11', '--hours', '0.5', '--save-run', file]);
    expect(r.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    const rec = JSON.parse(text) as { stopTick: number; checkpoints: { hash: string }[] };

    const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    try {
      const p = await context.newPage();
      recordErrors(p, errors);
      await watchPolicy(p);
      // The late panels' chunk waits until the drop is made.
      let release = (): void => undefined;
      const held = new Promise<void>((done) => (release = done));
      await p.route(/\/assets\/latePanels-[^/]*\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await p.goto(`${baseUrl()}?lesson=immune-suppression&mode=lab`);
      // The page's script has run (its test hook is there); the run-file panel has not loaded.
      await p.waitForFunction(() => 'cellpost' in window, undefined, { timeout: 20_000 });
      const taken = await p.evaluate((t) => {
        const dt = new DataTransfer();
        dt.items.add(new File([t], 'early.run.json', { type: 'application/json' }));
        const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true });
        const drop = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
        document.body.dispatchEvent(over);
        document.body.dispatchEvent(drop);
        return { panel: document.getElementById('open-run') !== null, over: over.defaultPrevented, drop: drop.defaultPrevented };
      }, text);
      // A drag over the page that is not cancelled, and a drop not cancelled, are the browser's: it opens the file.
      expect(taken).toEqual({ panel: false, over: true, drop: true });
      release();
      const status = p.locator('#run-status');
      await hasText(status, 'Verified: identical to the recorded run', 30_000);
      expect(await tick(p)).toBe(rec.stopTick);
      expect(await hash(p)).toBe(rec.checkpoints.at(-1)!.hash);
      expect(p.url().startsWith(baseUrl())).toBe(true);
      expect(await p.locator('.drop-hint').isHidden()).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
    expect(policyErrors(errors)).toEqual([]);
  });
});
