// The page's Content-Security-Policy: only the app's own files run, load and connect (no inline
// script or style, no remote origins, no plugins); pictures may come from data: and blob: URLs
// (exports, the favicon). The dev server also needs inline styles (Vite injects CSS) and its
// websocket. Used by vite.config.ts (meta tag and headers) and by the browser tests' server.
// The one-file copy opened from disk (build/singleFile.ts) has a policy of its own: its script
// and style are inline, so they are allowed by their SHA-256 hashes alone, and its workers are blob: URLs.

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
    // i18n-exempt: policy source keywords, not words for people
    d['style-src'] += " 'unsafe-inline'";
    d['connect-src'] += ' ws: wss:'; // i18n-exempt: policy source keywords
  }
  return Object.entries(d)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
}

/** What the one-file copy (dist-single/cellpost.html) holds inline, as CSP hash sources ('sha256-…'). */
export interface InlineHashes {
  scripts: readonly string[];
  styles: readonly string[];
}

/**
 * The policy of the one-file copy: nothing from any origin (there is none on file://), only its
 * own inline script and style by hash (never 'unsafe-inline'), workers from the blob: URLs it
 * makes of its inlined worker code, pictures from data: and blob: URLs.
 */
export function singleFileCspText(hashes: InlineHashes): string {
  const list = (h: readonly string[]) => (h.length > 0 ? h.map((x) => `'${x}'`).join(' ') : "'none'");
  const d: Record<string, string> = {
    ...CSP_DIRECTIVES,
    'script-src': list(hashes.scripts),
    'worker-src': 'blob:',
    'style-src': list(hashes.styles),
    'img-src': 'data: blob:',
    'font-src': 'data:',
    'connect-src': 'data: blob:',
    'media-src': 'data: blob:',
    'manifest-src': "'none'",
  };
  return Object.entries(d)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
}
