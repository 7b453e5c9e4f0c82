// The keyboard on the tissue: with the tissue focused, the arrow keys move a focus ring from cell
// to cell (the nearest one that way), Enter inspects the ringed cell and Escape clears the ring.
// Each move is said in a polite live region: the cell's type, number and state.
import type { Frame } from '../../../sim/index';
import type { Session } from '../session';
import { arrowDirection, nearestTo, nextInDirection } from './cellNav';
import { h } from './dom';
import { stateWord, t } from '../../i18n/i18n';

export interface CellFocusView {
  canvas: HTMLCanvasElement;
  /** The tissue shown (its index). */
  readonly tissue: number;
  toScreen(x: number, y: number): [number, number];
  /** `fn` runs after every picture the view draws (a pan or zoom moves the ringed cell). */
  onRender?(fn: () => void): void;
}

export interface CellFocus {
  /** The ringed cell's id, or null. */
  readonly focused: number | null;
  clear(): void;
}

/** The cells of the shown tissue in a frame: frame indices and their screen positions. */
function shownCells(f: Frame, view: CellFocusView): { index: number[]; xs: number[]; ys: number[] } {
  const index: number[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < f.cells.count; i++) {
    if (f.cells.tissue[i] !== view.tissue) continue;
    const [x, y] = view.toScreen(f.cells.x[i], f.cells.y[i]);
    index.push(i);
    xs.push(x);
    ys.push(y);
  }
  return { index, xs, ys };
}

export function mountCellFocus(box: HTMLElement, view: CellFocusView, session: Session, inspect: (id: number) => void, statusId = 'cell-focus-status'): CellFocus {
  const ring = h('div', { class: 'cell-focus', 'aria-hidden': 'true' });
  ring.hidden = true;
  const said = h('div', { id: statusId, class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  box.append(ring);
  box.after(said);
  let focused: number | null = null;

  const indexOf = (f: Frame, id: number): number => {
    for (let i = 0; i < f.cells.count; i++) if (f.cells.id[i] === id && f.cells.tissue[i] === view.tissue) return i;
    return -1;
  };

  const place = () => {
    const f = session.frame;
    const i = f && focused !== null ? indexOf(f, focused) : -1;
    if (!f || i < 0 || document.activeElement !== view.canvas) {
      // Written only when it changes: setting it again still makes the page recompute styles.
      if (!ring.hidden) ring.hidden = true;
      return;
    }
    const [x, y] = view.toScreen(f.cells.x[i], f.cells.y[i]);
    const [x1] = view.toScreen(f.cells.x[i] + f.cells.radius[i], f.cells.y[i]);
    const r = Math.max(6, Math.abs(x1 - x)) + 5;
    const left = view.canvas.offsetLeft + view.canvas.clientLeft;
    const top = view.canvas.offsetTop + view.canvas.clientTop;
    ring.style.left = `${left + x - r}px`;
    ring.style.top = `${top + y - r}px`;
    ring.style.width = ring.style.height = `${2 * r}px`;
    ring.hidden = false;
  };

  const describeCell = (f: Frame, i: number): string => {
    const s = session.scenario;
    const typeId = Object.keys(s.cellTypes)[f.cells.type[i]];
    const ct = typeId !== undefined ? s.cellTypes[typeId] : undefined;
    const states = ct?.states ?? [];
    const name = ct?.name ?? t('cell.cell');
    const id = String(f.cells.id[i]);
    if (states.length <= 1) return t('cell.focused', { name, id });
    const st = states[f.cells.state[i]];
    return t('cell.focusedState', { name, id, state: st !== undefined ? stateWord(st) : t('cell.unknownState') });
  };

  const clear = () => {
    focused = null;
    ring.hidden = true;
    said.textContent = '';
  };

  view.canvas.addEventListener('keydown', (e) => {
    if (e.target !== view.canvas || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    const f = session.frame;
    const dir = arrowDirection(e.key);
    if (dir && f) {
      e.preventDefault();
      const cells = shownCells(f, view);
      if (cells.index.length === 0) {
        said.textContent = t('cell.noCells');
        return;
      }
      const at = focused === null ? -1 : cells.index.indexOf(indexOf(f, focused));
      let k: number;
      if (at < 0) {
        // The first press rings the cell nearest the middle of the view.
        const w = view.canvas.clientWidth;
        const hgt = view.canvas.clientHeight;
        k = nearestTo(cells.xs, cells.ys, w / 2, hgt / 2);
      } else k = nextInDirection(cells.xs, cells.ys, at, dir);
      if (k < 0) {
        said.textContent = t('cell.noFurther', { dir });
        return;
      }
      const i = cells.index[k];
      focused = f.cells.id[i];
      said.textContent = describeCell(f, i);
      place();
    } else if (e.key === 'Enter' && focused !== null) {
      e.preventDefault();
      inspect(focused);
    } else if (e.key === 'Escape' && focused !== null) {
      e.preventDefault();
      clear();
    }
  });
  view.canvas.addEventListener('focus', place);
  view.canvas.addEventListener('blur', place);
  session.on('draw', (f) => {
    if (focused !== null && indexOf(f, focused) < 0) {
      clear();
      said.textContent = t('cell.gone');
    }
    place();
  });
  session.on('load', clear);
  // A pan or zoom (also while paused, when no frame comes) moves the cell under the ring.
  view.onRender?.(place);

  return {
    get focused() {
      return focused;
    },
    clear,
  };
}
