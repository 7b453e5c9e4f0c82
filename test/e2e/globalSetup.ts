// The browser tests' one shared set-up (vitest globalSetup, run once for the whole suite): a build
// of the current sources in dist/ (built here when missing or older than the sources), one static
// server for it and one Chromium; test files reach them through fixture.ts (provide/inject).
import type { TestProject } from 'vitest/node';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { chromiumMissing, launchShared } from './browser';
import { serveDist } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The served app, ending in '/'. */
    baseUrl: string;
    /** The shared Chromium, for chromium.connectOverCDP. */
    chromiumEndpoint: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');
/** What goes into the build: if any of it is newer than dist/index.html, dist/ is rebuilt. */
const SOURCES = ['index.html', 'vite.config.ts', 'build', 'public', 'package-lock.json', 'sim', 'src/app', 'src/lab', 'viz', 'workers', 'lessons'];

function newestUnder(path: string): { file: string; ms: number } {
  if (!existsSync(path)) return { file: path, ms: 0 };
  const s = statSync(path);
  if (!s.isDirectory()) return { file: path, ms: s.mtimeMs };
  let best = { file: path, ms: 0 };
  for (const name of readdirSync(path)) {
    const n = newestUnder(join(path, name));
    if (n.ms > best.ms) best = n;
  }
  return best;
}

/** Why dist/ must be built again, or null when it is up to date. */
function staleBecause(dist: string): string | null {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return 'there is no build yet';
  const built = statSync(index).mtimeMs;
  for (const source of SOURCES) {
    const n = newestUnder(join(ROOT, source));
    if (n.ms > built) return `${relative(ROOT, n.file)} changed after the last build`;
  }
  return null;
}

/** The folder to serve: CELLPOST_DIST as it is (another build), or dist/ brought up to date. */
function builtApp(): string {
  const given = process.env.CELLPOST_DIST;
  if (given) {
    if (!existsSync(join(given, 'index.html'))) throw new Error(`CELLPOST_DIST=${given} holds no index.html; build there first`);
    return resolve(given);
  }
  const dist = join(ROOT, 'dist');
  const why = staleBecause(dist);
  if (why) {
    console.log(`[e2e] building dist/ (${why})`);
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
  return dist;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  const server = await serveDist(builtApp());
  const browser = await launchShared();
  project.provide('baseUrl', server.url);
  project.provide('chromiumEndpoint', browser.endpoint);
  return async () => {
    await browser.close();
    await server.close();
  };
}
