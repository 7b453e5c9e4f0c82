// A profile against distance (SVG bars, d3 scales and axes): the fraction of cells in a state
// per distance bin, e.g. "suppressed T cells by distance from the tumour", with each bin's cell
// count. Re-exports profileByDistance, the pure helper that computes the bins from a frame.
import { axisBottom, axisLeft, scaleLinear } from 'd3';
import { createChartBase, fitText } from './chartBase';
import { el } from './dom';
import { formatCount, formatNumber, formatPercent } from './format';
import type { DistanceBin } from './profile';

export { profileByDistance, type DistanceBin, type ProfileOptions } from './profile';

export interface DistanceChart {
  setData(bins: { distance: number; fraction: number; n: number }[]): void;
  destroy(): void;
}

const BAR = '#4e79a7';

export function createDistanceChart(container: HTMLElement, opts: { title: string; yLabel: string; height?: number | 'fill' }): DistanceChart {
  const base = createChartBase(container, opts.title, { top: 14, right: 14, bottom: 36, left: 56 }, opts.height);
  const { plot, root } = base;
  root.insertBefore(el('p', { class: 'cpv-note' }, 'Number above each bar: cells in that distance band (– none).'), base.anchor);
  const gridG = plot.append('g');
  const barsG = plot.append('g');
  const nG = plot.append('g').attr('fill', '#555').attr('text-anchor', 'middle');
  const xAxisG = plot.append('g');
  const yAxisG = plot.append('g');
  const xLabel = plot.append('text').attr('text-anchor', 'end').attr('fill', 'currentColor').text('distance (µm)');
  const yLabel = plot
    .append('text')
    .attr('text-anchor', 'middle')
    .attr('fill', 'currentColor')
    .text(opts.yLabel || 'fraction');
  const emptyText = plot.append('text').attr('text-anchor', 'middle').attr('fill', '#666').text('no cells to profile yet');
  let bins: DistanceBin[] = [];

  /** Bin edges from the centres (bins are contiguous and of equal width except perhaps the last). */
  function edges(): { x0: number; x1: number }[] {
    return bins.map((b, i) => {
      const prev = i > 0 ? bins[i - 1].distance : NaN;
      const next = i + 1 < bins.length ? bins[i + 1].distance : NaN;
      const half = Number.isFinite(next) ? (next - b.distance) / 2 : Number.isFinite(prev) ? (b.distance - prev) / 2 : Math.max(1, b.distance);
      const x0 = i > 0 ? (prev + b.distance) / 2 : Math.max(0, b.distance - half);
      const x1 = Number.isFinite(next) ? (b.distance + next) / 2 : b.distance + half;
      return { x0, x1 };
    });
  }

  function render(): void {
    const w = base.innerWidth();
    const h = base.innerHeight();
    const e = edges();
    const maxX = e.length ? e[e.length - 1].x1 : 100;
    const x = scaleLinear().domain([0, maxX]).range([0, w]);
    const y = scaleLinear().domain([0, 1]).range([h, 0]);
    xAxisG.attr('transform', `translate(0,${h})`).call(axisBottom(x).ticks(Math.max(2, Math.floor(w / (6 * base.fontPx())))).tickFormat((d) => formatNumber(Number(d), 3)));
    yAxisG.call(axisLeft(y).ticks(5).tickFormat((d) => formatPercent(Number(d))));
    gridG
      .selectAll('line')
      .data(y.ticks(5))
      .join('line')
      .attr('x1', 0)
      .attr('x2', w)
      .attr('y1', (d) => y(d))
      .attr('y2', (d) => y(d))
      .attr('stroke', '#000')
      .attr('stroke-opacity', 0.07);
    xLabel.attr('x', w).attr('y', h + base.margin.bottom - 3);
    yLabel.attr('transform', `translate(${-base.margin.left + base.fontPx()},${h / 2}) rotate(-90)`);
    fitText(yLabel.node(), opts.yLabel || 'fraction', h);

    const rows = bins.map((b, i) => ({ b, ...e[i] }));
    const bars = barsG
      .selectAll('rect')
      .data(rows)
      .join('rect')
      .attr('x', (r) => x(r.x0) + 1)
      .attr('width', (r) => Math.max(1, x(r.x1) - x(r.x0) - 2))
      .attr('y', (r) => (r.b.n > 0 ? y(r.b.fraction) : h - 1))
      .attr('height', (r) => (r.b.n > 0 ? h - y(r.b.fraction) : 1))
      .attr('fill', (r) => (r.b.n > 0 ? BAR : '#bbb'))
      .attr('fill-opacity', (r) => (r.b.n > 0 ? 0.85 : 1));
    bars.selectAll('title').data((r) => [r]).join('title').text((r) => binText(r.b, r.x0, r.x1));
    const roomy = rows.length > 0 && x(rows[0].x1) - x(rows[0].x0) >= 2.2 * base.fontPx();
    nG.selectAll('text')
      .data(roomy ? rows : [])
      .join('text')
      .attr('x', (r) => (x(r.x0) + x(r.x1)) / 2)
      .attr('y', (r) => (r.b.n > 0 ? y(r.b.fraction) : h) - 3)
      .text((r) => (r.b.n > 0 ? formatCount(r.b.n) : '–'));
    const total = bins.reduce((a, b) => a + b.n, 0);
    emptyText.attr('x', w / 2).attr('y', h / 2).attr('display', total === 0 ? 'inline' : 'none');

    base.describe(
      `${opts.title}: bar chart of ${opts.yLabel || 'fraction'} against distance in µm, ${bins.length} bins of ${formatCount(total)} cells; the numbers are in the table below.`,
    );
    base.setTable(
      opts.title,
      ['distance (µm)', opts.yLabel || 'fraction', 'cells'],
      rows.map((r) => [`${formatNumber(r.x0, 3)}–${formatNumber(r.x1, 3)}`, r.b.n > 0 ? formatPercent(r.b.fraction) : '–', formatCount(r.b.n)]),
    );
  }

  function binText(b: DistanceBin, x0: number, x1: number): string {
    const range = `${formatNumber(x0, 3)}–${formatNumber(x1, 3)} µm`;
    return b.n > 0 ? `${range}: ${formatPercent(b.fraction)} of ${formatCount(b.n)} cells` : `${range}: no cells`;
  }

  base.onResize(render);
  render();

  return {
    setData(next) {
      bins = next
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
