// One group's strip plot (D3, SVG): every counted run as a dot along the main metric's axis
// (equal values stacked), the mean as a black line and the 95 % interval as a shaded band with
// end ticks. Told by shape as well as colour; a hidden table carries the numbers.
import { axisBottom, scaleLinear } from 'd3';
import { createChartBase } from '../../../../viz/chartBase';
import { linearDomain } from '../../../../viz/chartScales';
import { formatNumber } from '../../../../viz/format';
import type { ClassGroup } from '../../../lab';
import { t } from '../../../lab/class/messages';

const DOT = '#0072B2';
const BAND = '#56B4E9';
const R = 4.5;

/** Draws the strip of `g` into `container` (its metric called `label`); returns a function that removes it. */
export function drawClassStrip(container: HTMLElement, g: ClassGroup, label: string, title: string): () => void {
  const base = createChartBase(container, title, { top: 10, right: 18, bottom: 40, left: 18 }, 150);
  base.root.classList.add('cr-strip');
  const values = g.rows.map((r) => r.value).filter(Number.isFinite);
  const i = g.interval;
  const fmt = (x: number) => formatNumber(x, 4);
  const axis = g.unit ? t('class.strip.axis', { label, unit: g.unit }) : label;
  const draw = () => {
    const { plot } = base;
    plot.selectAll('*').remove();
    const w = base.innerWidth();
    const hgt = base.innerHeight();
    const span = [...values, ...(Number.isFinite(i.half) ? [i.lo, i.hi] : [])];
    const x = scaleLinear().domain(linearDomain(span)).nice().range([0, w]);
    const axisY = hgt;
    if (Number.isFinite(i.half)) {
      plot.append('rect').attr('class', 'cr-band').attr('x', x(i.lo)).attr('y', 0).attr('width', Math.max(1, x(i.hi) - x(i.lo))).attr('height', axisY).attr('fill', BAND).attr('fill-opacity', 0.25);
      for (const v of [i.lo, i.hi]) plot.append('line').attr('x1', x(v)).attr('x2', x(v)).attr('y1', 0).attr('y2', axisY).attr('stroke', '#1f5f8b').attr('stroke-dasharray', '4 3');
    }
    if (i.n > 0) plot.append('line').attr('class', 'cr-mean').attr('x1', x(i.mean)).attr('x2', x(i.mean)).attr('y1', 0).attr('y2', axisY).attr('stroke', '#000').attr('stroke-width', 2.5);
    // Equal (or nearly equal, within a dot) values stack upward from the axis; tall stacks use
    // smaller dots so that every run stays inside the plot.
    const bins = new Map<number, number>();
    for (const v of values) bins.set(Math.round(x(v) / (2 * R)), (bins.get(Math.round(x(v) / (2 * R))) ?? 0) + 1);
    const tallest = Math.max(1, ...bins.values());
    const r = Math.max(1.5, Math.min(R, (axisY - 2) / (2 * tallest + 0.2 * tallest)));
    const stacks = new Map<number, number>();
    const dots = values
      .slice()
      .sort((a, b) => a - b)
      .map((v) => {
        const bin = Math.round(x(v) / (2 * R));
        const k = stacks.get(bin) ?? 0;
        stacks.set(bin, k + 1);
        return { cx: x(v), cy: axisY - r - 1 - k * (2.2 * r) };
      });
    plot
      .selectAll('circle.cr-dot')
      .data(dots)
      .join('circle')
      .attr('class', 'cr-dot')
      .attr('cx', (d) => d.cx)
      .attr('cy', (d) => d.cy)
      .attr('r', r)
      .attr('fill', DOT)
      .attr('fill-opacity', 0.7)
      .attr('stroke', '#fff')
      .attr('stroke-width', r > 3 ? 1 : 0.5);
    plot.append('g').attr('transform', `translate(0,${axisY})`).call(axisBottom(x).ticks(Math.max(2, Math.floor(w / 90))).tickFormat((v) => fmt(Number(v))));
    plot.append('text').attr('class', 'cp-axis-label').attr('x', w / 2).attr('y', axisY + 34).attr('text-anchor', 'middle').text(axis);
  };
  draw();
  base.onResize(draw);
  const words = i.n >= 2 ? t('class.strip.interval', { mean: fmt(i.mean), lo: fmt(i.lo), hi: fmt(i.hi) }) : i.n === 1 ? t('class.strip.one', { mean: fmt(i.mean) }) : t('class.interval.none');
  base.describe(t('class.strip.describe', { title, n: i.n, words }));
  base.setTable(
    t('class.strip.tableCaption', { title }),
    [t('class.col.seed'), axis],
    g.rows.map((r) => [r.seed, fmt(r.value)]),
  );
  return () => base.destroy();
}
