// The sweep's two charts (d3, SVG): a metric's final value against the first parameter — every
// run as a faint dot, the mean as a line with markers, a shaded 95 % interval band, one line per
// value of a second parameter — and, for two parameters, a heat map of the mean (viridis) with a legend.
import { axisBottom, axisLeft, area, interpolateViridis, line, scaleBand, scaleLinear, scaleSequential, symbol, symbolsFill, type SymbolType } from 'd3';
import { createChartBase } from '../../../viz/chartBase';
import { linearDomain } from '../../../viz/chartScales';
import { el, svgEl } from '../../../viz/dom';
import { formatNumber, formatWithUnit } from '../../../viz/format';
import type { Interval } from '../../lab';
import { t } from './messages';

/** Okabe & Ito's colour-blind-safe palette (yellow last: weak on white). */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56B4E9', '#E69F00', '#000000', '#F0E442'];

export interface LineSeries {
  label: string;
  /** Interval of the mean at each x (same order as `xs`). */
  cells: Interval[];
  /** Every run's value at each x (x index, value). */
  points: { i: number; value: number }[];
}

export interface LineChartData {
  title: string;
  xLabel: string;
  yLabel: string;
  unit: string;
  xs: number[];
  series: LineSeries[];
  /** The legend's heading for several series (the second parameter). */
  seriesTitle?: string;
}

export interface HeatMapData {
  title: string;
  xLabel: string;
  yLabel: string;
  metric: string;
  unit: string;
  xs: number[];
  ys: number[];
  /** [i][j]: x value i, y value j. */
  cells: Interval[][];
}

const symbolOf = (k: number): SymbolType => symbolsFill[k % symbolsFill.length];
const fmt = (x: number) => formatNumber(x, 4);

/**
 * An axis label cut to fit `px` pixels at 12 px type, keeping a trailing "(unit)" whole (the full
 * text is in the chart's title, tooltips and hidden table).
 */
export function fitLabel(text: string, px: number): string {
  const max = Math.max(12, Math.floor(px / 6.6));
  if (text.length <= max) return text;
  const unit = / \([^()]*\)$/.exec(text)?.[0] ?? '';
  const keep = Math.max(4, max - unit.length - 1);
  return `${text.slice(0, text.length - unit.length).slice(0, keep).trimEnd()}…${unit}`;
}

/** Domain of a numeric axis over the values, padded so end points are not on the frame. */
function xDomain(xs: number[]): [number, number] {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const pad = hi > lo ? (hi - lo) * 0.05 : Math.abs(lo) * 0.1 || 1;
  return [lo - pad, hi + pad];
}

