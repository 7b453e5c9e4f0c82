// `npx tsx bench/idle.ts`: what an open, paused page costs. Each case is loaded (1280×720, CPU at
// full speed unless --rate), left paused for a settling time, then watched for --seconds: the
// main thread's CPU time (Performance.getMetrics' ThreadTime) and the renderer's (ProcessTime,
// the worker and compositor too) per second, and the canvas drawing calls and animation-frame
// callbacks made meanwhile (test/e2e/canvasCalls.ts). Builds alternate per round (--dist a,b
// --rounds N), so a busy machine loads both alike.
//
// Flags: --cases a,b (default letters,block-release)  --dist a,b (default dist)  --rounds N (default 2)
//        --seconds N (default 5)  --settle N seconds before measuring (default 3)  --rate N (default 1)
//        --query a=b  more URL parameters
import { resolve } from 'node:path';
import { loadavg } from 'node:os';
import { preview } from 'vite';
import { launch } from '../test/e2e/browser';
import { canvasCalls, countCanvasCalls } from '../test/e2e/canvasCalls';
import { arg, caseSearch } from './args';

const cases = arg('cases', 'letters,block-release').split(',');
const dists = arg('dist', 'dist').split(',').map((d) => resolve(process.cwd(), d));
const rounds = Number(arg('rounds', '2'));
const seconds = Number(arg('seconds', '5'));
const settle = Number(arg('settle', '3'));
const rate = Number(arg('rate', '1'));
const query = arg('query', '');
const basePort = Number(process.env.CELLPOST_BENCH_PORT ?? 4214);

type Metrics = Record<string, number>;

async function main(): Promise<void> {
  const servers = await Promise.all(
    dists.map((outDir, i) => preview({ build: { outDir }, preview: { port: basePort + i, strictPort: true, open: false }, logLevel: 'warn' })),
  );
  const browser = await launch();
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const c of cases) {
        for (let d = 0; d < dists.length; d++) {
          const base = servers[d].resolvedUrls?.local[0] ?? `http://localhost:${basePort + d}/`;
          const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
          const p = await context.newPage();
          await countCanvasCalls(p);
          const cdp = await context.newCDPSession(p);
          if (rate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
          await cdp.send('Performance.enable');
          await p.goto(base + caseSearch(c, query));
          await p.waitForFunction(() => window.cellpost?.ready(), undefined, { timeout: 60_000, polling: 100 });
          // Paused: a lesson opens paused; the speed test plays, so it is paused here.
          await p.evaluate(() => {
            const b = document.querySelector<HTMLButtonElement>('#play');
            if (b && b.dataset.state === 'playing') b.click();
          });
          await p.waitForTimeout(settle * 1000);
          const read = async () => {
            const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
            return Object.fromEntries(metrics.map((m) => [m.name, m.value])) as Metrics;
          };
          const m0 = await read();
          const c0 = await canvasCalls(p);
          await p.waitForTimeout(seconds * 1000);
          const m1 = await read();
          const c1 = await canvasCalls(p);
          const wall = m1.Timestamp - m0.Timestamp;
          const per = (k: string) => +((m1[k] - m0[k]) / wall).toFixed(4);
          console.log(
            JSON.stringify({
              round,
              case: c,
              dist: dists[d],
              threadCpuPerS: per('ThreadTime'),
              processCpuPerS: per('ProcessTime'),
              taskPerS: per('TaskDuration'),
              scriptPerS: per('ScriptDuration'),
              layouts: m1.LayoutCount - m0.LayoutCount,
              restyles: m1.RecalcStyleCount - m0.RecalcStyleCount,
              canvasCalls: c1.draws - c0.draws,
              animationFrames: c1.frames - c0.frames,
              seconds: +wall.toFixed(2),
              load: +loadavg()[0].toFixed(2),
            }),
          );
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
