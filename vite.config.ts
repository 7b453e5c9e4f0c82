// Vite builds and serves the app; the engine runs in an ES-module Web Worker. Every page it serves
// or builds carries the Content-Security-Policy of src/app/csp.ts, as a meta tag (so static hosting
// keeps it) and, in dev and preview, as a header too. The build is installable and works offline
// (build/pwa.ts, build/icons.ts); `vite build --mode single` writes the one-file copy (build/singleFile.ts).
import { defineConfig, type Plugin } from 'vite';
import { cspText } from './src/app/csp.ts';
import { appIcons } from './build/icons.ts';
import { offlineApp } from './build/pwa.ts';
import { singleFileConfig } from './build/singleFile.ts';
import { chunkGroups } from './build/chunkGroups.ts';
import { earlyWorker } from './build/earlyWorker.ts';

/** Writes the policy into index.html as the first tag of its head (dev: with what Vite's client needs). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'cellpost-csp',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: cspText({ dev: ctx.server !== undefined }) }, injectTo: 'head-prepend' }],
    },
  };
}

/**
 * Puts boot.js after the module script, its preloads and the stylesheet Vite writes into the head.
 * Chromium requests nothing the page's head names after a classic script until that script has
 * arrived, so boot.js first cost the first load a round trip; after them it still runs before
 * the body is parsed and painted (and after the stylesheet, which the first paint waits for anyway).
 */
function bootScriptLast(): Plugin {
  const boot = /\s*<script src="\.\/boot\.js"[^>]*><\/script>/;
  return {
    name: 'cellpost-boot-script-last',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const tag = boot.exec(html);
        if (!tag) return html;
        const rest = html.replace(tag[0], '');
        const end = rest.indexOf('</head>');
        return `${rest.slice(0, end)}  ${tag[0].trim()}\n  ${rest.slice(end)}`;
      },
    },
  };
}

const chunks = chunkGroups();

export default defineConfig(({ mode }) => mode === 'single' ? singleFileConfig() : {
  base: './',
  plugins: [contentSecurityPolicy(), appIcons(), offlineApp(), chunks.plugin, earlyWorker(), bootScriptLast()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    sourcemap: true,
    // Fewer files on the first picture's path (build/chunkGroups.ts).
    rolldownOptions: { output: { codeSplitting: { groups: chunks.groups } } },
  },
  server: { port: 5173, strictPort: false, headers: { 'Content-Security-Policy': cspText({ dev: true }) } },
  preview: { port: 4173, strictPort: false, headers: { 'Content-Security-Policy': cspText() } },
});
