// The first-load JavaScript of the built app: what dist/index.html loads before any interaction —
// its module scripts and modulepreloads, and every chunk those import statically (not the
// `import()`ed ones) — summed raw and gzipped. `npx tsx bench/firstLoad.ts` prints it as JSON.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FirstLoad {
  /** Gzipped bytes of the entry chunk and its static imports (kB = 1000 bytes). */
  jsGzipKB: number;
  jsRawKB: number;
  /** The CSS index.html links, gzipped (for information). */
  cssGzipKB: number;
  files: string[];
}

/** Static imports of a built chunk: `import … from "./x.js"` and bare `import "./x.js"`, never `import("./x.js")`. */
export function staticImports(code: string): string[] {
  const out: string[] = [];
  const re = /\bimport\s*(?:[\w*${},\s]+?\s*from\s*)?["']([^"']+\.js)["']/g;
  for (let m = re.exec(code); m; m = re.exec(code)) out.push(m[1]);
  const re2 = /\bexport\s*[\w*${},\s]*?\s*from\s*["']([^"']+\.js)["']/g;
  for (let m = re2.exec(code); m; m = re2.exec(code)) out.push(m[1]);
  return out;
}

export function firstLoadSize(dist: string): FirstLoad {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const queue: string[] = [];
  const css: string[] = [];
  for (const t of tags) {
    if (t.startsWith('<script') && /type="module"/.test(t) && attr(t, 'src')) queue.push(resolve(dist, attr(t, 'src')!));
    if (t.startsWith('<link') && /rel="modulepreload"/.test(t) && attr(t, 'href')) queue.push(resolve(dist, attr(t, 'href')!));
    if (t.startsWith('<link') && /rel="stylesheet"/.test(t) && attr(t, 'href')) css.push(resolve(dist, attr(t, 'href')!));
  }
  const seen = new Set<string>();
  let raw = 0;
  let gz = 0;
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file);
    raw += code.length;
    gz += gzipSync(code, { level: 9 }).length;
    for (const spec of staticImports(code.toString('utf8'))) if (spec.startsWith('.')) queue.push(resolve(dirname(file), spec));
  }
  const cssGz = css.reduce((a, f) => a + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  const kb = (b: number) => Math.round(b / 100) / 10;
  return { jsGzipKB: kb(gz), jsRawKB: kb(raw), cssGzipKB: kb(cssGz), files: [...seen].map((f) => relative(dist, f)) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(firstLoadSize(resolve(process.argv[2] ?? 'dist'))));
}
