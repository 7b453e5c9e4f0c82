// The compare dialog's chart: one metric (chosen in a list, the lesson's declared metric and
// chart metrics first) in both runs and their difference over time, with the latest values in
// words.
import { createTimeChart, type TimeChart } from '../../../viz/timeChart';
import { formatClock, formatWithUnit } from '../../../viz/format';
import { nameMetric, resolveMetrics } from '../metricNames';
import { h, replace, uid } from '../ui/dom';
import { withLabel } from './labels';
import type { PairedRunner } from './runner';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { t } from './messages';

/** Colours for the two runs and their difference (Okabe–Ito: blue, vermillion, black). */
const COLOURS = { a: '#0072B2', b: '#D55E00', diff: '#222222' };

export interface DiffChart {
  /** The metric choice and the chart, in that order. */
  els: HTMLElement[];
  /** Lists the metrics of freshly started runs and draws the chosen one. */
  reset(s: ScenarioFile, firstMetric: string | undefined, changeLabel: string): void;
  /** Redraws with the runs' series as they are now. */
  feed(): void;
  setCursor(hours: number): void;
}

export function createDiffChart(runner: PairedRunner): DiffChart {
  let scenario: ScenarioFile | null = null;
  let changeLabel = '';
  let chart: TimeChart | null = null;
  const id = uid('pm');
  const metricSel = h('select', { id });
  const box = h('div', { class: 'cp-chart' });
  const latest = h('span', { class: 'cp-note', id: 'compare-latest', 'aria-live': 'off' });
  const row = h('div', { class: 'cp-metric' }, h('span', { class: 'cp-inline' }, h('label', { for: id }, t('labtools.paired.chart')), metricSel), latest);

  const metricLabel = (name: string) => (scenario && runner.info ? nameMetric(scenario, runner.info.index, name).label : name);
  const unitOf = (name: string) => runner.series[0].units[runner.series[0].names.indexOf(name)] ?? '';

  const feed = () => {
    if (!chart) return;
    const name = metricSel.value;
    const a = runner.series[0].get(name);
    const b = runner.series[1].get(name);
    const n = Math.min(a.length, b.length, runner.series[0].t.length);
    const diff = Array.from({ length: n }, (_, i) => b[i] - a[i]);
    chart.setData(runner.series[0].t.slice(0, n), { a: a.slice(0, n), b: b.slice(0, n), diff });
    const unit = unitOf(name);
    const words = () => ({ time: formatClock(runner.series[0].t[n - 1]), without: formatWithUnit(a[n - 1], unit), with: formatWithUnit(b[n - 1], unit), diff: formatWithUnit(diff[n - 1], unit) });
    latest.textContent = n > 0 ? t('labtools.paired.latest', words()) : '';
  };

  const build = () => {
    chart?.destroy();
    const name = metricSel.value;
    chart = createTimeChart(box, {
      title: metricLabel(name),
      yLabel: unitOf(name),
      series: [
        { name: 'a', label: t('labtools.paired.withoutSeries'), colour: COLOURS.a },
        { name: 'b', label: withLabel(changeLabel), colour: COLOURS.b },
        { name: 'diff', label: t('labtools.paired.diffSeries'), colour: COLOURS.diff },
      ],
    });
    feed();
  };
  metricSel.addEventListener('change', build);

  return {
    els: [row, box],
    reset(s, firstMetric, label) {
      scenario = s;
      changeLabel = label;
      const names = runner.series[0].names;
      const lessonMetrics = resolveMetrics(
        (s.lesson?.charts ?? []).flatMap((c) => (c.kind === 'series' ? c.metrics : [])),
        names,
      );
      const first = firstMetric && names.includes(firstMetric) ? [firstMetric] : [];
      const order = [...new Set([...first, ...lessonMetrics, ...names])];
      const keep = metricSel.value;
      replace(metricSel, ...order.map((n) => h('option', { value: n }, `${metricLabel(n)} (${n})`)));
      metricSel.value = order.includes(keep) && keep !== '' ? keep : (order[0] ?? '');
      build();
    },
    feed,
    setCursor: (hours) => chart?.setCursor(hours),
  };
}
