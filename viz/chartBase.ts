// The frame every SVG chart shares: a titled box, an SVG with role="img" and an aria-label,
// margins that grow with the chart's text size, a size that follows the container (fixed height,
// or 'fill' for the box's height), and a visually-hidden table of the chart's numbers.
import { select, type Selection } from 'd3';
import { clear, el, ensureStyles, hiddenTable, setAttr, setText } from './dom';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface ChartBase {
  root: HTMLDivElement;
  svg: Selection<SVGSVGElement, unknown, null, undefined>;
  /** The plot area group, translated by the margins. */
  plot: Selection<SVGGElement, unknown, null, undefined>;
  /** The margins at the current text size (the given ones scaled by fontPx() / 12). */
  margin: Margin;
  /** Insert extra content (legend, notes) above the plot with root.insertBefore(x, anchor). */
  anchor: Element;
  /** Plot area size in px (inside the margins). */
  innerWidth(): number;
  innerHeight(): number;
  /** The chart's text size in CSS px (axis labels are drawn at this size). */
  fontPx(): number;
  /** The chart knows its size (its observer has reported once): drawing before that is wasted. */
  sized(): boolean;
  /** Sets the SVG's accessible description. */
  describe(label: string): void;
  /** Replaces the hidden table of numbers. */
  setTable(caption: string, head: string[], rows: string[][]): void;
  /** Runs `cb` when the chart's size or text size changes. */
  onResize(cb: () => void): void;
  destroy(): void;
}

/** A canvas context that measures text without laying the page out (fitText). */
let measurer: CanvasRenderingContext2D | null | undefined;

/**
 * The width of `text` in `node`'s font, in px. Measured on a canvas: an SVG text's own
 * getComputedTextLength() lays out the whole page first, a long task on a slow laptop.
 */
function textWidth(node: SVGTextElement, text: string): number {
  if (measurer === undefined) measurer = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!measurer || typeof getComputedStyle !== 'function') return node.getComputedTextLength();
  measurer.font = fontOf(node);
  return measurer.measureText(text).width;
}

/** Each text's font, read once: a new text size rebuilds the charts, so their texts are new. */
const fonts = new WeakMap<SVGTextElement, string>();
function fontOf(node: SVGTextElement): string {
  let font = fonts.get(node);
  if (font === undefined) {
    const cs = getComputedStyle(node);
    font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    if (cs.fontSize) fonts.set(node, font);
  }
  return font;
}

/** Shortens an SVG text with "…" until it is at most `max` px long (an axis name on a short axis). */
export function fitText(node: SVGTextElement | null, full: string, max: number): void {
  if (!node) return;
  if (typeof node.getComputedTextLength !== 'function') {
    setText(node, full);
    return;
  }
  const len = textWidth(node, full);
  if (!(len > max) || full.length < 4) {
    setText(node, full);
    return;
  }
  let keep = Math.max(3, Math.floor((full.length * max) / len) - 1);
  while (keep > 3 && textWidth(node, `${full.slice(0, keep)}…`) > max) keep--;
  setText(node, `${full.slice(0, keep)}…`);
}

/** Fits the first of `texts` that is at most `max` px long into `node` (none fits: empty). */
export function fitFirst(node: SVGTextElement | null, texts: string[], max: number): void {
  if (!node) return;
  const fits = typeof node.getComputedTextLength === 'function' ? texts.find((x) => textWidth(node, x) <= max) : texts[0];
  setText(node, fits ?? '');
}

const DEFAULT_WIDTH = 360;
export const CHART_HEIGHT = 200;
/** The text size (px) the given margins were chosen for. */
const DESIGN_FONT_PX = 12;
/** Smallest plot box height in 'fill' mode when the box has no height yet (hidden). */
const FILL_FALLBACK = CHART_HEIGHT;

/**
 * A chart frame in `container`. `height` is the SVG's height in px, or 'fill': the plot takes
 * the height the container leaves after the title and legend (the container must have a height).
 */
