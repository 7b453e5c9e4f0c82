// The one-file copy (`npm run build:single`): dist-single/cellpost.html holds the whole app — its
// script (with every on-demand chunk and both workers inlined), its styles, the lessons and the
// icon — so a teacher can copy it to a USB stick and open it from disk (file://), with no network.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin, Rolldown, UserConfig } from 'vite';
import { singleFileCspText } from '../src/app/csp.ts';
import { iconSvg } from './icons.ts';

/** Where the copy is written, and its name. */
export const SINGLE_DIR = 'dist-single';
export const SINGLE_FILE = 'cellpost.html';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * `new Worker(new URL('…', import.meta.url), { … })` in the app's code: each becomes the worker's
 * inlined build (`?worker&inline`, started from a blob: URL, which works from file:// where a
 * worker file beside the page would not load).
 */
const WORKER_BY_URL = /new Worker\(\s*new URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)\s*,\s*(\{[^{}]*\})\s*\)/g;

/** `import W from './w.ts?worker'` (Vite's other way to start a worker): inlined the same way. */
const WORKER_IMPORT = /(\bfrom\s*)(['"])([^'"]+)\?worker\2/g;

/** Rewrites each worker started by URL (or imported with ?worker) into one started from its inlined code. */
export function inlineWorkerStarts(code: string, id: string): { code: string; count: number } {
  const imports: string[] = [];
  let imported = 0;
  const withImports = code.replace(WORKER_IMPORT, (_m, from: string, q: string, path: string) => {
    imported++;
    return `${from}${q}${path}?worker&inline${q}`;
  });
  const out = withImports.replace(WORKER_BY_URL, (_m, _q: string, path: string, options: string) => {
    const name = `__cellpostInlineWorker${imports.length}`;
    imports.push(`import ${name} from ${JSON.stringify(`${path}?worker&inline`)};`);
    return `new ${name}(${options})`;
  });
  if (imports.length === 0 && imported === 0 && /new Worker\(/.test(code) && !id.includes('node_modules')) {
    throw new Error(`${id} starts a worker in a way the one-file build cannot inline: write it as new Worker(new URL('…', import.meta.url), { … })`);
  }
  return { code: imports.length > 0 ? `${imports.join('\n')}\n${out}` : out, count: imports.length + imported };
}

/** Text that must not end or open anything inside an inline <script> or <style>. */
export function escapeInline(text: string, tag: 'script' | 'style'): string {
  return text.replace(new RegExp(`<(/${tag})`, 'gi'), '<\\$1').replace(/<!--/g, '<\\!--');
}

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

function workersInlined(): Plugin {
  return {
    name: 'cellpost-single-workers',
    enforce: 'pre',
    transform(code, id) {
      // Only the project's own source files (Vite's worker wrappers carry a ?query and start workers themselves).
      if (id.includes('node_modules') || id.includes('?') || !/\.[cm]?[jt]s$/.test(id) || !/new Worker\(|\?worker['"]/.test(code)) return null;
      const r = inlineWorkerStarts(code, id);
      return r.count > 0 ? { code: r.code, map: null } : null;
    },
  };
}

/** Puts the built script and styles into the page, adds its policy and icon, and drops every other file. */
function onePage(): Plugin {
  return {
    name: 'cellpost-single-page',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle['index.html'] as Rolldown.OutputAsset | undefined;
      if (!html) throw new Error('the one-file build found no index.html');
      const chunks = Object.values(bundle).filter((f): f is Rolldown.OutputChunk => f.type === 'chunk');
      if (chunks.length !== 1) throw new Error(`the one-file build needs one script, not ${chunks.length} (${chunks.map((c) => c.fileName).join(', ')})`);
      const styles = Object.values(bundle).filter((f): f is Rolldown.OutputAsset => f.type === 'asset' && f.fileName.endsWith('.css'));
      const others = Object.values(bundle).filter((f) => f !== html && f !== chunks[0] && !styles.includes(f as Rolldown.OutputAsset));
      if (others.length > 0) throw new Error(`the one-file build cannot inline ${others.map((f) => f.fileName).join(', ')}`);

      // Vite marks each dynamic import with a list of files to preload; with every chunk inlined
      // the marker is left unfilled, and there is nothing to preload.
      const script = escapeInline(chunks[0].code.replaceAll('__VITE_PRELOAD__', 'void 0'), 'script');
      const style = escapeInline(styles.map((s) => String(s.source)).join('\n'), 'style');
      const boot = escapeInline(readFileSync(resolve(ROOT, 'public/boot.js'), 'utf8'), 'script');
      let page = String(html.source);
      const take = (re: RegExp, what: string) => {
        if (!re.test(page)) throw new Error(`the one-file build did not find ${what} in index.html`);
        page = page.replace(re, '');
      };
      take(/\s*<script type="module"[^>]*\bsrc="[^"]+"[^>]*><\/script>/, 'the module script');
      take(/\s*<link rel="stylesheet"[^>]*>/g, 'the stylesheet');
      page = page.replace(/\s*<link rel="modulepreload"[^>]*>/g, '');
      // Functions, not strings, as replacements: the code holds `$&` and the like.
      const bootTag = /<script src="\.\/boot\.js"[^>]*><\/script>/;
      if (!bootTag.test(page)) throw new Error('the one-file build did not find boot.js in index.html');
      page = page.replace(bootTag, () => `<script>${boot}</script>`);
      const icon = `data:image/svg+xml,${encodeURIComponent(iconSvg())}`;
      page = page.replace(/<link rel="icon" href="data:," \/>/, () => `<link rel="icon" href="${icon}" />`);
      const policy = singleFileCspText({ scripts: [sha256(boot), sha256(script)], styles: [sha256(style)] });
      // The policy first in the head (it covers only what follows it); the styles next; the app's
      // script (a module: it runs after the page is parsed) at the end of the head.
      page = page.replace(/<head>/, () => `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}">`);
      page = page.replace(/<\/head>/, () => `    <style>${style}</style>\n    <script type="module">${script}</script>\n  </head>`);

      for (const name of Object.keys(bundle)) delete bundle[name];
      this.emitFile({ type: 'asset', fileName: SINGLE_FILE, source: page });
      const kb = (n: number) => `${(n / 1000).toFixed(0)} kB`;
      const bytes = Buffer.byteLength(page);
      this.info(`${SINGLE_DIR}/${SINGLE_FILE}: ${kb(bytes)} (${kb(gzipSync(page, { level: 9 }).length)} gzipped)`);
    },
  };
}

/** The Vite configuration of `vite build --mode single`. */
export function singleFileConfig(): UserConfig {
  return {
    base: './',
    // boot.js is inlined by onePage(); nothing else of public/ belongs in the one file.
    publicDir: false,
    plugins: [workersInlined(), onePage()],
    worker: { format: 'iife' },
    build: {
      target: 'es2022',
      outDir: SINGLE_DIR,
      emptyOutDir: true,
      sourcemap: false,
      // Any asset a module refers to becomes a data: URL inside the script.
      assetsInlineLimit: () => true,
      cssCodeSplit: false,
      modulePreload: false,
      rolldownOptions: { output: { codeSplitting: false } },
    },
  };
}
