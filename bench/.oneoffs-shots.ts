// temporary: screenshots of two builds at three sizes, ~3 s after load
import { serveAndLaunch } from './throttledPages';
const [dist, tag] = process.argv.slice(2);
const sizes = [[390, 844], [1366, 768], [1920, 1080]];
const cases = ['letters', 'block-release', 'gut-messages', 'autoimmune-signature'];
const { base, browser, close } = await serveAndLaunch(dist);
try {
  for (const c of cases)
    for (const [w, h] of sizes) {
      const ctx = await browser.newContext({ viewport: { width: w, height: h } });
      const p = await ctx.newPage();
      await p.goto(`${base}?lesson=${c}`);
      await p.waitForFunction(() => window.cellpost?.ready(), undefined, { timeout: 60_000 });
      await p.waitForTimeout(3000);
      await p.screenshot({ path: `/tmp/oneoffs-shots/${tag}-${c}-${w}.png` });
      await ctx.close();
    }
} finally {
  await close();
}
