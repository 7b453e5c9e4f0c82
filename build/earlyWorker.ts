// The engine worker's built file named in index.html (`<meta name="cellpost-engine">`), so that
// boot.js can start the worker on a link to a lesson while the app's own scripts are still on the
// way; the app takes that worker when it starts the engine (src/app/engine/client.ts). Without the
// tag (the dev server, the one-file copy) the app starts the worker itself, as before.
import type { Plugin } from 'vite';

/** The meta tag's name, read by public/boot.js. */
export const ENGINE_META = 'cellpost-engine';

export function earlyWorker(): Plugin {
  return {
    name: 'cellpost-early-worker',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => {
        const file = Object.keys(ctx.bundle ?? {}).find((f) => /(^|\/)engine\.worker-[\w-]+\.js$/.test(f));
        if (!file) return [];
        return [{ tag: 'meta', attrs: { name: ENGINE_META, content: `./${file}` }, injectTo: 'head' }];
      },
    },
  };
}
