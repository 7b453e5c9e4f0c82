// Vite builds and serves the app; the engine runs in an ES-module Web Worker.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', outDir: 'dist', sourcemap: true },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
});
