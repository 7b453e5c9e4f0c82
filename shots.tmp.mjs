import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
const B = 'http://localhost:4223/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const sizes = [[390, 844], [1280, 720], [1920, 1080]];
const views = process.argv.slice(2);
for (const lang of ['en', 'nb']) {
  for (const v of views) {
    for (const [w, h] of sizes) {
      const page = await browser.newPage({ viewport: { width: w, height: h } });
      const errs = [];
      page.on('pageerror', (e) => errs.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') errs.push(m.text()); });
      await page.goto(`${B}?teacher=letters${v === 'notes' ? '' : `&view=${v}`}&lang=${lang}`);
      await page.locator('#t-view article').first().waitFor();
      if (v === 'class') {
        await page.locator('#cr-paste').fill(`${B}?lesson=letters&seed=1\n${B}?lesson=letters&seed=2\n${B}?lesson=letters&seed=2\n${B}?lesson=letters&seed=3&ev=zzz\nhello`);
        await page.locator('#cr-check').click();
        await page.locator('#cr-results h3').first().waitFor({ timeout: 120000 });
      }
      await page.waitForTimeout(300);
      await page.screenshot({ path: `/tmp/it-shots/${v}-${lang}-${w}.png`, fullPage: w === 1280 });
      if (errs.length) console.log(v, lang, w, errs);
      await page.close();
    }
  }
}
await browser.close();