/** The line-and-band chart into `container` (replacing nothing: the caller clears). */
export function drawLineChart(container: HTMLElement, d: LineChartData): () => void {
  const margin = { top: 12, right: 16, bottom: 46, left: 72 };
  const base = createChartBase(container, d.title, margin, 300);
  base.root.classList.add('cp-sweep-line');
  const { plot, root } = base;
  const multi = d.series.length > 1;
  if (multi) {
    const keys = el('ul', { class: 'cpv-keys', 'aria-label': d.seriesTitle ?? t('labtools.chart.series') });
    if (d.seriesTitle) keys.appendChild(el('li', { class: 'cp-sweep-keys-title' }, `${d.seriesTitle}:`));
    d.series.forEach((s, k) => {
      const li = el('li');
      const sw = svgEl('svg', { width: 26, height: 12, 'aria-hidden': 'true' });
      sw.appendChild(svgEl('line', { x1: 1, x2: 25, y1: 6, y2: 6, stroke: SERIES_COLOURS[k % SERIES_COLOURS.length], 'stroke-width': 2 }));
      sw.appendChild(svgEl('path', { d: symbol(symbolOf(k), 40)() ?? '', transform: 'translate(13,6)', fill: SERIES_COLOURS[k % SERIES_COLOURS.length], stroke: '#fff', 'stroke-width': 0.8 }));
      li.appendChild(sw);
      li.appendChild(document.createTextNode(s.label));
      keys.appendChild(li);
    });
    root.insertBefore(keys, base.svg.node());
  }

  const draw = () => {
    plot.selectAll('*').remove();
    const w = base.innerWidth();
    const hgt = base.innerHeight();
    const x = scaleLinear().domain(xDomain(d.xs)).range([0, w]);
    const all: number[] = [];
    for (const s of d.series) {
      for (const c of s.cells) if (c.n > 0) all.push(c.mean, ...(Number.isFinite(c.half) ? [c.lo, c.hi] : []));
      for (const p of s.points) all.push(p.value);
    }
    const y = scaleLinear().domain(linearDomain(all)).nice().range([hgt, 0]);
    // A few pixels apart per series, so replicates of neighbouring series do not hide each other.
    const offset = (k: number) => (multi ? (k - (d.series.length - 1) / 2) * 4 : 0);
    plot.append('g').attr('class', 'cp-grid').attr('transform', `translate(0,${hgt})`).call(axisBottom(x).ticks(Math.max(2, Math.floor(w / 80))).tickFormat((v) => fmt(Number(v))));
    plot.append('g').call(axisLeft(y).ticks(6).tickFormat((v) => fmt(Number(v))));
    plot.append('text').attr('x', w / 2).attr('y', hgt + 38).attr('text-anchor', 'middle').attr('class', 'cp-axis-label').text(fitLabel(d.xLabel, w));
    plot.append('text').attr('transform', `translate(${-58},${hgt / 2}) rotate(-90)`).attr('text-anchor', 'middle').attr('class', 'cp-axis-label').text(fitLabel(d.yLabel, hgt + 20));
    d.series.forEach((s, k) => {
      const colour = SERIES_COLOURS[k % SERIES_COLOURS.length];
      const g = plot.append('g').attr('class', 'cp-series').attr('data-series', k);
      const rows = d.xs.map((xv, i) => ({ x: x(xv) + offset(k), c: s.cells[i] })).filter((r) => r.c && r.c.n > 0);
      const band = area<(typeof rows)[number]>()
        .defined((r) => Number.isFinite(r.c.half))
        .x((r) => r.x)
        .y0((r) => y(r.c.lo))
        .y1((r) => y(r.c.hi));
      g.append('path').attr('class', 'cp-band').attr('d', band(rows) ?? '').attr('fill', colour).attr('fill-opacity', 0.18).attr('stroke', colour).attr('stroke-opacity', 0.35).attr('stroke-dasharray', '3 2');
      // With one x value the band has no width (an area needs two points): error bars instead.
      if (d.xs.length === 1)
        for (const r of rows)
          if (Number.isFinite(r.c.half))
            g.append('path')
              .attr('class', 'cp-errbar')
              .attr('d', `M${r.x - 4},${y(r.c.lo)}H${r.x + 4}M${r.x},${y(r.c.lo)}V${y(r.c.hi)}M${r.x - 4},${y(r.c.hi)}H${r.x + 4}`)
              .attr('stroke', colour)
              .attr('stroke-width', 1);
      g.selectAll('circle.cp-run')
        .data(s.points)
        .join('circle')
        .attr('class', 'cp-run')
        .attr('cx', (p) => x(d.xs[p.i]) + offset(k))
        .attr('cy', (p) => y(p.value))
        .attr('r', 2.4)
        .attr('fill', colour)
        .attr('fill-opacity', 0.35);
      const mean = line<(typeof rows)[number]>()
        .x((r) => r.x)
        .y((r) => y(r.c.mean));
      g.append('path').attr('class', 'cp-mean').attr('d', mean(rows) ?? '').attr('fill', 'none').attr('stroke', colour).attr('stroke-width', 2);
      g.selectAll('path.cp-marker')
        .data(rows)
        .join('path')
        .attr('class', 'cp-marker')
        .attr('d', symbol(symbolOf(k), 48)() ?? '')
        .attr('transform', (r) => `translate(${r.x},${y(r.c.mean)})`)
        .attr('fill', colour)
        .attr('stroke', '#fff')
        .attr('stroke-width', 0.8)
        .append('title')
        .text((r, i) =>
          t('labtools.chart.point', {
            at: `${d.xLabel} = ${fmt(d.xs[i])}${multi ? `, ${s.label}` : ''}`,
            mean: formatWithUnit(r.c.mean, d.unit, 4),
            interval: Number.isFinite(r.c.half) ? t('labtools.chart.interval', { lo: fmt(r.c.lo), hi: fmt(r.c.hi) }) : '',
            n: r.c.n,
          }),
        );
    });
  };
  draw();
  base.onResize(draw);
  const rows: string[][] = [];
  d.series.forEach((s) => d.xs.forEach((xv, i) => rows.push([`${fmt(xv)}${multi ? `, ${s.label}` : ''}`, String(s.cells[i].n), fmt(s.cells[i].mean), fmt(s.cells[i].lo), fmt(s.cells[i].hi)])));
  base.setTable(d.title, [d.xLabel, t('labtools.chart.runs'), t('labtools.chart.meanUnit', { unit: d.unit }), t('labtools.chart.intervalFrom'), t('labtools.chart.intervalTo')], rows);
  base.describe(t('labtools.chart.lineDescription', { title: d.title, y: d.yLabel, x: d.xLabel }));
  return () => base.destroy();
}

