// At Play the prompt's card turns to its observe step in a task of its own, not inside the task
// that handles the engine worker's answer (the frame, the charts' cursors and series, the clock):
// read from Chromium's trace, not timed, so it holds on a busy machine. The card's `data-step`
// write is found by its style invalidation (the invalidation-tracking category), and the task
// around it must hold no message from the worker (HandlePostMessage). On main's build at 0dda1b1
// the card turned inside the worker's answer: 30–81 ms of CPU at 4× with the charts' sketches.
import { describe, expect, it } from 'vitest';
import { withApp } from './fixture';
import { settled } from './viewport';
import { startTrace } from './trace';
import { CARD_TASK_CATEGORIES, tasksOfStepWrites, type TaskEvent } from './cardTasks';

describe('the card at Play', () => {
  for (const lesson of ['letters', 'organ-address']) {
    it(`${lesson}: the card turns to its observe step in a task of its own, not in the worker's answer`, async () => {
      await withApp(`?lesson=${lesson}&quality=full`, async (p, errors) => {
        await settled(p);
        const tracing = await startTrace(p, CARD_TASK_CATEGORIES);
        await p.locator('#play').click();
        await expect.poll(() => p.locator('#prompt').getAttribute('data-step'), { timeout: 20_000 }).toBe('observe');
        await p.locator('#play').click();
        await settled(p);
        const trace = JSON.parse(await tracing.stop()) as { traceEvents: TaskEvent[] };
        const tasks = tasksOfStepWrites(trace.traceEvents);
        console.log(`${lesson}: the card's step written in tasks holding ${tasks.map((t) => [...new Set(t.names)].filter((n) => /Message|Function|Timer/.test(n)).join('+')).join('; ')}`);
        expect(tasks.length).toBeGreaterThan(0);
        for (const t of tasks) expect(t.names).not.toContain('HandlePostMessage');
        expect(errors).toEqual([]);
      });
    });
  }
});
