// Browser test of "Class results": thirty students of class 12 (letters, 1 h, seeds from the class
// code) bring 26 run files made by `cellpost run --save-run` and 4 links — one file and one link
// tampered, one file a copy. The page counts 27 runs, lists the other three with their reasons,
// and its CSV equals the table built from `cellpost run --json` on those seeds and `cellpost class`'s.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { classCsv, classSeed, encodeLink, settingsText, type ClassCsvRow } from '../../src/lab';
import { cliHere } from '../cli/inProcess';
import { baseUrl } from './fixture';
import { hasText } from './expectations';
import { download, seriousViolations } from './files';

const DIR = resolve(process.cwd(), 'test-results', 'class-runs');
const SHOTS = resolve(process.cwd(), 'test-results', 'screenshots');
const CLASS = 12;
const HOURS = 1;
const METRIC = 'cells.reader.responding';

let browser: Browser;
/** The expected CSV: one row per distinct, untampered student, from `cellpost run --json`. */
let expected = '';
/** Run files to drop (name, path) and links to paste. */
const files: string[] = [];
const links: string[] = [];

/** Runs `cellpost run` for one student in this process: its run file and its JSON summary row. */
async function studentRun(k: number): Promise<{ file: string; row: ClassCsvRow }> {
  const seed = classSeed(CLASS, k);
  const file = resolve(DIR, `student-${String(k).padStart(2, '0')}.json`);
  const json = resolve(DIR, `student-${k}.summary.json`);
  const r = await cliHere(['run', '--scenario', 'letters', '--seed', seed, '--hours', String(HOURS), '--save-run', file, '--json', json]);
  expect(r.code, r.stderr).toBe(0);
  const s = JSON.parse(readFileSync(json, 'utf8')) as { scenario: string; seed: string; steps: number; dtSeconds: number; overrides: { path: string; value: unknown }[]; finalHash: string; finalMetrics: Record<string, number>; units: Record<string, string> };
  return { file, row: { lesson: s.scenario, settings: settingsText(s.overrides), seed: s.seed, hours: (s.steps * s.dtSeconds) / 3600, metric: METRIC, value: s.finalMetrics[METRIC], unit: s.units[METRIC], hash: s.finalHash } };
}

