// A run file dropped anywhere on the page. The drop handling is set up by the page's first script
// (three listeners, no chunk to load), not with the run-file panel, which loads after the first
// picture (src/app/latePanels.ts): until then a dropped file was opened by the browser itself, in
// place of the page. A file dropped before the panel is there is kept and handed to it once it is.
import { h } from '../ui/dom';
import { t } from '../../i18n/i18n';

export interface DropTarget {
  /** From now on dropped files go to `open` (a file dropped before this goes at once); `many` hears of a drop of several. */
  deliverTo(open: (file: File) => void, many: (count: number, name: string) => void): void;
}

/** Listens for files dragged over and dropped on the page while `allowed()` (a link may hide run files). */
export function listenForDrops(allowed: () => boolean): DropTarget {
  let open: ((file: File) => void) | null = null;
  let many: ((count: number, name: string) => void) | null = null;
  /** A drop that came before anyone could open it: its first file and how many it held. */
  let waiting: { file: File; count: number } | null = null;
  // The hint is made on the first drag (its words are the page's language, known by then).
  let hint: HTMLElement | null = null;
  const showHint = (on: boolean) => {
    if (on && !hint) {
      hint = h('div', { class: 'drop-hint', 'aria-hidden': 'true' }, h('p', {}, t('replay.dropHint')));
      document.body.append(hint);
    }
    if (hint) hint.hidden = !on;
  };
  const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
  const hand = (file: File, count: number) => {
    if (!open) {
      waiting = { file, count };
      return;
    }
    if (count > 1) many?.(count, file.name);
    open(file);
  };
  document.addEventListener('dragover', (e) => {
    if (!hasFiles(e) || !allowed()) return;
    // Without this the drop is the browser's: it would open the file instead of the page.
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    showHint(true);
  });
  document.addEventListener('dragleave', (e) => {
    if (e.relatedTarget === null) showHint(false);
  });
  document.addEventListener('drop', (e) => {
    if (!hasFiles(e) || !allowed()) return;
    e.preventDefault();
    showHint(false);
    const files = e.dataTransfer?.files;
    if (!files || files.length === 0) return;
    hand(files[0], files.length);
  });
  return {
    deliverTo(fn, warn) {
      open = fn;
      many = warn;
      const w = waiting;
      waiting = null;
      if (w) hand(w.file, w.count);
    },
  };
}