/** The heat map of the mean for two parameters, with a colour legend in the metric's unit. */
export function drawHeatMap(container: HTMLElement, d: HeatMapData): () => void {
  const legendW = 70;
  const margin = { top: 12, right: 16 + legendW, bottom: 46, left: 72 };
  const height = Math.max(300, Math.min(480, 60 + d.ys.length * 24 + margin.bottom));
  const base = createChartBase(container, d.title, margin, height);
  base.root.classList.add('cp-sweep-heat');
  const { plot, svg } = base;
  // i18n-exempt: an element id
  const gradId = `cp-heat-grad-${Math.floor(performance.now() * 1000) % 1e9}`;
  const draw = () => {
    plot.selectAll('*').remove();
    svg.selectAll('defs').remove();
    const w = base.innerWidth();
    const hgt = base.innerHeight();
    const xb = scaleBand<number>().domain(d.xs.map((_, i) => i)).range([0, w]).paddingInner(0.04);
    const yb = scaleBand<number>().domain(d.ys.map((_, j) => j)).range([hgt, 0]).paddingInner(0.04);
    const means = d.cells.flat().filter((c) => c.n > 0).map((c) => c.mean);
    let lo = means.length ? Math.min(...means) : 0;
    let hi = means.length ? Math.max(...means) : 1;
    if (hi === lo) [lo, hi] = [lo - 0.5, hi + 0.5];
    const colour = scaleSequential(interpolateViridis).domain([lo, hi]);
    const defs = svg.insert('defs', ':first-child');
    const grad = defs.append('linearGradient').attr('id', gradId).attr('x1', 0).attr('x2', 0).attr('y1', 1).attr('y2', 0);
    for (let k = 0; k <= 10; k++) grad.append('stop').attr('offset', `${k * 10}%`).attr('stop-color', interpolateViridis(k / 10));
    const pattern = defs.append('pattern').attr('id', `${gradId}-none`).attr('width', 6).attr('height', 6).attr('patternUnits', 'userSpaceOnUse').attr('patternTransform', 'rotate(45)');
    pattern.append('rect').attr('width', 6).attr('height', 6).attr('fill', '#f1f1f1');
    pattern.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 6).attr('stroke', '#bbb').attr('stroke-width', 2);

    const showText = xb.bandwidth() > 34 && yb.bandwidth() > 15;
    d.xs.forEach((xv, i) =>
      d.ys.forEach((yv, j) => {
        const c = d.cells[i][j];
        const g = plot.append('g').attr('class', 'cp-heat-cell').attr('transform', `translate(${xb(i)},${yb(j)})`);
        g.append('rect')
          .attr('width', xb.bandwidth())
          .attr('height', yb.bandwidth())
          .attr('fill', c.n > 0 ? colour(c.mean) : `url(#${gradId}-none)`);
        const at = `${d.xLabel} = ${fmt(xv)}, ${d.yLabel} = ${fmt(yv)}`;
        g.append('title').text(c.n > 0 ? t('labtools.chart.cell', { at, mean: formatWithUnit(c.mean, d.unit, 4), n: c.n }) : t('labtools.chart.cellNotRun', { at }));
        if (showText && c.n > 0) {
          const frac = (c.mean - lo) / (hi - lo);
          g.append('text')
            .attr('x', xb.bandwidth() / 2)
            .attr('y', yb.bandwidth() / 2)
            .attr('dy', '0.35em')
            .attr('text-anchor', 'middle')
            .attr('class', 'cp-heat-text')
            .attr('fill', frac < 0.55 ? '#fff' : '#111')
            .text(fmt(c.mean));
        }
      }),
    );
    const xTicks = d.xs.length <= Math.floor(w / 44) ? d.xs.map((_, i) => i) : d.xs.map((_, i) => i).filter((i) => i % Math.ceil(d.xs.length / Math.floor(w / 44)) === 0);
    plot.append('g').attr('transform', `translate(0,${hgt})`).call(axisBottom(xb).tickValues(xTicks).tickFormat((i) => fmt(d.xs[i])));
    const yTicks = d.ys.length <= Math.floor(hgt / 16) ? d.ys.map((_, j) => j) : d.ys.map((_, j) => j).filter((j) => j % Math.ceil(d.ys.length / Math.floor(hgt / 16)) === 0);
    plot.append('g').call(axisLeft(yb).tickValues(yTicks).tickFormat((j) => fmt(d.ys[j])));
    plot.append('text').attr('x', w / 2).attr('y', hgt + 38).attr('text-anchor', 'middle').attr('class', 'cp-axis-label').text(fitLabel(d.xLabel, w));
    plot.append('text').attr('transform', `translate(${-58},${hgt / 2}) rotate(-90)`).attr('text-anchor', 'middle').attr('class', 'cp-axis-label').text(fitLabel(d.yLabel, hgt + 20));
    // Legend: the colour bar with the metric's scale and unit.
    const lg = plot.append('g').attr('class', 'cp-heat-legend').attr('transform', `translate(${w + 14},0)`);
    const barH = Math.min(hgt, 200);
    lg.append('rect').attr('width', 12).attr('height', barH).attr('fill', `url(#${gradId})`).attr('stroke', '#888');
    const ly = scaleLinear().domain([lo, hi]).range([barH, 0]);
    lg.append('g').attr('transform', 'translate(12,0)').call(
      axisLeft(ly)
        .ticks(5)
        .tickSize(-4)
        .tickFormat((v) => fmt(Number(v))),
    );
    lg.selectAll('.tick text').attr('x', 8).attr('text-anchor', 'start');
    lg.append('text').attr('x', 0).attr('y', barH + 16).attr('class', 'cp-axis-label').text(d.unit || t('labtools.chart.value'));
    if (means.length < d.xs.length * d.ys.length) {
      lg.append('rect').attr('y', barH + 26).attr('width', 12).attr('height', 12).attr('fill', `url(#${gradId}-none)`).attr('stroke', '#888');
      lg.append('text').attr('x', 16).attr('y', barH + 36).attr('class', 'cp-axis-label').text(t('labtools.chart.notRun'));
    }
  };
  draw();
  base.onResize(draw);
  const rows: string[][] = [];
  d.xs.forEach((xv, i) => d.ys.forEach((yv, j) => rows.push([`${fmt(xv)}; ${fmt(yv)}`, String(d.cells[i][j].n), fmt(d.cells[i][j].mean)])));
  base.setTable(d.title, [`${d.xLabel}; ${d.yLabel}`, t('labtools.chart.runs'), t('labtools.chart.meanUnit', { unit: d.unit })], rows);
  base.describe(t('labtools.chart.heatDescription', { title: d.title, metric: d.metric, x: d.xLabel, y: d.yLabel }));
  return () => base.destroy();
}
