// The installable, offline app: the web app manifest and a Workbox service worker (vite-plugin-pwa,
// generateSW) that precaches everything the built app can load — page, scripts, both workers, the
// Lab's on-demand chunks, styles, lesson and language files, icons, fonts — so after one visit it
// runs with no network. The page registers it itself (src/app/offline/), never by inline script.
import { VitePWA } from 'vite-plugin-pwa';
import type { PluginOption } from 'vite';
import { ICON_FILES, THEME_COLOUR } from './icons.ts';

/** The file names the page registers and links (kept in one place). */
export const SW_FILE = 'sw.js';
export const MANIFEST_FILE = 'manifest.webmanifest';

/**
 * What the service worker precaches, by file type: every kind of file the build writes except
 * source maps (the manifest is added by the plugin itself). Lessons or message catalogues that
 * move out of the main chunk (loaded on demand, as .js chunks or .json files) are caught by the
 * same patterns.
 */
export const PRECACHE_PATTERNS = ['**/*.{html,js,mjs,css,json,svg,png,ico,woff2,woff,ttf,txt}'];
/** Never precached: source maps (only for developers; several MB). */
export const PRECACHE_IGNORES = ['**/*.map'];

export function offlineApp(): PluginOption {
  return VitePWA({
    strategies: 'generateSW',
    // Registration is src/app/offline/register.ts, loaded after the first picture: no injected script.
    injectRegister: false,
    registerType: 'prompt',
    filename: SW_FILE,
    manifestFilename: MANIFEST_FILE,
    includeManifestIcons: false,
    manifest: {
      id: './',
      name: 'Cellpost: how cells talk with vesicles',
      short_name: 'Cellpost',
      description: 'An agent-based simulation of how cells talk to each other with exosomes: nine lessons to run, pause and change.',
      lang: 'en',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#f1f0eb',
      theme_color: THEME_COLOUR,
      categories: ['education', 'science'],
      icons: ICON_FILES.map((f) => ({
        src: f.fileName,
        sizes: f.size === 0 ? 'any' : `${f.size}x${f.size}`,
        type: f.size === 0 ? 'image/svg+xml' : 'image/png',
        purpose: f.kind,
      })).filter((i) => !i.src.includes('apple-touch')),
    },
    workbox: {
      globPatterns: PRECACHE_PATTERNS,
      globIgnores: PRECACHE_IGNORES,
      // The largest chunk is well under 1 MB; this only guards against a silent skip.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      // Any page address (?lesson=…&seed=…) is the one page: answer it from the precache.
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      // A new version waits until the person chooses "Reload" (the page posts SKIP_WAITING);
      // the first one takes charge of the open page at once, so it works offline without a reload.
      skipWaiting: false,
      clientsClaim: true,
      sourcemap: false,
      // Minified and quiet whatever NODE_ENV the build runs under (the browser tests build under 'test').
      mode: 'production',
      // The Workbox runtime inside sw.js, not a second file fetched by importScripts.
      inlineWorkboxRuntime: true,
    },
  });
}
