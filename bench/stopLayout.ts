// `npx tsx bench/stopLayout.ts`: the style and layout a lesson's stop costs the page at a CPU slowdown,
// alone: the run is stepped to just before a prompt's stop, traced while it plays into the stop,
// pauses there, and plays on for a few seconds; then the frame layouts are printed (bench/layoutCauses.ts).
// --cases a,b  lessons (default autoimmune-signature)   --stop HOURS  the stop to play into (default each
//             lesson's second prompt)   --kinds N  causes printed per layout (default 14)
// --dist a,b  builds, run in turn per round   --rounds N (default 2)   --rate N (default 4)
// --css FILE  a stylesheet added to each page before it is stepped (to try a rule without a build)
// --causes [MS]  also record what dirtied each layout, and print the whole-page layouts' count and the
//             layouts over MS ms of CPU (default 4) with their roots and causes (printLayoutCauses)
// Each case also prints the stop: the CPU of the task that wrote the card's step there and of the frame
// after it, with that frame's style and layout (test/e2e/cardTasks.ts `stopTasks`).
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { forEachLessonPage } from './throttledPages';
import { arg, hasFlag } from './args';
import { printFrameLayouts, printLayoutCauses } from './layoutCauses';
import { LAYOUT_CAUSE_CATEGORIES, type CauseTraceEvent } from '../test/e2e/layoutCauses';
import { pressPlayIfPaused } from '../test/e2e/keepPlaying';
import { CARD_TASK_CATEGORIES, stopTasks } from '../test/e2e/cardTasks';
import { lesson } from '../lessons/index';
import { promptHours } from '../test/e2e/lessonStops';

const cases = arg('cases', 'autoimmune-signature').split(',');
const dists = arg('dist', 'dist').split(',').map((d) => resolve(process.cwd(), d));
const rounds = Number(arg('rounds', '2'));
const rate = Number(arg('rate', '4'));
const stopArg = arg('stop', '');
const maxKinds = Number(arg('kinds', '14'));
const css = arg('css', '') ? readFileSync(arg('css', ''), 'utf8') : '';
const afterSeconds = Number(arg('after', '4'));
const causes = hasFlag('causes');
const causesMs = Number(arg('causes', '4')) || 4;

await forEachLessonPage({ dists, cases, rounds, rate }, async ({ p, cdp }, { c, dist, round }) => {
  // A constructed sheet: the page's Content-Security-Policy refuses an inline <style>.
  if (css)
    await p.evaluate((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }, css);
  const stopHours = stopArg ? Number(stopArg) : promptHours(c, 1);
  const ticks = Math.round((stopHours * 3600) / lesson(c)!.dtSeconds) - 6;
  await p.evaluate((n) => window.cellpost.stepN(n), ticks);
  await p.waitForFunction(() => window.cellpost.pending() === 0, undefined, { timeout: 60_000 });
  await p.waitForTimeout(1500);
  const events: CauseTraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e: { value: CauseTraceEvent[] }) => events.push(...e.value));
  const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', ...CARD_TASK_CATEGORIES, ...(causes ? LAYOUT_CAUSE_CATEGORIES : [])] } });
  await pressPlayIfPaused(p);
  // Into the stop: the run pauses there by itself.
  await p.waitForFunction(() => document.querySelector<HTMLButtonElement>('#play')?.dataset.state !== 'playing', undefined, { timeout: 60_000, polling: 200 });
  await p.waitForTimeout(2500);
  await pressPlayIfPaused(p);
  await p.waitForTimeout(afterSeconds * 1000);
  await cdp.send('Tracing.end');
  await done;
  console.log(`== ${c} ${dist} round ${round + 1} (load ${loadavg()[0].toFixed(1)}), stop at ${stopHours} h`);
  const stop = stopTasks(events);
  if (stop)
    console.log(
      `  the stop: card task ${stop.card.cpuMs.toFixed(1)} ms CPU (${stop.card.wallMs.toFixed(1)} wall), next frame ${stop.frame.cpuMs.toFixed(1)} ms CPU (${stop.frame.wallMs.toFixed(1)} wall) of which style + layout ${stop.frame.styleLayoutCpuMs.toFixed(1)}: ${stop.frame.restyled} elements restyled, ${stop.frame.laidOut} objects laid out, roots ${stop.frame.roots.join(', ') || 'none'}; sum ${(stop.card.cpuMs + stop.frame.cpuMs).toFixed(1)} ms CPU`,
      `\n    card task: ${stop.card.top.join('; ')}\n    frame: ${stop.frame.top.join('; ')}`,
    );
  else console.log('  the stop: no write of the card\'s step in the trace');
  printFrameLayouts(events, 4);
  if (causes) printLayoutCauses(events, causesMs, maxKinds);
});
