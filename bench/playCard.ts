// `npx tsx bench/playCard.ts`: what Play costs the page's main thread in the task that turns the
// prompt's card to its observe step, at a CPU slowdown: a lesson is loaded and left to settle, then
// traced from the press of Play until the card has turned and the page settled again; it prints the
// CPU and wall time of each task that wrote the card's step (and whether the engine's answer was in
// it) and the longest tasks that handled the engine worker's answers (test/e2e/cardTasks.ts).
// --cases a,b  lessons (default letters,organ-address)   --dist a,b  builds, run in turn per round
// --rounds N (default 2)   --rate N (default 4)
import { resolve } from 'node:path';
import { loadavg } from 'node:os';
import { forEachLessonPage } from './throttledPages';
import { arg } from './args';
import { CARD_TASK_CATEGORIES, tasksOfStepWrites, workerAnswerTasks, type TaskEvent } from '../test/e2e/cardTasks';

const cases = arg('cases', 'letters,organ-address').split(',');
const dists = arg('dist', 'dist').split(',').map((d) => resolve(process.cwd(), d));
const rounds = Number(arg('rounds', '2'));
const rate = Number(arg('rate', '4'));

const settle = async (p: import('playwright-core').Page) => {
  await p.waitForFunction(() => window.cellpost.pending() === 0, undefined, { timeout: 60_000, polling: 100 });
  await p.waitForTimeout(1500);
};

await forEachLessonPage({ dists, cases, rounds, rate }, async ({ p, cdp }, { c, dist, round }) => {
  await settle(p);
  const events: TaskEvent[] = [];
  cdp.on('Tracing.dataCollected', (e: { value: TaskEvent[] }) => events.push(...e.value));
  const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CARD_TASK_CATEGORIES } });
  await p.locator('#play').click();
  await p.waitForFunction(() => document.querySelector('#prompt')?.getAttribute('data-step') === 'observe', undefined, { timeout: 60_000, polling: 100 });
  await p.locator('#play').click();
  await settle(p);
  await cdp.send('Tracing.end');
  await done;
  const card = tasksOfStepWrites(events);
  const answers = workerAnswerTasks(events);
  const ms = (t: { cpuMs: number; wallMs: number }) => `${t.cpuMs.toFixed(1)} CPU / ${t.wallMs.toFixed(1)} wall`;
  console.log(`== ${c} ${dist} round ${round + 1} (load ${loadavg()[0].toFixed(1)})`);
  console.log(`  card's step written in: ${card.map((t) => `${ms(t)} ms${t.names.includes('HandlePostMessage') ? ' (the worker\'s answer)' : ''}`).join('; ')}`);
  console.log(`  worker's answers, longest: ${answers.slice(0, 3).map((t) => `${ms(t)} ms`).join('; ')}`);
});
