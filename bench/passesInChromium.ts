// `npx tsx bench/passesInChromium.ts [REV] [--packets N] [--steps K]`: bench/passes.ts's table for
// the ?bench scene in headless Chromium (its V8 is newer than Node's and compiles the hot loops
// differently), for this tree's engine and the engine of git revision REV (default main), stepped
// alternately on the page's main thread (the same V8 as the engine worker), so that a busy machine
// slows both alike; each engine is bundled with esbuild into tmp/passes/. Times are wall ms
// (performance.now()): read the best figures and the ratios.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { launch } from '../test/e2e/browser';
import { engineDirAt } from './engineAt';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const rev = args[0] && !args[0].startsWith('--') ? args[0] : 'main';
const packets = Number(option('packets', '1000000'));
const steps = Number(option('steps', '20'));
if (!(packets > 0) || !(steps > 0)) throw new Error('--packets and --steps must be positive numbers');

const root = resolve(import.meta.dirname, '..');
const dir = join(root, 'tmp', 'passes');
mkdirSync(dir, { recursive: true });
const entry = join(dir, 'entry.ts');
writeFileSync(
  entry,
  `import { lettersReady, summarise, timedStep } from '../../bench/passTimes';\n` +
    `import { step } from '../../sim/index';\n` +
    `declare const NAME: string;\n` +
    `const g = globalThis as any;\n` +
    `g[NAME] = (n: number) => {\n` +
    `  const m = lettersReady(n);\n  step(m, 3);\n  const samples: Record<string, number>[] = [];\n` +
    `  return { one: () => samples.push(timedStep(m, () => performance.now())), summary: () => summarise(samples, m, 'letters') };\n};\n`,
);
/** Bundles the entry with every import of the engine's front door going to simDir. */
async function bundle(name: string, simDir: string): Promise<void> {
  const pickEngine = {
    name: 'pick-engine',
    setup(b: { onResolve: (o: { filter: RegExp }, f: () => { path: string }) => void }) {
      b.onResolve({ filter: /\/sim\/index$/ }, () => ({ path: join(simDir, 'index.ts') }));
    },
  };
  await build({ entryPoints: [entry], bundle: true, format: 'iife', outfile: join(dir, `${name}.js`), platform: 'browser', target: 'es2022', logLevel: 'error', define: { NAME: JSON.stringify(name) }, plugins: [pickEngine] });
}
await bundle('here', join(root, 'sim'));
await bundle('there', join(engineDirAt(rev), 'sim'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><script src="here.js"></script><script src="there.js"></script>');
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`file://${join(dir, 'index.html')}`);
  type Run = { one: () => void; summary: () => unknown };
  const result = await page.evaluate(
    ([n, k]) => {
      const g = globalThis as unknown as { here: (n: number) => Run; there: (n: number) => Run };
      const here = g.here(n);
      const there = g.there(n);
      for (let i = 0; i < k; i++) {
        if (i % 2 === 0) {
          here.one();
          there.one();
        } else {
          there.one();
          here.one();
        }
      }
      return { here: here.summary(), there: there.summary() };
    },
    [packets, steps],
  );
  console.log(JSON.stringify({ bench: 'engine.passesInChromium', against: rev, ...result }));
} finally {
  await browser.close();
}
