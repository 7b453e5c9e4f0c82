// The page's Content-Security-Policy: only the app's own files run, load and connect (no inline
// script or style, no remote origins, no plugins); pictures may come from data: and blob: URLs
// (exports, the favicon). The dev server also needs inline styles (Vite injects CSS) and its
// websocket. Used by vite.config.ts (meta tag and headers) and by the browser tests' server.

/** The policy of the built app, directive by directive. */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'worker-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'media-src': "'self' blob:",
  'manifest-src': "'self'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'object-src': "'none'",
};

/** The policy text; `dev` adds what Vite's dev server needs (inline CSS, its websocket). */
export function cspText(opts: { dev?: boolean } = {}): string {
  const d: Record<string, string> = { ...CSP_DIRECTIVES };
  if (opts.dev) {
    d['style-src'] += " 'unsafe-inline'";
    d['connect-src'] += ' ws: wss:';
  }
  return Object.entries(d)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
}
