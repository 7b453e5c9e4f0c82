// A profile against distance (SVG bars, d3 scales and axes): the fraction of cells in a state
// per distance bin, e.g. "suppressed T cells by distance from the tumour", with each bin's cell
// count. Re-exports profileByDistance, the pure helper that computes the bins from a frame.
import { scaleLinear } from 'd3';
import { drawAxis } from './axis';
import { attrs } from './attrs';
import { createChartBase, fitText } from './chartBase';
import { el, setText } from './dom';
import { t } from '../src/i18n/i18n';
import { formatCount, formatNumber, formatPercent } from './format';
import { bandStatus, binEdges, binsPerBar, mergeBins, MIN_TRUSTED_CELLS, type DistanceBin } from './profile';

export { profileByDistance, type DistanceBin, type ProfileOptions } from './profile';

export interface DistanceChart {
  setData(bins: { distance: number; fraction: number; n: number }[]): void;
  destroy(): void;
}

const BAR = '#4e79a7';
/** Bars of bands with fewer than MIN_TRUSTED_CELLS cells: pale, hatched. */
const FEW_FILL = '#c9d6e6';
let hatchIds = 0;

export function createDistanceChart(container: HTMLElement, opts: { title: string; yLabel: string; height?: number | 'fill' }): DistanceChart {
  const base = createChartBase(container, opts.title, { top: 20, right: 14, bottom: 36, left: 56 }, opts.height);
  const { plot, root } = base;
  root.insertBefore(
    el(
      'p',
      { class: 'cpv-note' },
      t('chart.distanceNote', { min: MIN_TRUSTED_CELLS }),
    ),
    base.anchor,
  );
  const hatchId = `cpv-few-hatch-${++hatchIds}`; // i18n-exempt: an SVG pattern id
  const pattern = base.svg
    .append('defs')
    .append('pattern')
    .attr('id', hatchId)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('width', 6)
    .attr('height', 6)
    .attr('patternTransform', 'rotate(45)');
  pattern.append('rect').attr('width', 6).attr('height', 6).attr('fill', FEW_FILL);
  pattern.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 6).attr('stroke', BAR).attr('stroke-width', 1.5).attr('stroke-opacity', 0.6);
  const gridG = plot.append('g');
  const shadeG = plot.append('g');
  const barsG = plot.append('g');
  const nG = plot.append('g').attr('fill', '#555').attr('text-anchor', 'middle');
  const xAxisG = plot.append('g');
  const yAxisG = plot.append('g');
  const xLabel = plot.append('text').attr('text-anchor', 'end').attr('fill', 'currentColor').text(t('chart.distanceAxis'));
  const yLabel = plot
    .append('text')
    .attr('text-anchor', 'middle')
    .attr('fill', 'currentColor')
    .text(opts.yLabel || t('chart.fraction'));
  const emptyText = plot.append('text').attr('text-anchor', 'middle').attr('fill', '#666').text(t('chart.noCellsYet'));
  /** The bins as given; `bins` are the ones drawn (neighbours joined when bars would be too narrow for their count). */
  let given: DistanceBin[] = [];
  let bins: DistanceBin[] = [];

  /** A bar as drawn: its bin, whether it holds enough cells, and its distance range. */
  type Row = { b: DistanceBin; status: ReturnType<typeof bandStatus>; x0: number; x1: number };

  function render(): void {
    // Drawn once the chart knows its size (its first resize report draws it).
    if (!base.sized()) return;
    const w = base.innerWidth();
    const h = base.innerHeight();
    const font = base.fontPx();
    // Widest count label ("n=123") plus a little air decides how many bins share a bar.
    const widest = Math.max(3, ...given.map((b) => `n=${formatCount(b.n)}`.length));
    const k = binsPerBar(given.length, w, widest * 0.62 * font + 6);
    const givenEdges = binEdges(given);
    bins = mergeBins(given, k);
    const e = bins.map((_, i) => ({ x0: givenEdges[i * k].x0, x1: givenEdges[i === bins.length - 1 ? given.length - 1 : (i + 1) * k - 1].x1 }));
    const maxX = e.length ? e[e.length - 1].x1 : 100;
    const x = scaleLinear().domain([0, maxX]).range([0, w]);
    const y = scaleLinear().domain([0, 1]).range([h, 0]);
    // The axis name is fitted before the chart's writes (reading its font then recalculates no new styles).
    fitText(yLabel.node(), opts.yLabel || 'fraction', h);
    // Attributes written only when they change (viz/attrs.ts): a write of the same value still lays the shape out again.
    attrs(xAxisG, { transform: `translate(0,${h})` });
    drawAxis(xAxisG.node()!, 'bottom', x, x.ticks(Math.max(2, Math.floor(w / (6 * base.fontPx())))), (d) => formatNumber(d, 3));
    drawAxis(yAxisG.node()!, 'left', y, y.ticks(5), (d) => formatPercent(d));
    gridG
      .selectAll('line')
      .data(y.ticks(5))
      .join('line')
      .call(attrs, { x1: 0, x2: w, y1: (d: number) => y(d), y2: (d: number) => y(d), stroke: '#000', 'stroke-opacity': 0.07 });
    attrs(xLabel, { x: w, y: h + base.margin.bottom - 3 });
    attrs(yLabel, { transform: `translate(${-base.margin.left + base.fontPx()},${h / 2}) rotate(-90)` });

    const rows: Row[] = bins.map((b, i) => ({ b, status: bandStatus(b.n), ...e[i] }));
    const bars = barsG
      .selectAll('rect')
      .data(rows)
      .join('rect')
      .call(attrs, {
        x: (r: Row) => x(r.x0) + 1,
        width: (r: Row) => Math.max(1, x(r.x1) - x(r.x0) - 2),
        y: (r: Row) => (r.status !== 'empty' ? Math.min(h - 1, y(r.b.fraction)) : h - 1),
        height: (r: Row) => (r.status !== 'empty' ? Math.max(1, h - y(r.b.fraction)) : 1),
        fill: (r: Row) => (r.status === 'ok' ? BAR : r.status === 'few' ? FEW_FILL : '#bbb'),
        'fill-opacity': (r: Row) => (r.status === 'ok' ? 0.85 : 1),
        stroke: (r: Row) => (r.status === 'few' ? BAR : 'none'),
        'stroke-dasharray': (r: Row) => (r.status === 'few' ? '3 2' : null),
        'stroke-opacity': 0.7,
      });
    // A band with too few cells is striped over its whole height, so even a 0 % bar shows it.
    shadeG
      .selectAll('rect')
      .data(rows.filter((r) => r.status === 'few'))
      .join('rect')
      .call(attrs, { x: (r: Row) => x(r.x0) + 1, width: (r: Row) => Math.max(1, x(r.x1) - x(r.x0) - 2), y: 0, height: h, fill: `url(#${hatchId})`, opacity: 0.45 });
    bars
      .selectAll('title')
      .data((r) => [r])
      .join('title')
      .each(function (r) {
        setText(this as Element, binText(r.b, r.x0, r.x1));
      });
    // Every band says how many cells it holds, at the axis text size, just above its bar.
    attrs(nG, { 'font-size': font })
      .selectAll('text')
      .data(rows)
      .join('text')
      .call(attrs, { x: (r: Row) => (x(r.x0) + x(r.x1)) / 2, y: (r: Row) => (r.status !== 'empty' ? y(r.b.fraction) : h) - 4, fill: (r: Row) => (r.status === 'ok' ? '#333' : '#666') })
      .each(function (r) {
        setText(this as Element, r.status === 'empty' ? (x(r.x1) - x(r.x0) >= 5.5 * font ? t('chart.noCells') : '–') : `n=${formatCount(r.b.n)}`);
      });
    const total = bins.reduce((a, b) => a + b.n, 0);
    attrs(emptyText, { x: w / 2, y: h / 2, display: total === 0 ? 'inline' : 'none' });

    base.describe(
      t('chart.distanceSummary', { title: opts.title, what: opts.yLabel || t('chart.fraction'), bins: bins.length, cells: formatCount(total) }),
    );
    base.setTable(
      opts.title,
      [t('chart.distanceAxis'), opts.yLabel || t('chart.fraction'), t('chart.cells')],
      rows.map((r) => [
        `${formatNumber(r.x0, 3)}–${formatNumber(r.x1, 3)}`,
        r.status === 'empty' ? t('chart.noCells') : r.status === 'few' ? t('chart.fewCells', { share: formatPercent(r.b.fraction), min: MIN_TRUSTED_CELLS }) : formatPercent(r.b.fraction),
        formatCount(r.b.n),
      ]),
    );
  }

  function binText(b: DistanceBin, x0: number, x1: number): string {
    const range = `${formatNumber(x0, 3)}–${formatNumber(x1, 3)} µm`;
    const st = bandStatus(b.n);
    if (st === 'empty') return t('chart.binEmpty', { range });
    const cells = t('chart.binCells', { share: formatPercent(b.fraction), n: b.n, count: formatCount(b.n) });
    return st === 'few' ? t('chart.binFew', { range, cells, min: MIN_TRUSTED_CELLS }) : t('chart.bin', { range, cells });
  }

  base.onResize(render);
  render();

  return {
    setData(next) {
      given = next
        .filter((b) => Number.isFinite(b.distance))
        .map((b) => ({
          distance: b.distance,
          fraction: Number.isFinite(b.fraction) ? Math.max(0, Math.min(1, b.fraction)) : 0,
          n: Number.isFinite(b.n) ? Math.max(0, b.n) : 0,
        }))
        .sort((a, b) => a.distance - b.distance);
      render();
    },
    destroy() {
      base.destroy();
    },
  };
}
