// The same state hash in every JavaScript engine: each lesson's hash after HASH_STEPS steps from
// seed 1 and the fingerprint of its precomputed tables, computed by Node (V8) and Bun
// (JavaScriptCore) running test/engines/print-hashes.ts and by Firefox ESR (SpiderMonkey) running
// a small Vite-built page (test/engines/page), must agree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import puppeteer, { type Browser } from 'puppeteer-core';
import { serveDist, type StaticServer } from '../e2e/server';
import { lessonIds } from '../../lessons/index';
import { ENGINE_VERSION } from '../../sim/version';
import { HASH_STEPS } from './lessonHashes';
import { BUN, ROOT } from './bun';

const SCRIPT = 'test/engines/print-hashes.ts';
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

interface Report {
  engineVersion: string;
  seed: string;
  steps: number;
  hashes: Record<string, string>;
  tables: Record<string, string>;
  ms: number;
}

/** Runs a command in the project folder and parses the JSON line it prints. */
function runScript(what: string, command: string, args: string[]): Promise<Report> {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, DO_NOT_TRACK: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => fail(new Error(`${what}: could not start ${command}: ${e.message}`)));
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`${what} exited with ${code}:\n${err || out}`));
      try {
        ok(JSON.parse(out.trim().split('\n').pop() ?? '') as Report);
      } catch {
        fail(new Error(`${what} printed no hash report:\n${out}\n${err}`));
      }
    });
  });
}

/** Builds the hash page, serves it on loopback and reads its result in headless Firefox over WebDriver BiDi. */
async function firefoxReport(): Promise<Report> {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox ESR not found at ${FIREFOX} (apt-get install -y firefox-esr, or set FIREFOX_PATH)`);
  const dir = mkdtempSync(join(tmpdir(), 'cellpost-engines-'));
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  try {
    await build({
      configFile: false,
      root: join(ROOT, 'test', 'engines', 'page'),
      base: './',
      logLevel: 'warn',
      build: { outDir: dir, emptyOutDir: true, target: 'es2022', sourcemap: false, reportCompressedSize: false },
    });
    server = await serveDist(dir);
    browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, protocol: 'webDriverBiDi', headless: true });
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForSelector('#hashes[data-done], #hashes[data-error]', { timeout: 150_000 });
    const [text, error] = await page.$eval('#hashes', (el) => [el.textContent ?? '', (el as HTMLElement).dataset.error ?? '']);
    if (error) throw new Error(`the hash page failed in Firefox: ${error}`);
    return JSON.parse(text) as Report;
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const engines = {
  'Node (V8)': () => runScript('node', process.execPath, ['--import', 'tsx', SCRIPT]),
  'Bun (JavaScriptCore)': () => {
    if (!existsSync(BUN)) throw new Error(`Bun not found at ${BUN}: npm install brings it (the "bun" devDependency ships the binary), or set BUN_PATH`);
    return runScript('bun', BUN, ['--no-install', SCRIPT]);
  },
  'Firefox ESR (SpiderMonkey)': firefoxReport,
};
type Engine = keyof typeof engines;

const reports = new Map<Engine, Report>();
const failures = new Map<Engine, Error>();

beforeAll(async () => {
  const t0 = Date.now();
  const names = Object.keys(engines) as Engine[];
  const settled = await Promise.allSettled(names.map(async (n) => engines[n]()));
  settled.forEach((s, i) => (s.status === 'fulfilled' ? reports.set(names[i], s.value) : failures.set(names[i], s.reason as Error)));
  const times = [...reports].map(([n, r]) => `${n} ${(r.ms / 1000).toFixed(1)} s`).join(', ');
  console.log(`engines check: ${((Date.now() - t0) / 1000).toFixed(1)} s in all (running the lessons: ${times})`);
});

afterAll(() => {
  reports.clear();
});

/** One line per lesson whose value differs between two reports. */
function differences(a: Report, b: Report, what: 'hashes' | 'tables'): string[] {
  return lessonIds()
    .filter((id) => a[what][id] !== b[what][id])
    .map((id) => `${id}: ${a[what][id]} vs ${b[what][id]}`);
}

describe(`every lesson's state hash (seed 1, ${HASH_STEPS} steps) is the same in three JavaScript engines`, () => {
  for (const name of Object.keys(engines) as Engine[])
    it(`${name} runs every lesson of engine ${ENGINE_VERSION}`, () => {
      const failure = failures.get(name);
      if (failure) throw failure;
      const r = reports.get(name)!;
      expect(r.engineVersion).toBe(ENGINE_VERSION);
      expect(r.steps).toBe(HASH_STEPS);
      expect(Object.keys(r.hashes)).toEqual(lessonIds());
      expect(Object.keys(r.tables)).toEqual(lessonIds());
    });

  for (const name of ['Bun (JavaScriptCore)', 'Firefox ESR (SpiderMonkey)'] as Engine[]) {
    const both = () => {
      const node = reports.get('Node (V8)');
      const other = reports.get(name);
      expect(node && other, `missing a report: ${[...failures.values()].map((e) => e.message).join('; ')}`).toBeTruthy();
      return [node!, other!] as const;
    };
    it(`${name} builds Node's tables to the last bit`, () => {
      const [node, other] = both();
      expect(differences(node, other, 'tables'), `lessons whose precomputed tables differ (Node vs ${name}): a Math function outside sim/exactMath.ts?`).toEqual([]);
    });
    it(`${name} gives Node's state hashes`, () => {
      const [node, other] = both();
      expect(differences(node, other, 'hashes'), `lessons whose state hash differs (Node vs ${name})`).toEqual([]);
    });
  }
});
