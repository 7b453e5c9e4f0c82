// Vite builds and serves the app; the engine runs in an ES-module Web Worker. Every page it serves
// or builds carries the Content-Security-Policy of src/app/csp.ts, as a meta tag (so static hosting
// keeps it) and, in dev and preview, as a header too. The build is installable and works offline
// (build/pwa.ts, build/icons.ts); `vite build --mode single` writes the one-file copy (build/singleFile.ts).
import { defineConfig, type Plugin } from 'vite';
import { cspText } from './src/app/csp.ts';
import { appIcons } from './build/icons.ts';
import { offlineApp } from './build/pwa.ts';
import { singleFileConfig } from './build/singleFile.ts';

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

export default defineConfig(({ mode }) => mode === 'single' ? singleFileConfig() : {
  base: './',
  plugins: [contentSecurityPolicy(), appIcons(), offlineApp()],
  worker: { format: 'es' },
  build: { target: 'es2022', outDir: 'dist', sourcemap: true },
  server: { port: 5173, strictPort: false, headers: { 'Content-Security-Policy': cspText({ dev: true }) } },
  preview: { port: 4173, strictPort: false, headers: { 'Content-Security-Policy': cspText() } },
});
