// The run's sentence for screen readers (src/app/ui/runDescription.ts) is made and written in a
// task of its own, not inside the task that handles the engine worker's answer (the frame, the
// charts' series, the clock): read from Chromium's trace, not timed, so it holds on a busy
// machine. Each write of the live region is marked from the page (a MutationObserver, whose report
// runs at the end of the task that wrote it) and the task around the mark must hold no message
// from the worker (HandlePostMessage). On main's build at 397ee82 the first sentence was made
// inside the worker's answer (36 ms of CPU at 4× in block-release, 59 ms with it in
// calm-inflammation).
import { describe, expect, it } from 'vitest';
import { withApp, stepN, tick } from './fixture';
import { settled } from './viewport';
import { startTrace } from './trace';
import { CARD_TASK_CATEGORIES, tasksOfMarks, type TaskEvent } from './cardTasks';

const MARK = 'cellpost-test:sentence';

describe('the run in words, in a task of its own', () => {
  for (const lesson of ['letters', 'calm-inflammation']) {
    it(`${lesson}: the first sentence is written outside the worker's answer`, async () => {
      await withApp(`?lesson=${lesson}&quality=full`, async (p, errors) => {
        await settled(p);
        await p.evaluate((mark) => {
          const live = document.getElementById('run-description');
          if (live) new MutationObserver(() => performance.mark(mark)).observe(live, { childList: true, characterData: true, subtree: true });
        }, MARK);
        const tracing = await startTrace(p, [...CARD_TASK_CATEGORIES, 'blink.user_timing']);
        await p.locator('#play').click();
        // Play for up to 15 s of wall time; on a slow machine finish the hour with exact steps
        // (a stop's pause says the hour too, so either way a sentence is written).
        await expect.poll(() => p.locator('#run-description').textContent(), { timeout: 15_000 }).not.toBe('').catch(() => undefined);
        const said = async () => (await p.locator('#run-description').textContent()) !== '';
        if (!(await said()) && (await p.locator('#play').getAttribute('data-state')) === 'playing') await p.locator('#play').click();
        for (let k = 0; k < 20 && !(await said()); k++) {
          await stepN(p, 100);
          await settled(p);
        }
        await expect.poll(() => p.locator('#run-description').textContent(), { timeout: 20_000 }).not.toBe('');
        if ((await p.locator('#play').getAttribute('data-state')) === 'playing') await p.locator('#play').click();
        await settled(p);
        const trace = JSON.parse(await tracing.stop()) as { traceEvents: TaskEvent[] };
        const tasks = tasksOfMarks(trace.traceEvents, MARK);
        console.log(`${lesson} (tick ${await tick(p)}): the sentence written in tasks holding ${tasks.map((t) => [...new Set(t.names)].filter((n) => /Message|Function|Timer/.test(n)).join('+') || '-').join('; ')}`);
        expect(tasks.length).toBeGreaterThan(0);
        for (const t of tasks) {
          expect(t.names).not.toContain('(no task)');
          expect(t.names).not.toContain('HandlePostMessage');
        }
        expect(errors).toEqual([]);
      });
    });
  }
});
