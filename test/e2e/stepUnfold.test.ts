// When the prompt card leaves its predict step, the interventions folded away for it (a short
// landscape window: ui/sideFit.ts) come back in the same task, not in a task of their own after it:
// one MutationObserver watches the card's step and the side column's class, and the step's change
// and the unfold must arrive in one report (a report runs at the end of the task that made its
// changes). Counted, not timed, so it holds on a busy machine. On main's build at 397ee82 the
// unfold came in a later task, a frame or more after the step: the column laid out, and the chart
// under the card resized and redrawn, once for the card and once more for the unfold.
import { describe, expect, it } from 'vitest';
import { withApp } from './fixture';
import { settled } from './viewport';

interface Report {
  step: string | null;
  folded: boolean | null;
}

describe('the interventions unfold with the step that ends the prediction', () => {
  it('calm-inflammation at 1280×720: the card turns to observe and the interventions unfold in one task', async () => {
    await withApp('?lesson=calm-inflammation&quality=full', async (p, errors) => {
      await settled(p);
      expect(await p.locator('.side').getAttribute('class')).toContain('fold-interventions');
      await p.evaluate(() => {
        const card = document.getElementById('prompt')!;
        const side = document.querySelector('.side')!;
        const reports: Report[] = ((window as unknown as { __reports: Report[] }).__reports = []);
        const watch = new MutationObserver((records) => {
          const r: Report = { step: null, folded: null };
          for (const m of records) {
            if (m.target === card) r.step = card.dataset.step ?? '';
            else r.folded = side.classList.contains('fold-interventions');
          }
          reports.push(r);
        });
        watch.observe(card, { attributes: true, attributeFilter: ['data-step'] });
        watch.observe(side, { attributes: true, attributeFilter: ['class'] });
      });
      await p.locator('#play').click();
      await expect.poll(() => p.locator('#prompt').getAttribute('data-step'), { timeout: 30_000 }).toBe('observe');
      await p.locator('#play').click();
      await settled(p);
      const reports = await p.evaluate(() => (window as unknown as { __reports: Report[] }).__reports);
      console.log(`reports: ${JSON.stringify(reports)}`);
      const turned = reports.find((r) => r.step === 'observe');
      expect(turned).toBeDefined();
      expect(turned!.folded).toBe(false);
      expect(await p.locator('.side').getAttribute('class')).not.toContain('fold-interventions');
      expect(errors).toEqual([]);
    });
  });
});
