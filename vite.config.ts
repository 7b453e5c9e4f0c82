// Vite builds and serves the app; the engine runs in an ES-module Web Worker. Every page it serves
// or builds carries the Content-Security-Policy of src/app/csp.ts, as a meta tag (so static hosting
// keeps it) and, in dev and preview, as a header too.
import { defineConfig, type Plugin } from 'vite';
import { cspText } from './src/app/csp.ts';

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

export default defineConfig({
  base: './',
  plugins: [contentSecurityPolicy()],
  worker: { format: 'es' },
  build: { target: 'es2022', outDir: 'dist', sourcemap: true },
  server: { port: 5173, strictPort: false, headers: { 'Content-Security-Policy': cspText({ dev: true }) } },
  preview: { port: 4173, strictPort: false, headers: { 'Content-Security-Policy': cspText() } },
});
