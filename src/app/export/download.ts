// Saving a file from the page: a Blob handed to the browser's download through a temporary
// object URL and an <a download> link (no server round trip, works offline).
import { num } from '../../i18n/i18n';

/** Starts the download of `blob` as `name`. */
export function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A text file as a Blob (UTF-8). */
export function textBlob(text: string, type = 'text/plain'): Blob {
  return new Blob([text], { type: `${type};charset=utf-8` });
}

/** A human size: 512 B, 3.4 kB, 12.1 MB. */
export function formatBytes(n: number): string {
  const one = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
  if (n < 1000) return `${num(n)} B`;
  if (n < 1e6) return `${num(n / 1e3, one)} kB`;
  return `${num(n / 1e6, one)} MB`;
}
