// The cohort's charts (d3, SVG): per marker, each group's runs as dots over a box (quartiles,
// median, range) on one axis; and the ROC curves of every marker and of the multi-marker score
// with the chance diagonal. Groups and curves differ by shape or dash as well as by colour.
import { axisBottom, axisLeft, line, quantileSorted, scaleBand, scaleLinear, scaleLog, symbol, symbolCircle, symbolTriangle } from 'd3';
import type { RocPoint } from '../../lab';
import { createChartBase } from '../../../viz/chartBase';
import { el, svgEl } from '../../../viz/dom';
import { formatNumber, formatWithUnit } from '../../../viz/format';
import { fitLabel, SERIES_COLOURS } from './charts';
import { num, t } from './messages';

/** Reference group, then cases: Okabe & Ito blue (circles) and vermillion (triangles). */
export const GROUP_STYLE = [
  { colour: '#0072B2', symbol: symbolCircle },
  { colour: '#D55E00', symbol: symbolTriangle },
];

export interface Distribution {
  title: string;
  unit: string;
  groups: { label: string; values: number[] }[];
}

const fmt = (x: number) => formatNumber(x, 3);

/** A strip of dots over a box per group, on a log axis when the values are positive and spread widely. */
export function drawDistribution(container: HTMLElement, d: Distribution): () => void {
  const margin = { top: 8, right: 16, bottom: 40, left: 96 };
  const base = createChartBase(container, d.title, margin, 60 + 52 * d.groups.length);
  base.root.classList.add('cp-cohort-dist');
  const { plot } = base;
  const draw = () => {
    plot.selectAll('*').remove();
    const w = base.innerWidth();
    const hgt = base.innerHeight();
    const all = d.groups.flatMap((g) => g.values).filter(Number.isFinite);
    const lo = all.length ? Math.min(...all) : 0;
    const hi = all.length ? Math.max(...all) : 1;
    const log = lo > 0 && hi / lo > 20;
    const pad = hi > lo ? (hi - lo) * 0.05 : Math.abs(lo) * 0.1 || 1;
    const x = log ? scaleLog().domain([lo / 1.2, hi * 1.2]).range([0, w]) : scaleLinear().domain([lo - pad, hi + pad]).range([0, w]).nice();
    const y = scaleBand<number>().domain(d.groups.map((_, k) => k)).range([0, hgt]).padding(0.25);
    plot.append('g').attr('transform', `translate(0,${hgt})`).call(axisBottom(x).ticks(Math.max(2, Math.floor(w / 90)), log ? '~s' : undefined).tickFormat((v) => fmt(Number(v))));
    plot.append('g').call(axisLeft(y).tickFormat((k) => d.groups[k].label));
    plot.append('text').attr('x', w / 2).attr('y', hgt + 34).attr('text-anchor', 'middle').attr('class', 'cp-axis-label').text(fitLabel(t('labtools.cohortChart.axis', { title: d.title, unit: d.unit ? ` (${d.unit})` : '', log: log ? 'yes' : 'no' }), w));
    d.groups.forEach((g, k) => {
      const style = GROUP_STYLE[k % GROUP_STYLE.length];
      const top = y(k)!;
      const bw = y.bandwidth();
      const sorted = g.values.filter(Number.isFinite).sort((a, b) => a - b);
      const grp = plot.append('g').attr('class', 'cp-cohort-group').attr('data-group', k);
      if (sorted.length >= 2) {
        const [q1, med, q3] = [0.25, 0.5, 0.75].map((q) => quantileSorted(sorted, q)!);
        const mid = top + bw / 2;
        grp.append('path').attr('d', `M${x(sorted[0])},${mid}H${x(q1)}M${x(q3)},${mid}H${x(sorted[sorted.length - 1])}`).attr('stroke', '#555');
        grp.append('rect').attr('x', x(q1)).attr('y', top + bw * 0.15).attr('width', Math.max(1, x(q3) - x(q1))).attr('height', bw * 0.7).attr('fill', style.colour).attr('fill-opacity', 0.12).attr('stroke', style.colour);
        grp.append('path').attr('d', `M${x(med)},${top + bw * 0.1}V${top + bw * 0.9}`).attr('stroke', style.colour).attr('stroke-width', 2.5);
        const words = { group: g.label, median: formatWithUnit(med, d.unit), q1: fmt(q1), q3: fmt(q3), lo: fmt(sorted[0]), hi: fmt(sorted[sorted.length - 1]), n: sorted.length };
        grp.append('title').text(t('labtools.cohortChart.box', words));
      }
      // Dots spread over the band deterministically (golden-ratio sequence), so the picture is reproducible.
      g.values.forEach((v, i) => {
        if (!Number.isFinite(v)) return;
        const jitter = ((i * 0.6180339887) % 1) - 0.5;
        grp.append('path').attr('class', 'cp-cohort-dot').attr('d', symbol(style.symbol, 22)() ?? '').attr('transform', `translate(${x(v)},${top + bw / 2 + jitter * bw * 0.7})`).attr('fill', style.colour).attr('fill-opacity', 0.55);
      });
    });
  };
  draw();
  base.onResize(draw);
  base.setTable(
    d.title,
    [t('labtools.cohortChart.group'), t('labtools.chart.runs'), t('labtools.cohortChart.median'), t('labtools.cohortChart.lowest'), t('labtools.cohortChart.highest')],
    d.groups.map((g) => {
      const s = g.values.filter(Number.isFinite).sort((a, b) => a - b);
      return [g.label, String(s.length), s.length ? fmt(quantileSorted(s, 0.5)!) : '–', s.length ? fmt(s[0]) : '–', s.length ? fmt(s[s.length - 1]) : '–'];
    }),
  );
  base.describe(t('labtools.cohortChart.distDescription', { title: d.title }));
  return () => base.destroy();
}

