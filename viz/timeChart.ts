// A time-series chart (SVG, d3 scales and axes): one line per metric with a legend, a cursor
// at the run's current time, a hover tooltip with the values at the hovered time, an optional
// log y-scale, a dashed detection-limit line, and a learner's sketch of the expected curve.
// Hovering a line or a legend entry reports it.
import { bisectLeft, line, pointer, scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import { createChartBase, fitFirst, fitText } from './chartBase';
import { drawAxis } from './axis';
import { attrs } from './attrs';
import { decimateIndices } from './decimate';
import { clear, el } from './dom';
import { formatClock, formatNumber, formatPower, formatSci, formatWithUnit } from './format';
import { cellTypeColour } from './palette';
import { lineSwatch, seriesDash } from './stateSwatch';
import { linearDomain, logDomain, logTicks, timeDomain } from './chartScales';
import { createSketchLayer, type SketchInput, type SketchLayer } from './sketchLayer';
import { vizWords } from './words';
import { t as tr } from '../src/i18n/i18n';

export interface TimeSeriesSpec {
  name: string;
  label: string;
  colour?: string;
}

export interface TimeChartOptions {
  title: string;
  yLabel: string;
  log?: boolean;
  detectionLimit?: number;
  series: TimeSeriesSpec[];
  /** SVG height in px, or 'fill' to take the container's height (default 200 px). */
  height?: number | 'fill';
  /** A short note shown between the legend and the plot (plain text). */
  note?: string;
}

export interface TimeChart {
  setData(t: number[], values: Record<string, number[]>): void;
  setCursor(hours: number): void;
  onHover(cb: (name: string | null) => void): void;
  /** Draws a learner's sketch of an expected curve under a key (null removes it); see viz/sketchLayer.ts. */
  setSketch(key: string, s: SketchInput | null): void;
  /** Moves focus to the first movable point of an editable sketch; false when there is none. */
  focusSketch(): boolean;
  destroy(): void;
}

/** Smallest chart height (px at 12 px text) that still leaves room for the chart's note. */
const NOTE_MIN_SVG_PX = 130;

/** Pixels between the pointer and a line that still count as hovering it. */
const HOVER_PX = 14;

export function createTimeChart(container: HTMLElement, opts: TimeChartOptions): TimeChart {
  const base = createChartBase(container, opts.title, { top: 10, right: 14, bottom: 36, left: 64 }, opts.height);
  const { plot, root } = base;
  const series = opts.series.map((s, i) => ({ ...s, colour: s.colour ?? cellTypeColour(i), dash: seriesDash(i) }));
  const log = opts.log === true;
  const limit = opts.detectionLimit !== undefined && Number.isFinite(opts.detectionLimit) && opts.detectionLimit > 0 ? opts.detectionLimit : undefined;
  const unit = opts.yLabel;

  let t: number[] = [];
  let values: Record<string, number[]> = {};
  let cursor: number | null = null;
  let hovered: string | null = null;
  let hoverCb: ((name: string | null) => void) | null = null;
  /** The pointer while it is over the plot, so new data refreshes an open tooltip. */
  let lastPointer: PointerEvent | null = null;
  let floor = 1;
  let x = scaleLinear();
  let y: ScaleContinuousNumeric<number, number> = scaleLinear();
  const sketches = new Map<string, { input: SketchInput; layer: SketchLayer }>();

  // Legend: one entry per series, focusable, reporting hover like the lines.
  const keys = el('ul', { class: 'cpv-keys' });
  const keyItems = series.map((s, i) => {
    const li = el('li', { tabindex: '0' });
    li.appendChild(lineSwatch(s.colour, i));
    li.appendChild(el('span', {}, s.label));
    const enter = () => setHovered(s.name);
    const leave = () => setHovered(null);
    li.addEventListener('mouseenter', enter);
    li.addEventListener('mouseleave', leave);
    li.addEventListener('focus', enter);
    li.addEventListener('blur', leave);
    keys.appendChild(li);
    return li;
  });
  root.insertBefore(keys, base.anchor);
  // The note gives way when the box is too short for it and a readable plot (a small window
  // with a long prompt); it comes back when there is room. Decided from the height the plot
  // would have without the note, so showing or hiding it cannot flip the decision back.
  const noteEl = opts.note ? (root.insertBefore(el('p', { class: 'cpv-note' }, opts.note), base.anchor) as HTMLElement) : null;
  /** The note's height as its resize observer last reported it (reading offsetHeight would lay out the page). */
  let noteH = 0;
  const noteObserver =
    noteEl && typeof ResizeObserver === 'function'
      ? new ResizeObserver((entries) => {
          for (const e of entries) if (e.borderBoxSize?.[0]?.blockSize) noteH = e.borderBoxSize[0].blockSize;
        })
      : null;
  if (noteEl) noteObserver?.observe(noteEl);
  function fitNote(): void {
    if (!noteEl) return;
    if (!noteObserver && !noteEl.hidden) noteH = noteEl.offsetHeight || noteH;
    const guess = noteH || 3.2 * base.fontPx();
    const svgH = base.innerHeight() + base.margin.top + base.margin.bottom;
    const withoutNote = svgH + (noteEl.hidden ? 0 : guess);
    const show = withoutNote - guess >= NOTE_MIN_SVG_PX * Math.max(1, base.fontPx() / 12);
    if (noteEl.hidden === show) noteEl.hidden = !show;
  }

  const gridG = plot.append('g').attr('class', 'cpv-grid');
  const xAxisG = plot.append('g');
  const yAxisG = plot.append('g');
  const xLabel = plot.append('text').attr('text-anchor', 'end').attr('fill', 'currentColor').text(vizWords().timeAxis);
  const limitG = plot.append('g').attr('class', 'cpv-limit');
  const unitText = yAxisG.append('text').attr('class', 'cpv-unit').attr('text-anchor', 'middle').attr('fill', 'currentColor');
  let unitFitted = '';
  const limitLine = limit === undefined ? null : limitG.append('line').attr('stroke', '#b2182b').attr('stroke-width', 1.5).attr('stroke-dasharray', '6 4');
  const limitText = limitG.append('text').attr('x', 4).attr('text-anchor', 'start').attr('fill', '#b2182b');
  let limitFitted = '';
  const linesG = plot.append('g').attr('fill', 'none').attr('stroke-linejoin', 'round').attr('stroke-linecap', 'round');
  const endsG = plot.append('g');
  const sketchG = plot.append('g');
  const cursorLine = plot.append('line').attr('stroke', '#555').attr('stroke-width', 1.5).attr('stroke-dasharray', '3 2');
  const hoverLine = plot.append('line').attr('stroke', '#999').attr('stroke-width', 1).style('display', 'none');
  const emptyText = plot.append('text').attr('text-anchor', 'middle').attr('fill', '#666').text(vizWords().noData);
  const overlay = plot.append('rect').attr('fill', 'transparent').style('cursor', 'crosshair');

  const tip = el('div', { class: 'cpv-tip', role: 'presentation' });
  tip.style.display = 'none';
  root.appendChild(tip);

  /** A drawable y value: log scales clamp non-positive values to the floor. */
  const yv = (v: number) => y(log ? Math.max(v, floor) : v);
  const n = () => t.length;
  const seriesValues = (name: string) => values[name] ?? [];

  function rescale(): void {
    const w = base.innerWidth();
    const h = base.innerHeight();
    const [t0, t1] = timeDomain(t);
    // A sketch reaches ahead of the run: the time axis and the value axis make room for it.
    const drawn = [...sketches.values()].map((k) => k.input);
    const sketchEnd = Math.max(-Infinity, ...drawn.flatMap((k) => k.hours));
    x = scaleLinear().domain([t0, Math.max(t1, sketchEnd)]).range([0, w]);
    const all: number[] = [];
    for (const s of series) for (const v of seriesValues(s.name)) if (Number.isFinite(v)) all.push(v);
    if (limit !== undefined) all.push(limit);
    for (const k of drawn) all.push(...k.values.filter((v) => Number.isFinite(v)), ...(k.editable ? [k.ceiling] : []));
    if (log) {
      const d = logDomain(all);
      floor = d[0];
      y = scaleLog().domain(d).range([h, 0]).clamp(true);
    } else {
      y = scaleLinear().domain(linearDomain(all)).range([h, 0]).nice();
    }
  }

  function yTickFormat(v: number): string {
    return log ? formatPower(v) : formatNumber(v, 3);
  }

  /** A series as drawn: its path, the index of its last drawn sample and its values. */
  type Row = { s: (typeof series)[number]; d: string; last: number; v: number[] };

  /** Whether the chart has been drawn, and the task that draws the rest of its first drawing. */
  let drawnOnce = false;
  let restTimer: ReturnType<typeof setTimeout> | null = null;

  function render(): void {
    // Drawn once the chart knows its size (its first resize report draws it).
    if (!base.sized()) return;
    if (restTimer !== null) {
      clearTimeout(restTimer);
      restTimer = null;
    }
    fitNote();
    rescale();
    const w = base.innerWidth();
    const h = base.innerHeight();
    // Up to five ticks, fewer on a short plot (a chart in a low band), so their labels never touch.
    const yTicks = log ? logTicks(y.domain() as [number, number]) : y.ticks(Math.max(2, Math.min(5, Math.floor(h / (2 * base.fontPx())))));
    // The axis name and the limit's label keep their elements; their text is fitted again (measured
    // on a canvas in their font) only when the room for it changed, not at every new sample. Fitted
    // before the chart's other writes: reading a text's font when the page has changed styles
    // recalculates them first (a first draw's new ticks and lines), inside this task.
    const unitFit = `${h}@${base.fontPx()}`;
    if (unitFit !== unitFitted) {
      unitFitted = unitFit;
      fitText(unitText.node(), unit, h);
    }
    const limitFit = `${w}@${base.fontPx()}`;
    const label = limitText.node();
    if (limit !== undefined && label && limitFit !== limitFitted) {
      limitFitted = limitFit;
      fitFirst(label, [`${vizWords().detectionLimit} ${formatWithUnit(limit, unit)}`, `${vizWords().detectionLimit} ${formatSci(limit, 1)}`, vizWords().detectionLimit, vizWords().limit], w - 8);
    }
    // Axes updated in place (viz/axis.ts): their tick marks move, their labels change only with their text.
    // Every other attribute is written only when it changes (viz/attrs.ts): a write of the same value
    // still lays the shape out again.
    attrs(xAxisG, { transform: `translate(0,${h})` });
    drawAxis(xAxisG.node()!, 'bottom', x, x.ticks(Math.max(2, Math.floor(w / (6 * base.fontPx())))), (d) => formatNumber(d, 3));
    drawAxis(yAxisG.node()!, 'left', y, yTicks, yTickFormat);
    gridG
      .selectAll('line')
      .data(yTicks)
      .join('line')
      .call(attrs, { x1: 0, x2: w, y1: (d: number) => y(d), y2: (d: number) => y(d), stroke: '#000', 'stroke-opacity': 0.07 });
    attrs(xLabel, { x: w, y: h + base.margin.bottom - 3 });
    attrs(unitText, { transform: `translate(${-base.margin.left + base.fontPx()},${h / 2}) rotate(-90)` });

    // Detection limit.
    if (limit !== undefined) {
      const ly = yv(limit);
      if (limitLine) attrs(limitLine, { x1: 0, x2: w, y1: ly, y2: ly });
      // The label stays inside the plot: above the line, or below it when the line is near the top;
      // shortened to fit a narrow plot, and hidden only when not even "limit" fits.
      const font = base.fontPx();
      attrs(limitText, { y: ly - 4 >= font ? ly - 4 : Math.min(h - 4, ly + font + 2) });
    }

    // A first drawing is two tasks: its axes now, its lines and summary table in a task of their own
    // (together 30–56 ms of CPU at 4× right after a run's first picture). A learner's sketch draws at once.
    if (!drawnOnce) {
      drawnOnce = true;
      if (sketches.size === 0) {
        attrs(emptyText, { display: 'none' });
        restTimer = setTimeout(() => {
          restTimer = null;
          render();
        }, 0);
        return;
      }
    }

    // Lines, thinned to ≤ 4 points per pixel column.
    const cols = Math.max(1, Math.floor(w));
    const path = line<number>();
    const rows: Row[] = series.map((s) => {
      const v = seriesValues(s.name);
      const idx = decimateIndices(t, v, cols);
      path.x((i) => x(t[i])).y((i) => yv(v[i]));
      return { s, d: idx.length > 1 ? (path(idx) ?? '') : '', last: idx.length ? idx[idx.length - 1] : -1, v };
    });
    linesG
      .selectAll('path')
      .data(rows)
      .join('path')
      .call(attrs, {
        d: (r: Row) => r.d,
        stroke: (r: Row) => r.s.colour,
        'stroke-dasharray': (r: Row) => r.s.dash,
        'stroke-width': (r: Row) => (hovered === r.s.name ? 3.5 : 2),
        'stroke-opacity': (r: Row) => (hovered === null || hovered === r.s.name ? 1 : 0.3),
      });
    // End markers: a single sample still shows as a dot.
    endsG
      .selectAll('circle')
      .data(rows.filter((r) => r.last >= 0))
      .join('circle')
      .call(attrs, {
        cx: (r: Row) => x(t[r.last]),
        cy: (r: Row) => yv(r.v[r.last]),
        r: 3,
        fill: (r: Row) => r.s.colour,
        'fill-opacity': (r: Row) => (hovered === null || hovered === r.s.name ? 1 : 0.3),
      });
    attrs(emptyText, { x: w / 2, y: h / 2, display: n() === 0 ? 'inline' : 'none' });
    attrs(overlay, { width: w, height: h });
    if (sketches.size > 0) {
      const box = base.anchor.getBoundingClientRect();
      const rootBox = root.getBoundingClientRect();
      for (const k of sketches.values()) k.layer.draw(k.input, { x, y, yv, width: w, height: h, left: box.left - rootBox.left + base.margin.left, top: box.top - rootBox.top + base.margin.top, unit });
    }
    placeCursor();
    updateSummary();
    if (lastPointer) showTip(lastPointer);
  }

  function placeCursor(): void {
    const [d0, d1] = x.domain();
    if (cursor === null || !Number.isFinite(cursor) || cursor < d0 || cursor > d1) {
      const line = cursorLine.node()!;
      if (line.style.display !== 'none') line.style.display = 'none';
      return;
    }
    const cx = x(cursor);
    // The inline style read as written (d3's style() getter falls back to getComputedStyle, a style recalculation).
    const line = cursorLine.node()!;
    if (line.style.display !== '') line.style.display = '';
    attrs(cursorLine, { x1: cx, x2: cx, y1: 0, y2: base.innerHeight() });
  }

  /** The value with its unit; on a log scale values ≤ 0 get a "*" (the tooltip explains it). */
  function valueText(v: number | undefined, short = false): string {
    if (v === undefined || !Number.isFinite(v)) return '–';
    if (log && v <= 0) return short ? `${formatNumber(v)} *` : tr('chart.belowLog', { value: formatNumber(v), floor: formatSci(floor, 1) });
    return formatWithUnit(v, unit);
  }

  function updateSummary(): void {
    const last = n() - 1;
    const when = last >= 0 ? formatClock(t[last]) : vizWords().noData;
    const labels = series.map((s) => s.label).join(', ');
    const summary = tr('chart.lineSummary', { title: opts.title, log: String(log), labels, unit, when });
    base.describe(sketches.size > 0 ? tr('chart.withSketch', { summary }) : summary);
    base.setTable(
      tr('chart.latest', { title: opts.title, when }),
      [tr('chart.series'), unit || tr('chart.value')],
      series.map((s) => [s.label, last >= 0 ? valueText(seriesValues(s.name)[last]) : '–']),
    );
  }

  function setHovered(name: string | null): void {
    if (name === hovered) return;
    hovered = name;
    keyItems.forEach((li, i) => (li.style.fontWeight = series[i].name === name ? '600' : ''));
    linesG
      .selectAll<SVGPathElement, { s: { name: string } }>('path')
      .attr('stroke-width', (r) => (hovered === r.s.name ? 3.5 : 2))
      .attr('stroke-opacity', (r) => (hovered === null || hovered === r.s.name ? 1 : 0.3));
    endsG.selectAll<SVGCircleElement, { s: { name: string } }>('circle').attr('fill-opacity', (r) => (hovered === null || hovered === r.s.name ? 1 : 0.3));
    hoverCb?.(name);
  }

  function showTip(event: PointerEvent): void {
    lastPointer = event;
    if (n() === 0) return;
    const [mx, my] = pointer(event, plot.node());
    const at = x.invert(mx);
    let i = bisectLeft(t, at);
    if (i >= n()) i = n() - 1;
    if (i > 0 && Math.abs(t[i - 1] - at) < Math.abs(t[i] - at)) i--;
    const hx = x(t[i]);
    hoverLine.style('display', null).attr('x1', hx).attr('x2', hx).attr('y1', 0).attr('y2', base.innerHeight());
    let near: string | null = null;
    let best = HOVER_PX;
    for (const s of series) {
      const v = seriesValues(s.name)[i];
      if (v === undefined || !Number.isFinite(v)) continue;
      const d = Math.abs(yv(v) - my);
      if (d < best) {
        best = d;
        near = s.name;
      }
    }
    setHovered(near);
    clear(tip);
    tip.appendChild(el('div', {}, `at ${formatClock(t[i])}`));
    const table = el('table');
    let clamped = false;
    for (const [k, s] of series.entries()) {
      const tr = el('tr');
      const sw = el('td');
      sw.appendChild(lineSwatch(s.colour, k));
      tr.appendChild(sw);
      tr.appendChild(el('td', {}, s.label));
      const v = seriesValues(s.name)[i];
      if (log && v !== undefined && v <= 0) clamped = true;
      tr.appendChild(el('td', {}, valueText(v, true)));
      if (s.name === near) tr.style.fontWeight = '600';
      table.appendChild(tr);
    }
    tip.appendChild(table);
    if (clamped) tip.appendChild(el('div', { class: 'cpv-note' }, tr('chart.clamped', { floor: formatSci(floor, 1) })));
    tip.style.display = 'block';
    const rootBox = root.getBoundingClientRect();
    const px = event.clientX - rootBox.left;
    const py = event.clientY - rootBox.top;
    const tw = tip.offsetWidth;
    const left = px + 14 + tw > rootBox.width ? Math.max(0, px - 14 - tw) : px + 14;
    tip.style.left = `${left}px`;
    tip.style.top = `${Math.max(0, py - 10)}px`;
  }

  function hideTip(): void {
    lastPointer = null;
    tip.style.display = 'none';
    hoverLine.style('display', 'none');
    setHovered(null);
  }

  overlay.on('pointermove', (e: PointerEvent) => showTip(e));
  overlay.on('pointerleave', hideTip);
  base.onResize(render);
  render();

  return {
    setData(times, vals) {
      // Keep only sample times that are finite; values are looked up by the same index.
      const okT = times.every((v) => Number.isFinite(v));
      if (okT) {
        t = times;
        values = vals;
      } else {
        const keep: number[] = [];
        times.forEach((v, i) => Number.isFinite(v) && keep.push(i));
        t = keep.map((i) => times[i]);
        values = Object.fromEntries(Object.entries(vals).map(([k, a]) => [k, keep.map((i) => a[i])]));
      }
      render();
    },
    setCursor(hours) {
      cursor = Number.isFinite(hours) ? hours : null;
      placeCursor();
    },
    onHover(cb) {
      hoverCb = cb;
    },
    setSketch(key, s) {
      const had = sketches.get(key);
      if (s === null) {
        had?.layer.destroy();
        sketches.delete(key);
      } else if (had) had.input = s;
      // Drawn under the cursor and the hover overlay, above the lines.
      else sketches.set(key, { input: s, layer: createSketchLayer(sketchG, root) });
      render();
    },
    focusSketch() {
      return [...sketches.values()].some((k) => k.input.editable && k.layer.focus());
    },
    destroy() {
      if (restTimer !== null) clearTimeout(restTimer);
      for (const k of sketches.values()) k.layer.destroy();
      sketches.clear();
      overlay.on('pointermove', null).on('pointerleave', null);
      hoverCb = null;
      noteObserver?.disconnect();
      base.destroy();
    },
  };
}
