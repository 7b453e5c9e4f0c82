// What the first load is made of: for each chunk dist/index.html loads up front, its bytes split by
// source module (read from the build's source maps), largest first, raw and gzipped per module.
// `npx tsx bench/bundleBreakdown.ts [dist] [--top N]` after `npx vite build` (which writes the maps).
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstLoadSize } from './firstLoad';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one source-map segment (base64 VLQ) into its numbers. */
function decodeVlq(seg: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of seg) {
    const d = B64.indexOf(ch);
    value += (d & 31) << shift;
    if (d & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

export interface ModuleShare {
  source: string;
  rawBytes: number;
  gzipBytes: number;
}

/** Splits one built chunk's text among the sources its map names (unmapped text goes to "(unmapped)"). */
export function chunkShares(code: string, map: { sources: string[]; mappings: string }): ModuleShare[] {
  const lines = code.split('\n');
  const text = new Map<string, string[]>();
  const add = (src: string, s: string) => {
    if (!text.has(src)) text.set(src, []);
    text.get(src)!.push(s);
  };
  let source = 0;
  map.mappings.split(';').forEach((lineMap, li) => {
    const line = lines[li] ?? '';
    let col = 0;
    let prevCol = 0;
    let prevSrc = '(unmapped)';
    for (const seg of lineMap.split(',')) {
      if (seg === '') continue;
      const v = decodeVlq(seg);
      col += v[0];
      add(prevSrc, line.slice(prevCol, col));
      prevCol = col;
      if (v.length >= 4) {
        source += v[1];
        prevSrc = map.sources[source] ?? '(unmapped)';
      } else prevSrc = '(unmapped)';
    }
    add(prevSrc, line.slice(prevCol) + '\n');
  });
  return [...text].map(([src, parts]) => {
    const s = parts.join('');
    return { source: src.replace(/^(\.\.\/)+/, ''), rawBytes: s.length, gzipBytes: gzipSync(s, { level: 9 }).length };
  });
}

/** Shares of every first-load chunk, merged by source and sorted by raw size. */
export function firstLoadBreakdown(dist: string): ModuleShare[] {
  const all = new Map<string, ModuleShare>();
  for (const f of firstLoadSize(dist).files) {
    const file = resolve(dist, f);
    const mapFile = `${file}.map`;
    const code = readFileSync(file, 'utf8');
    // A chunk without a map (the bundler's small runtime) counts as a whole under its file name.
    const shares = existsSync(mapFile) ? chunkShares(code, JSON.parse(readFileSync(mapFile, 'utf8'))) : [{ source: `(no map) ${f}`, rawBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length }];
    for (const s of shares) {
      const hit = all.get(s.source) ?? { source: s.source, rawBytes: 0, gzipBytes: 0 };
      hit.rawBytes += s.rawBytes;
      hit.gzipBytes += s.gzipBytes;
      all.set(s.source, hit);
    }
  }
  return [...all.values()].sort((a, b) => b.rawBytes - a.rawBytes);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const ti = args.indexOf('--top');
  const top = ti >= 0 ? Number(args[ti + 1]) : 40;
  const dist = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--top') ?? 'dist');
  const rows = firstLoadBreakdown(dist);
  // Group by package (node_modules/NAME) or folder, then list the largest modules.
  const groups = new Map<string, number>();
  for (const r of rows) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(r.source);
    const key = m ? m[1] : r.source.split('/').slice(0, r.source.startsWith('src/') ? 3 : 1).join('/');
    groups.set(key, (groups.get(key) ?? 0) + r.rawBytes);
  }
  const kb = (b: number) => (b / 1000).toFixed(1).padStart(7);
  console.log('raw kB by package or folder:');
  for (const [k, v] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`${kb(v)}  ${k}`);
  console.log(`\nlargest ${top} modules (raw kB, gzip kB alone):`);
  for (const r of rows.slice(0, top)) console.log(`${kb(r.rawBytes)} ${kb(r.gzipBytes)}  ${r.source}`);
}