export interface RocCurveSpec {
  label: string;
  auc: number;
  points: RocPoint[];
  /** The multi-marker score: drawn thick and black. */
  score?: boolean;
}

const DASHES = ['6 3', '2 3', '8 3 2 3', '1 2', '4 4', '10 4'];

/** ROC curves (false-positive rate across, true-positive rate up) with a legend giving each AUC. */
export function drawRoc(container: HTMLElement, title: string, curves: RocCurveSpec[]): () => void {
  const margin = { top: 10, right: 16, bottom: 44, left: 56 };
  const base = createChartBase(container, title, margin, 340);
  base.root.classList.add('cp-cohort-roc');
  const { plot, root } = base;
  let markerNo = 0;
  const styled = curves.map((c) => (c.score ? { ...c, colour: '#000', dash: '', width: 3 } : { ...c, colour: SERIES_COLOURS[(markerNo + 2) % SERIES_COLOURS.length], dash: DASHES[markerNo++ % DASHES.length], width: 1.8 }));
  const keys = el('ul', { class: 'cpv-keys', 'aria-label': t('labtools.cohortChart.curvesLabel') });
  const auc2 = (auc: number) => (Number.isFinite(auc) ? num(auc, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : '–');
  for (const c of styled) {
    const li = el('li');
    const sw = svgEl('svg', { width: 26, height: 10, 'aria-hidden': 'true' });
    sw.appendChild(svgEl('line', { x1: 1, x2: 25, y1: 5, y2: 5, stroke: c.colour, 'stroke-width': c.width, 'stroke-dasharray': c.dash }));
    li.appendChild(sw);
    li.appendChild(document.createTextNode(t('labtools.cohortChart.key', { curve: c.label, auc: auc2(c.auc) })));
    keys.appendChild(li);
  }
  root.insertBefore(keys, base.svg.node());
  const draw = () => {
    plot.selectAll('*').remove();
    const size = Math.min(base.innerWidth(), base.innerHeight());
    const x = scaleLinear().domain([0, 1]).range([0, size]);
    const y = scaleLinear().domain([0, 1]).range([size, 0]);
    plot.append('g').attr('transform', `translate(0,${size})`).call(axisBottom(x).ticks(5).tickFormat((v) => num(Number(v))));
    plot.append('g').call(axisLeft(y).ticks(5).tickFormat((v) => num(Number(v))));
    plot.append('text').attr('x', size / 2).attr('y', size + 36).attr('text-anchor', 'middle').attr('class', 'cp-axis-label').text(t('labtools.cohortChart.fpr'));
    plot.append('text').attr('transform', `translate(-42,${size / 2}) rotate(-90)`).attr('text-anchor', 'middle').attr('class', 'cp-axis-label').text(t('labtools.cohortChart.tpr'));
    plot.append('path').attr('d', `M0,${size}L${size},0`).attr('stroke', '#999').attr('stroke-dasharray', '3 3');
    plot.append('text').attr('x', size * 0.62).attr('y', size * 0.42).attr('class', 'cp-axis-label').attr('fill', '#777').attr('transform', `rotate(-45,${size * 0.62},${size * 0.42})`).text(t('labtools.cohortChart.chance', { half: num(0.5) }));
    const path = line<RocPoint>()
      .x((p) => x(p.fpr))
      .y((p) => y(p.tpr));
    for (const c of [...styled.filter((s) => !s.score), ...styled.filter((s) => s.score)])
      plot.append('path').attr('class', c.score ? 'cp-roc-score' : 'cp-roc-marker').attr('d', path(c.points) ?? '').attr('fill', 'none').attr('stroke', c.colour).attr('stroke-width', c.width).attr('stroke-dasharray', c.dash);
  };
  draw();
  base.onResize(draw);
  base.setTable(title, [t('labtools.cohortChart.curve'), 'AUC'], styled.map((c) => [c.label, Number.isFinite(c.auc) ? num(c.auc, { minimumFractionDigits: 3, maximumFractionDigits: 3 }) : '–']));
  base.describe(t('labtools.cohortChart.rocDescription', { title, curves: styled.map((c) => t('labtools.cohortChart.key', { curve: c.label, auc: Number.isFinite(c.auc) ? auc2(c.auc) : t('labtools.cohortChart.notAvailable') })).join('; ') }));
  return () => base.destroy();
}
