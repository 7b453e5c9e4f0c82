// The frame every SVG chart shares: a titled box, an SVG with role="img" and an aria-label,
// margins, width that follows the container (ResizeObserver), and a visually-hidden table of
// the chart's numbers for screen readers. timeChart and distanceChart build on it.
import { select, type Selection } from 'd3';
import { clear, el, ensureStyles, hiddenTable } from './dom';

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
  margin: Margin;
  /** Plot area size in px (inside the margins). */
  innerWidth(): number;
  innerHeight(): number;
  /** Sets the SVG's accessible description. */
  describe(label: string): void;
  /** Replaces the hidden table of numbers. */
  setTable(caption: string, head: string[], rows: string[][]): void;
  /** Runs `cb` when the container's width changes. Insert extra content with root.insertBefore(x, svg.node()). */
  onResize(cb: () => void): void;
  destroy(): void;
}

const DEFAULT_WIDTH = 360;
export const CHART_HEIGHT = 200;

export function createChartBase(container: HTMLElement, title: string, margin: Margin, height = CHART_HEIGHT): ChartBase {
  ensureStyles();
  const root = el('div', { class: 'cpv-chart' });
  root.appendChild(el('h3', {}, title));
  container.appendChild(root);
  const svgNode = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  const svg = select(svgNode).attr('role', 'img').attr('aria-label', title);
  const plot = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  const tableBox = el('div');
  root.appendChild(svgNode);
  root.appendChild(tableBox);
  let width = DEFAULT_WIDTH;
  let resizeCb: (() => void) | null = null;
  let tableKey = '';

  function measure(): void {
    const w = Math.floor(root.clientWidth || container.clientWidth || DEFAULT_WIDTH);
    width = Math.max(160, w);
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
  }
  measure();

  const observer =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver(() => {
          const before = width;
          measure();
          if (width !== before && resizeCb) resizeCb();
        })
      : null;
  observer?.observe(root);

  return {
    root,
    svg,
    plot,
    margin,
    innerWidth: () => Math.max(10, width - margin.left - margin.right),
    innerHeight: () => Math.max(10, height - margin.top - margin.bottom),
    describe(label) {
      svg.attr('aria-label', label);
    },
    setTable(caption, head, rows) {
      // Rebuilt only when its text changes: a rebuild costs a layout of the page.
      const key = JSON.stringify([caption, head, rows]);
      if (key === tableKey) return;
      tableKey = key;
      clear(tableBox);
      tableBox.appendChild(hiddenTable(caption, head, rows));
    },
    onResize(cb) {
      resizeCb = cb;
    },
    destroy() {
      observer?.disconnect();
      root.remove();
    },
  };
}