export function createChartBase(container: HTMLElement, title: string, designMargin: Margin, height: number | 'fill' = CHART_HEIGHT): ChartBase {
  ensureStyles();
  const fill = height === 'fill';
  const root = el('div', { class: fill ? 'cpv-chart cpv-fill' : 'cpv-chart' });
  root.appendChild(el('h3', {}, title));
  container.appendChild(root);
  const svgNode = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  const svg = select(svgNode).attr('role', 'img').attr('aria-label', title);
  const plot = svg.append('g');
  // A clipped box of its own: a table ignores a 1 px size, and its rows would widen the page.
  const tableBox = el('div', { class: 'cpv-hidden' });
  // In 'fill' mode the SVG is a flex item that takes the height left (see dom.ts), and its size
  // attributes follow its box; it stays a direct child of the root (export reads it there).
  root.appendChild(svgNode);
  root.appendChild(tableBox);
  const margin: Margin = { ...designMargin };
  let width = DEFAULT_WIDTH;
  let h = fill ? FILL_FALLBACK : height;
  let font = DESIGN_FONT_PX;
  let resizeCb: (() => void) | null = null;
  let tableKey = '';
  /** The header and row lengths of the table shown (a table of the same shape is updated in place). */
  let tableShape = '';

  /** Sizes the resize observer last reported (CSS px; null: not reported yet). */
  let seenWidth: number | null = null;
  let seenHeight: number | null = null;

  /** Takes the size from the observer's report when there is one, else measures (a forced layout). */
  function measure(): void {
    const w = Math.floor(seenWidth ?? (root.clientWidth || container.clientWidth));
    width = Math.max(160, w || DEFAULT_WIDTH);
    const boxH = fill ? (seenHeight ?? svgNode.getBoundingClientRect().height) : 0;
    if (boxH > 0) h = Math.max(80, Math.floor(boxH));
    // Reading a style recalculates styles, not the layout.
    const fs = typeof getComputedStyle === 'function' && root.isConnected ? parseFloat(getComputedStyle(svgNode).fontSize) : NaN;
    // Hidden charts keep the size they had; a chart never measured keeps the design size.
    if (Number.isFinite(fs) && fs > 0 && w > 0) {
      font = fs;
      // The texts' fonts for fitting (fontOf), read now, while the styles are fresh from the read
      // above: read while drawing, after the draw's own new elements, each read recalculated them.
      for (const node of svgNode.querySelectorAll('text')) fontOf(node);
    }
    const k = Math.max(1, font / DESIGN_FONT_PX);
    margin.top = Math.round(designMargin.top * k);
    margin.right = Math.round(designMargin.right * k);
    margin.bottom = Math.round(designMargin.bottom * k);
    margin.left = Math.round(designMargin.left * k);
    // Written only when they change (a height alone may change): a write of the same value lays the whole chart out again.
    // No viewBox: the drawing is in CSS px at one to one. A 'fill' chart's box changes size at
    // the page's layout (a prompt's card arriving resizes the column) a task before it is
    // measured and drawn again; with a viewBox the old drawing was scaled to the new box
    // meanwhile, every text at a new size: a relayout of every SVG text and, for each size not
    // seen before, a new font strike looked up through the browser process (16–25 ms of CPU at 4×
    // inside the frame's layout).
    setAttr(svgNode, 'width', width);
    setAttr(svgNode, 'height', h);
    setAttr(plot.node()!, 'transform', `translate(${margin.left},${margin.top})`);
  }

  // Where the page has a ResizeObserver, the chart is not measured as it is made (that would lay
  // out the page in the task that builds it): its first report, after the page's next layout,
  // gives the size, and the chart draws from then on (`sized()`). A new size is measured and
  // drawn in a task of its own, after the layout that changed it: when the page's column changes
  // height (a prompt's card arriving), every chart and the column's own observers would otherwise
  // measure and redraw in one long task.
  const canObserve = typeof ResizeObserver === 'function';
  let reported = !canObserve;
  if (!canObserve) measure();
  let resizeTimer: ReturnType<typeof setTimeout> | null = null;
  // Measuring reads the text size (a style recalculation of what the page changed since its last
  // frame) and drawing makes the axes and lines: the two go in tasks of their own, so a chart's
  // first draw after the first picture is two short tasks (one was 36–45 ms at 4×).
  const resized = () => {
    resizeTimer = null;
    const first = !reported;
    const before = `${width}x${h}@${font}`;
    measure();
    if (!first && `${width}x${h}@${font}` === before) return;
    drawTimer ??= setTimeout(() => {
      drawTimer = null;
      reported = true;
      resizeCb?.();
    }, 0);
  };
  let drawTimer: ReturnType<typeof setTimeout> | null = null;
  const observer = canObserve
    ? new ResizeObserver((entries) => {
        for (const e of entries) {
          if (e.target === root) seenWidth = e.contentRect.width;
          else if (e.target === svgNode) seenHeight = e.contentRect.height;
        }
        resizeTimer ??= setTimeout(resized, 0);
      })
    : null;
  observer?.observe(root);
  if (fill) observer?.observe(svgNode);

  return {
    root,
    svg,
    plot,
    margin,
    anchor: svgNode,
    innerWidth: () => Math.max(10, width - margin.left - margin.right),
    innerHeight: () => Math.max(10, h - margin.top - margin.bottom),
    fontPx: () => font,
    sized: () => reported,
    describe(label) {
      setAttr(svgNode, 'aria-label', label);
    },
    setTable(caption, head, rows) {
      // Written only when its text changes; a table of the same shape (the same header and row
      // lengths: a new sample's values) keeps its elements and changes only the texts that differ.
      const key = JSON.stringify([caption, head, rows]);
      if (key === tableKey) return;
      tableKey = key;
      const shape = JSON.stringify([head, rows.map((r) => r.length)]);
      const table = tableBox.firstElementChild;
      if (shape === tableShape && table) {
        const cells = [table.querySelector('caption'), ...table.querySelectorAll('tbody th, tbody td')];
        const texts = [caption, ...rows.flat()];
        cells.forEach((c, i) => {
          if (c) setText(c, texts[i]);
        });
        return;
      }
      tableShape = shape;
      clear(tableBox);
      tableBox.appendChild(hiddenTable(caption, head, rows));
    },
    onResize(cb) {
      resizeCb = cb;
    },
    destroy() {
      observer?.disconnect();
      if (resizeTimer !== null) clearTimeout(resizeTimer);
      if (drawTimer !== null) clearTimeout(drawTimer);
      resizeTimer = null;
      drawTimer = null;
      root.remove();
    },
  };
}
