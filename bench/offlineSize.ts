// What offline use costs in bytes: the service worker's precache (every file sw.js lists, as the
// browser downloads it on the first visit and as gzip would send it) and the one-file copy.
// `npx tsx bench/offlineSize.ts [dist] [dist-single/cellpost.html]` prints it as JSON.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface OfflineSize {
  precacheFiles: number;
  /** kB = 1000 bytes. */
  precacheRawKB: number;
  precacheGzipKB: number;
  swRawKB: number;
  singleRawKB: number | null;
  singleGzipKB: number | null;
}

const kb = (b: number) => Math.round(b / 100) / 10;
const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;

/** The URLs sw.js precaches (Workbox's manifest: `{url:"…",revision:…}`), each once. */
export function precacheUrls(sw: string): string[] {
  const urls = [...sw.matchAll(/\burl:\s*"([^"]+)"/g)].map((m) => m[1]);
  return [...new Set(urls)];
}

export function offlineSize(dist: string, single: string): OfflineSize {
  const sw = readFileSync(join(dist, 'sw.js'));
  const urls = precacheUrls(sw.toString('utf8'));
  if (urls.length === 0) throw new Error(`${join(dist, 'sw.js')} lists no precached files`);
  let raw = 0;
  let zipped = 0;
  for (const u of urls) {
    const f = readFileSync(join(dist, u));
    raw += f.length;
    zipped += gz(f);
  }
  const one = existsSync(single) ? readFileSync(single) : null;
  return {
    precacheFiles: urls.length,
    precacheRawKB: kb(raw),
    precacheGzipKB: kb(zipped),
    swRawKB: kb(sw.length),
    singleRawKB: one ? kb(one.length) : null,
    singleGzipKB: one ? kb(gz(one)) : null,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(offlineSize(resolve(process.argv[2] ?? 'dist'), resolve(process.argv[3] ?? 'dist-single/cellpost.html'))));
}