beforeAll(async () => {
  browser = await chromium.connectOverCDP(inject('chromiumEndpoint'));
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  mkdirSync(SHOTS, { recursive: true });
  const rows: ClassCsvRow[] = [];
  for (let k = 1; k <= 29; k++) {
    const { file, row } = await studentRun(k);
    const f = JSON.parse(readFileSync(file, 'utf8')) as { stopTick: number; checkpoints: { tick: number; hash: string }[] };
    const last = f.checkpoints[f.checkpoints.length - 1];
    if (k === 26 || k === 27) {
      // Students 26 and 27 share a link with the check Share writes (the hash at the run's end).
      const link = await encodeLink({ lesson: 'letters', seed: classSeed(CLASS, k), overrides: new Map(), events: [], check: last, hide: [] }, new Map(), baseUrl(), { withCheck: true });
      links.push(link.url);
      rows.push(row);
    } else if (k === 28) {
      // Tampered: the seed edited, the hashes left as they were.
      writeFileSync(file, readFileSync(file, 'utf8').replace(`"seed": "${classSeed(CLASS, k)}"`, `"seed": "${classSeed(CLASS, 1)}"`));
      files.push(file);
    } else if (k === 29) {
      // Tampered: a link whose check hash was changed.
      const wrong = { tick: last.tick, hash: last.hash.replace(/^./, (c) => (c === '0' ? '1' : '0')) };
      links.push((await encodeLink({ lesson: 'letters', seed: classSeed(CLASS, k), overrides: new Map(), events: [], check: wrong, hide: [] }, new Map(), baseUrl(), { withCheck: true })).url);
    } else {
      // Three students committed predictions (the run file's top-level list; the hashes do not cover it).
      if (k <= 3) {
        const run = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
        run.predictions = [{ prompt: 0, atHours: 0, choice: k === 3 ? 'both' : 'readersNear' }];
        writeFileSync(file, JSON.stringify(run, null, 2));
      }
      files.push(file);
      rows.push(row);
    }
  }
  // Student 5 hands in the same file twice.
  const copy = resolve(DIR, 'student-05-again.json');
  writeFileSync(copy, readFileSync(files[4], 'utf8'));
  files.push(copy);
  expect(rows).toHaveLength(27);
  expect(files.length + links.length).toBe(30);
  expected = classCsv(rows);
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

async function openClass(viewport: { width: number; height: number }, errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  await page.goto(`${baseUrl()}?teacher=letters&view=class`);
  await page.locator('#cr-drop').waitFor();
  return page;
}

describe('class results', () => {
  it('counts 27 of 30 runs, lists two tampered and one duplicate, and its CSV equals the table from cellpost run', async () => {
    const errors: string[] = [];
    const p = await openClass({ width: 1280, height: 720 }, errors);
    try {
      await p.locator('#cr-paste').fill(links.join('\n'));
      const t0 = Date.now();
      await p.locator('#cr-files').setInputFiles(files);
      await hasText(p.locator('#cr-status'), '27 runs counted, 3 not counted', 120_000);
      console.log(`Class results: 30 runs (1 h of letters each) read, replayed and checked in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const rejected = await p.locator('#cr-rejected li').evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.kind, e.textContent ?? '']));
      expect(rejected.map((r) => r[0]).sort()).toEqual(['duplicate', 'tampered', 'tampered']);
      expect(rejected.find((r) => r[0] === 'duplicate')?.[1]).toContain('student-05-again.json');
      expect(rejected.find((r) => r[0] === 'duplicate')?.[1]).toContain('the same lesson, settings, seed and events as run 5 (student-05.json)');
      expect(rejected.filter((r) => r[0] === 'tampered').map((r) => r[1]).join('\n')).toMatch(/student-28\.json[\s\S]*differs from the hash it carries/);
      expect(await p.locator('#cr-counted tbody tr').count()).toBe(27);
      expect(await p.locator('.cr-group').count()).toBe(1);
      expect(await p.locator('.cr-group circle.cr-dot').count()).toBe(27);
      await hasText(p.locator('.cr-interval'), /^mean .*, 95 % interval .* \(n = 27\)$/);
      await hasText(p.locator('.cr-predictions'), 'Prompt 1: 3 students · “Readers near the senders”: 2, “Readers and bystanders alike”: 1 · the lesson’s test runs show “Readers near the senders”');
      const csv = await download(p, '#cr-csv');
      expect(csv.name).toBe('class-results.csv');
      expect(csv.bytes.toString('utf8')).toBe(expected);
      // The command line reads the same files and links into the same table.
      const linkFile = resolve(DIR, 'links.txt');
      writeFileSync(linkFile, `${links.join('\n')}\n`);
      const cli = await cliHere(['class', ...files, linkFile, '--csv', resolve(DIR, 'class.csv')]);
      expect(cli.code, cli.stderr).toBe(0);
      expect(cli.stdout).toContain('27 runs counted');
      expect(readFileSync(resolve(DIR, 'class.csv'), 'utf8')).toBe(expected);
      expect(await seriousViolations(p, true)).toEqual([]);
      for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
        await p.setViewportSize(size);
        await p.waitForTimeout(150);
        writeFileSync(resolve(SHOTS, `class-results-${size.width}x${size.height}.png`), await p.screenshot({ fullPage: true }));
      }
      expect(errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('gives each student of a class code a link with their own seed in the link builder', async () => {
    const errors: string[] = [];
    const p = await openClass({ width: 1280, height: 720 }, errors);
    try {
      await p.goto(`${baseUrl()}?teacher=letters&view=link`);
      await p.locator('#tb-class').fill(String(CLASS));
      await p.locator('#tb-students').fill('30');
      await expect.poll(() => p.locator('#tb-class-links').inputValue()).toContain(`30\t${classSeed(CLASS, 30)}\t`);
      const lines = (await p.locator('#tb-class-links').inputValue()).split('\n');
      expect(lines).toHaveLength(30);
      expect(new Set(lines.map((l) => l.split('\t')[1])).size).toBe(30);
      expect(lines[6]).toContain(`seed=${classSeed(CLASS, 7)}`);
      // The one class link asks each student for their number.
      const one = await p.locator('#tb-link').inputValue();
      expect(new URL(one).searchParams.get('class')).toBe(String(CLASS));
      await p.goto(one);
      await p.locator('#student-number-dialog').waitFor();
      expect(await seriousViolations(p)).toEqual([]);
      await p.locator('#student-number').fill('0');
      await p.locator('#student-number-start').click();
      await hasText(p.locator('#student-number-error'), 'A student number is a whole number from 1 to 999');
      await p.locator('#student-number').fill('7');
      await p.locator('#student-number-start').click();
      await expect.poll(() => p.evaluate(() => new URLSearchParams(location.search).get('seed'))).toBe(classSeed(CLASS, 7));
      expect(await p.evaluate(() => new URLSearchParams(location.search).has('class'))).toBe(false);
      await p.goto(`${baseUrl()}?teacher=letters&view=link`);
      await p.locator('#tb-class').fill('abc');
      await hasText(p.locator('#tb-problems'), 'Class number: a class number is a whole number');
      expect(await seriousViolations(p, true)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
