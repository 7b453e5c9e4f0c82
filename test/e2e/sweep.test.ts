// Browser tests of the "Repeat & sweep" panel (src/sweep): a small sweep completes in the sweep
// workers and its CSV equals `cellpost sweep`'s for the same sweep (the command the panel shows),
// two parameters draw a heat map, Cancel stops the workers and keeps finished runs, bad input is
// refused, and the autoimmune-signature lesson's cohort runs in the same pool (distributions, ROC, AUC);
// in bokmål the form, its messages and the results are Norwegian, numbers with a decimal comma, and the
// exported CSV keeps its English column names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { newApp, withApp, type App } from './fixture';
import { seriousViolations } from './files';

const SHOTS = resolve(process.cwd(), 'test-results', 'screenshots');
const TALL = { viewport: { width: 1280, height: 1000 } };
const NNBSP = '\u202f';

// One page with the sweep dialog open, shared by the tests of the panel in order.
let app: App;
let page: Page;
let errors: string[];
let dir: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'cellpost-sweep-e2e-'));
  app = await newApp('?lesson=letters&mode=lab', TALL);
  ({ page, errors } = app);
  await page.click('#sweep-open');
  await page.waitForSelector('#sweep-dialog[open]');
});

afterAll(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Fills the form: parameters and values, replicates, hours. */
async function setUp(p: Page, o: { vary: [string, string][]; replicates: string; hours: string }): Promise<void> {
  await p.selectOption('#sweep-param-0', o.vary[0][0]);
  await p.fill('#sweep-values-0', o.vary[0][1]);
  await p.selectOption('#sweep-param-1', o.vary[1]?.[0] ?? '');
  if (o.vary[1]) await p.fill('#sweep-values-1', o.vary[1][1]);
  await p.fill('#sweep-replicates', o.replicates);
  await p.fill('#sweep-first-seed', '1');
  await p.fill('#sweep-hours', o.hours);
}

const state = (p: Page) => p.locator('#sweep-status').getAttribute('data-state');

async function runToEnd(p: Page): Promise<void> {
  await p.click('#sweep-start');
  await expect.poll(() => state(p), { timeout: 30_000 }).toBe('done');
}

async function exportCsv(p: Page): Promise<string> {
  const [download] = await Promise.all([p.waitForEvent('download'), p.click('#sweep-csv')]);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return readFileSync(file, 'utf8');
}

const column = (csv: string, name: string) => {
  const [head, ...rows] = csv.trim().split('\n').map((l) => l.split(','));
  const k = head.indexOf(name);
  return rows.map((r) => r[k]);
};

describe('the Repeat & sweep panel', () => {
  it('runs a small sweep whose CSV equals cellpost sweep’s for the same sweep', async () => {
    const p = page;
    await setUp(p, { vary: [['tissues.tissue.diffusion', '0.5, 1']], replicates: '2', hours: '0.2' });
    await expect.poll(() => p.locator('#sweep-plan').textContent()).toContain('4 runs');
    await runToEnd(p);
    expect(await p.locator('#sweep-status').textContent()).toMatch(/^Done: 4 runs in .* runs per minute/);
    await expect.poll(() => p.locator('.cp-sweep-line .cp-band').count()).toBe(1);
    const csv = await exportCsv(p);
    expect(csv.trim().split('\n')).toHaveLength(5);

    // The command line the panel shows, run as it is (with our --out).
    const command = (await p.locator('#sweep-cli').textContent())!;
    expect(command).toBe('npx cellpost sweep --scenario letters --vary tissues.tissue.diffusion=0.5,1 --seeds 1-2 --hours 0.2 --out results.csv');
    const out = join(dir, 'cli.csv');
    const args = command.replace('npx cellpost ', '').replace('--out results.csv', `--out ${out}`).split(' ');
    execFileSync(process.execPath, ['bin/cellpost.js', ...args, '--workers', '1'], { stdio: 'ignore' });
    const cli = readFileSync(out, 'utf8');
    expect(column(csv, 'state_hash')).toEqual(column(cli, 'state_hash'));
    expect(column(csv, 'state_hash').every((h) => /^[0-9a-f]{16}$/.test(h))).toBe(true);
    expect(csv).toBe(cli);
    await p.locator('.cp-sweep-line').screenshot({ path: resolve(SHOTS, 'sweep-line.png') });
  });

  it('draws one line per value of a second parameter and a heat map with its legend and unit; axe finds no serious problem', async () => {
    const p = page;
    await setUp(p, { vary: [['tissues.tissue.diffusion', '0.5:1.5:0.5'], ['cellTypes.sender.release.0.perHour', '150, 600']], replicates: '2', hours: '0.2' });
    await runToEnd(p);
    await expect.poll(() => p.locator('.cp-sweep-line .cp-series').count()).toBe(2);
    await expect.poll(() => p.locator('.cp-sweep-heat .cp-heat-cell').count()).toBe(6);
    expect(await p.locator('.cp-sweep-heat .cp-heat-legend').textContent()).toContain('packets');
    await p.locator('.cp-sweep-heat').screenshot({ path: resolve(SHOTS, 'sweep-heat.png') });
    expect(await seriousViolations(p)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('Cancel stops the workers and keeps the finished runs', async () => {
    const p = page;
    await setUp(p, { vary: [['tissues.tissue.diffusion', '0.5, 1']], replicates: '40', hours: '2' });
    await p.click('#sweep-start');
    await expect.poll(() => p.locator('#sweep-status').textContent(), { timeout: 20_000 }).toMatch(/^[1-9]\d* of 80 runs done/);
    await p.click('#sweep-cancel');
    await expect.poll(() => state(p)).toBe('cancelled');
    const text = (await p.locator('#sweep-status').textContent())!;
    const kept = Number(/Cancelled: (\d+) of 80/.exec(text)?.[1]);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(80);
    const before = await p.locator('#sweep-progress').evaluate((el) => (el as HTMLProgressElement).value);
    await p.waitForTimeout(1500);
    expect(await p.locator('#sweep-progress').evaluate((el) => (el as HTMLProgressElement).value)).toBe(before);
    expect(await p.locator('#sweep-status').textContent()).toBe(text);
    expect(await p.locator('#sweep-start').isDisabled()).toBe(false);
    const csv = await exportCsv(p);
    expect(csv.trim().split('\n')).toHaveLength(kept + 1);
  });

  it('refuses an invalid range, values out of range and too many runs inline', async () => {
    const p = page;
    await setUp(p, { vary: [['tissues.tissue.diffusion', '0:1:0']], replicates: '2', hours: '0.2' });
    await expect.poll(() => p.locator('#sweep-error').textContent()).toContain('the step must be more than 0');
    expect(await p.locator('#sweep-values-0').getAttribute('aria-invalid')).toBe('true');
    const before = await p.locator('#sweep-status').textContent();
    await p.click('#sweep-start');
    await p.waitForTimeout(300);
    expect(await p.locator('#sweep-status').textContent()).toBe(before);
    await p.fill('#sweep-values-0', '');
    await expect.poll(() => p.locator('#sweep-error').textContent()).toContain('Give the values of vesicle diffusion');
    await p.fill('#sweep-values-0', '1, 900');
    await expect.poll(() => p.locator('#sweep-error').textContent()).toContain('900 is out of range; it must be between 0 and 50 µm²/s');
    await p.fill('#sweep-values-0', '0.5, 1');
    await p.fill('#sweep-replicates', '1001');
    await expect.poll(() => p.locator('#sweep-error').textContent()).toContain('2,002 runs');
    expect(await p.locator('#sweep-error').textContent()).toContain('at most 2,000');
    await p.fill('#sweep-replicates', '2');
    await expect.poll(() => p.locator('#sweep-error').textContent()).toBe('');
    expect(errors).toEqual([]);
  });

  it('speaks bokmål: the form, a refusal, the plan, the status and the results, with decimal commas; the CSV keeps its English columns', async () => {
    await withApp(
      '?lang=nb&lesson=letters&mode=lab',
      async (p, own) => {
        await p.click('#sweep-open');
        await p.waitForSelector('#sweep-dialog[open]');
        expect(await p.locator('#sweep-dialog h2').first().textContent()).toBe('Gjenta og sveip');
        expect(await p.locator('label[for="sweep-param-0"]').textContent()).toBe('Innstilling');
        expect(await p.locator('label[for="sweep-replicates"]').textContent()).toBe('Gjentakelser (frø)');
        expect(await p.locator('label[for="sweep-hours"]').textContent()).toBe('Timer per kjøring');
        await setUp(p, { vary: [['tissues.tissue.diffusion', '0:1:0']], replicates: '2', hours: '0.2' });
        await expect.poll(() => p.locator('#sweep-error').textContent()).toContain('steget må være større enn 0');
        await p.fill('#sweep-values-0', '0.5, 1');
        await p.fill('#sweep-replicates', '1001');
        await expect.poll(() => p.locator('#sweep-error').textContent()).toContain(`2${NNBSP}002 kjøringer`);
        await p.fill('#sweep-replicates', '2');
        await expect.poll(() => p.locator('#sweep-plan').textContent()).toMatch(/^4 kjøringer: 2 verdier av .* × 2 frø \(1-2\), 0,2 t hver \(72 steg\)\.$/);
        await runToEnd(p);
        expect(await p.locator('#sweep-status').textContent()).toMatch(/^Ferdig: 4 kjøringer på \d+,\d s \(.* kjøringer i minuttet på \d+ arbeidere?\)\.$/);
        expect(await p.locator('#sweep-results-h').textContent()).toBe('Resultater');
        const chart = p.locator('.cp-sweep-line');
        await expect.poll(() => chart.locator('.cp-band').count()).toBe(1);
        expect(await chart.locator('h3, h4, .cpv-title, figcaption').first().textContent()).toMatch(/ etter 0,2 t, etter /);
        // Ticks and the hidden table write numbers the bokmål way.
        expect(await chart.locator('.tick text').allTextContents()).toContain('0,6');
        expect(await p.locator('.cp-sweep .cp-note').last().textContent()).toMatch(/^Bånd og streker: 95 %-konfidensintervallet/);
        const text = (await p.locator('#sweep-dialog').innerText()).replace(/\([^)]*\)|cellpost sweep/g, '');
        for (const english of ['Replicates', 'First seed', 'Hours per run', 'Results', 'Done:', 'runs', 'Export CSV', 'Cancel']) expect(text, english).not.toContain(english);
        const csv = await exportCsv(p);
        expect(csv.split('\n')[0]).toBe('run,runs,sweep,scenario,engine_version,hours,seed,tissues.tissue.diffusion,' + csv.split('\n')[0].split(',').slice(8).join(','));
        expect(csv.split('\n')[0].endsWith(',state_hash')).toBe(true);
        expect(csv.split('\n')[1]).toMatch(/^1,4,[0-9a-f]{12},letters,/);
        await p.locator('#sweep-dialog').screenshot({ path: resolve(SHOTS, 'sweep-nb.png') });
        expect(own).toEqual([]);
      },
      TALL,
    );
  });

  it('runs the autoimmune-signature cohort: marker distributions by group, ROC curves, AUC per marker and for the score', async () => {
    await withApp(
      '?lesson=autoimmune-signature&mode=lab',
      async (p, own) => {
        await p.click('#sweep-open');
        await p.fill('#cohort-size', '3');
        await p.click('#cohort-start');
        expect(await p.locator('#cohort-error').textContent()).toMatch(/from 4 to 1,000/);
        await p.fill('#cohort-size', '6');
        await p.fill('#cohort-hours', '0.5');
        await p.click('#cohort-start');
        await expect.poll(() => p.locator('#cohort-status').getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
        const markers = await p.locator('#cohort-auc tbody tr').count();
        expect(markers).toBeGreaterThan(1);
        expect(await p.locator('.cp-cohort-dist').count()).toBe(markers - 1);
        expect(await p.locator('.cp-cohort-roc .cp-roc-marker').count()).toBe(markers - 1);
        expect(await p.locator('#cohort-score-auc').textContent()).toMatch(/^(0\.\d\d|1\.00)$/);
        await p.locator('.cp-cohort-roc').screenshot({ path: resolve(SHOTS, 'sweep-cohort-roc.png') });
        expect(own).toEqual([]);
      },
      TALL,
    );
  });
});
