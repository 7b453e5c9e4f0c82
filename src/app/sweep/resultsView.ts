// The sweep dialog's results: a metric picker and the plots of that metric's final value — a line
// with its 95 % interval band against the first parameter (one line per value of a second), a
// heat map of the mean for two parameters, or a one-line summary when nothing is varied.
import type { Index } from '../../../sim/index';
import { formatNumber, formatWithUnit } from '../../../viz/format';
import type { SweepResults } from '../../lab';
import { nameMetric, resolveMetrics } from '../metricNames';
import { nameParam } from '../paramNames';
import { h, replace } from '../ui/dom';
import { drawHeatMap, drawLineChart } from './charts';
import { localLesson } from '../../lab/i18n/lessonOverlays';
import { t } from './messages';
import type { SweepPlan } from './plan';

export type ResultsView = ReturnType<typeof createResultsView>;

export function createResultsView() {
  const metric = h('select', { id: 'sweep-metric' });
  const charts = h('div', { class: 'cp-sweep-charts', id: 'sweep-charts' });
  const intervalNote = h(
    'p',
    { class: 'cp-note' },
    t('labtools.results.intervalNote'),
  );
  const element = h('section', { class: 'cp-results', 'aria-labelledby': 'sweep-results-h' }, h('h3', { id: 'sweep-results-h' }, t('labtools.results.heading')), h('div', { class: 'cp-field cp-inline' }, h('label', { for: 'sweep-metric' }, t('labtools.results.metric')), metric), charts, intervalNote);
  let shown: { plan: SweepPlan; results: SweepResults } | null = null;
  let index: Index | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const metricLabel = (plan: SweepPlan, k: number) => {
    const name = plan.metricNames[k];
    return index ? nameMetric(localLesson(plan.base), index, name).label : name;
  };

  const draw = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    replace(charts);
    if (!shown || shown.results.size === 0) {
      charts.append(h('p', { class: 'cp-note' }, shown ? t('labtools.results.noneYet') : t('labtools.results.startFirst')));
      return;
    }
    const { plan, results } = shown;
    const k = plan.metricNames.indexOf(metric.value);
    if (k < 0) return;
    const unit = plan.metricUnits[k];
    const label = metricLabel(plan, k);
    const grid = results.summary(k);
    const pts = results.points(k);
    const named = localLesson(plan.base);
    const axis = (v: SweepPlan['vary'][number]) => `${nameParam(named, v.info).full}${v.info.unit ? ` (${v.info.unit})` : ''}`;
    const [v1, v2] = plan.vary;
    const yLabel = `${label}${unit ? ` (${unit})` : ''}`;
    const title = t('labtools.results.title', { metric: label, hours: formatNumber(plan.hours) });
    if (!v1) {
      const c = grid[0][0];
      const xs = pts.map((q) => q.value).filter(Number.isFinite);
      const spread = Number.isFinite(c.half) ? t('labtools.results.spread', { lo: formatNumber(c.lo, 4), hi: formatNumber(c.hi, 4), sd: formatNumber(c.sd, 4) }) : '';
      const words = { title, mean: formatWithUnit(c.mean, unit, 4), spread, lowest: formatNumber(Math.min(...xs), 4), highest: formatNumber(Math.max(...xs), 4), n: c.n };
      charts.append(h('p', { class: 'cp-repeat', id: 'sweep-repeat' }, t('labtools.results.repeat', words)));
      return;
    }
    const series = v2
      ? v2.values.map((yv, j) => ({ label: formatWithUnit(yv, v2.info.unit), cells: grid.map((col) => col[j]), points: pts.filter((p) => p.j === j).map((p) => ({ i: p.i, value: p.value })) }))
      : [{ label, cells: grid.map((col) => col[0]), points: pts.map((p) => ({ i: p.i, value: p.value })) }];
    drawLineChart(charts, { title: t('labtools.results.byParam', { title, param: v1.name }), xLabel: axis(v1), yLabel, unit, xs: v1.values, series, seriesTitle: v2 ? nameParam(named, v2.info).full : undefined });
    if (v2) drawHeatMap(charts, { title: t('labtools.results.heatTitle', { metric: label, hours: formatNumber(plan.hours) }), xLabel: axis(v1), yLabel: axis(v2), metric: label, unit, xs: v1.values, ys: v2.values, cells: grid });
  };
  metric.addEventListener('change', draw);

  return {
    element,
    /** Names metrics with the scene's index (cell type and tissue names) when it is known. */
    setIndex(i: Index | null) {
      index = i;
    },
    /** Shows a sweep's results (or none): fills the metric list, keeping the choice, the lesson's first chart metric otherwise. */
    show(plan: SweepPlan | null, results: SweepResults | null) {
      shown = plan && results ? { plan, results } : null;
      if (plan) {
        const keep = metric.value;
        replace(metric, ...plan.metricNames.map((n, k) => h('option', { value: n }, `${metricLabel(plan, k)} (${n})`)));
        const lessonFirst = resolveMetrics(plan.base.lesson?.charts.flatMap((c) => c.metrics) ?? [], plan.metricNames)[0];
        metric.value = plan.metricNames.includes(keep) ? keep : (lessonFirst ?? plan.metricNames[0]);
      }
      draw();
    },
    draw,
    /** Redraws a moment later (runs finish faster than plots are worth redrawing). */
    drawSoon() {
      timer ??= setTimeout(draw, 400);
    },
  };
}
