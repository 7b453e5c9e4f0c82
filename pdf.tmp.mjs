import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
const B = 'http://localhost:4223/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const ids = ['letters','immune-suppression','liquid-biopsy','nk-weapons','block-release','calm-inflammation','gut-messages','organ-address','autoimmune-signature'];
const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
for (const lang of ['en','nb']) {
  const row = [];
  for (const id of (process.argv[2] ? [process.argv[2]] : ids)) {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    await page.goto(`${B}?teacher=${id}&view=worksheet&lang=${lang}`);
    await page.locator('#t-view article').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    if (id === 'letters' || process.argv[2]) { writeFileSync(`/tmp/it-shots/sheet-${id}-${lang}.pdf`, pdf); await page.screenshot({ path: `/tmp/it-shots/print-${id}-${lang}.png`, fullPage: true }); }
    const n = await page.locator('.w-axes').count();
    row.push(`${id}:${pages(pdf)}p/${n}sk`);
    await page.close();
  }
  console.log(lang, row.join(' '));
}
await browser.close();
