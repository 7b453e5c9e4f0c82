// The lesson's charts (viz/timeChart and viz/distanceChart): series resolved from the metric
// names, fed with the samples as they arrive, a cursor at the current time, and hover on a
// line lighting up the matching cells in the tissue view. Lessons without charts get a default set.
import type { ChartSpec } from '../../../sim/schema';
import type { Frame, Scenario } from '../../../sim/index';
import { createTimeChart, type TimeChart } from '../../../viz/timeChart';
import { createDistanceChart, profileByDistance, type DistanceChart } from '../../../viz/distanceChart';
import { createBloodPanel, type BloodPanel } from '../../../viz/bloodPanel';
import type { LoadInfo } from '../../../workers/protocol';
import type { Session } from '../session';
import { nameMetric, resolveMetrics } from '../metricNames';
import { h, replace } from './dom';
// Chart redraws run as separate small tasks, after the frame that asked for them.
import { later } from '../later';

const PROFILE_MS = 500;
const BLOOD_MS = 250;
const CURSOR_MS = 100;
/** Least time between two redraws of one chart while the run plays. */
const FEED_MS = 400;

interface Live {
  time?: { chart: TimeChart; names: string[] };
  distance?: { chart: DistanceChart; spec: ChartSpec; type: number; state: number; from: number; maxDistance: number };
}

/** Charts for a scenario without a lesson: cells by state, vesicles, and uptake by cell type. */
function defaultCharts(s: Scenario): ChartSpec[] {
  const base = { kind: 'series' as const, log: false, detectionLine: false };
  return [
    { ...base, title: 'Cells by state', metrics: Object.entries(s.cellTypes).flatMap(([id, ct]) => (ct.states.length > 1 ? ct.states.map((st) => `cells.${id}.${st}`) : [`cells.${id}`])), yLabel: 'cells' },
    { ...base, title: 'Vesicle dots', metrics: ['vesicles.tissue', 'vesicles.bound', 'vesicles.blood'], yLabel: 'dots' },
    { ...base, title: 'Taken up, by cell type', metrics: Object.keys(s.cellTypes).map((id) => `uptake.${id}`), yLabel: 'dots' },
  ];
}

export function mountCharts(root: HTMLElement, session: Session, highlight: (ids: number[] | null) => void): void {
  let live: Live[] = [];
  let blood: BloodPanel | null = null;
  let lastBlood = 0;
  let lastProfile = 0;
  let lastCursor = 0;
  let key = '';

  const build = (info: LoadInfo) => {
    for (const l of live) {
      l.time?.chart.destroy();
      l.distance?.chart.destroy();
    }
    live = [];
    replace(root);
    const s = info.scenario;
    const specs = s.lesson && s.lesson.charts.length > 0 ? s.lesson.charts : defaultCharts(s);
    for (const spec of specs) {
      // Focusable, so its content can be scrolled from the keyboard when it does not fit.
      const box = h('section', { class: 'chart-box', tabindex: 0, 'aria-label': spec.title });
      root.append(box);
      if (spec.kind === 'distance') {
        const type = info.index.cellTypes.indexOf(spec.cellType ?? '');
        const from = info.index.cellTypes.indexOf(spec.from ?? '');
        const state = type >= 0 ? info.index.states[type].indexOf(spec.state ?? '') : -1;
        const reach = Math.max(...Object.values(s.tissues).map((t) => Math.hypot(t.width, t.height) / 2));
        live.push({ distance: { chart: createDistanceChart(box, { title: spec.title, yLabel: spec.yLabel }), spec, type, state, from, maxDistance: Math.min(400, reach) } });
        continue;
      }
      const names = resolveMetrics(spec.metrics, info.seriesNames);
      const series = names.map((n) => {
        const m = nameMetric(s, info.index, n);
        return { name: n, label: m.label, colour: m.colour };
      });
      // Series of one colour (states of one cell type) are told apart by the chart's dashes.
      const chart = createTimeChart(box, {
        title: spec.title,
        yLabel: spec.yLabel,
        log: spec.log,
        detectionLimit: spec.detectionLine ? s.lesson?.detectionLimitPerMl : undefined,
        series,
      });
      chart.onHover((name) => {
        if (name === null) {
          highlight(null);
          return;
        }
        const cells = nameMetric(s, info.index, name).cells;
        const f = session.frame;
        if (!cells || !f) return;
        const ids: number[] = [];
        for (let i = 0; i < f.cells.count; i++) if (f.cells.type[i] === cells.type && (cells.state === undefined || f.cells.state[i] === cells.state)) ids.push(f.cells.id[i]);
        highlight(ids);
      });
      live.push({ time: { chart, names } });
    }
    const bloodBox = h('section', { class: 'chart-box blood-box', tabindex: 0, 'aria-label': 'Blood' });
    root.append(bloodBox);
    blood = createBloodPanel(bloodBox, s);
  };

  const feed = () => {
    live.forEach((l, i) => {
      const time = l.time;
      if (!time) return;
      later(`chart-${i}`, () => {
        if (!live.includes(l)) return;
        const values: Record<string, number[]> = {};
        for (const n of time.names) values[n] = session.series.get(n);
        time.chart.setData(session.series.t, values);
      }, session.playing ? FEED_MS : 0);
    });
  };

  const profile = (f: Frame) => {
    live.forEach((l, i) => {
      const d = l.distance;
      if (!d || d.type < 0 || d.from < 0 || d.state < 0) return;
      later(`profile-${i}`, () => {
        if (live.includes(l)) d.chart.setData(profileByDistance(f, { cellType: d.type, state: d.state, fromType: d.from, binWidth: 25, maxDistance: d.maxDistance }));
      });
    });
  };

  let shownInfo: LoadInfo | null = null;
  // A changed detection limit (a lesson setting) redraws the charts with the new line.
  session.on('scenario', (s) => {
    if (shownInfo && s.lesson?.detectionLimitPerMl !== shownInfo.scenario.lesson?.detectionLimitPerMl) {
      shownInfo = { ...shownInfo, scenario: s };
      build(shownInfo);
      feed();
    }
  });
  session.on('load', (info) => {
    shownInfo = info;
    const k = JSON.stringify([info.scenario.id, info.scenario.lesson?.charts, info.scenario.lesson?.detectionLimitPerMl, info.seriesNames]);
    if (k !== key || live.length === 0) {
      key = k;
      build(info);
    } else feed();
    lastProfile = 0;
  });
  session.on('frame', (f, grew) => {
    if (grew) feed();
    const now = performance.now();
    if (now - lastCursor > CURSOR_MS || !session.playing) {
      lastCursor = now;
      for (const l of live) l.time?.chart.setCursor(f.hours);
    }
    if (blood && (now - lastBlood > BLOOD_MS || !session.playing)) {
      lastBlood = now;
      const panel = blood;
      later('blood', () => {
        if (panel === blood) panel.update(f);
      });
    }
    if (now - lastProfile > PROFILE_MS || !session.playing) {
      lastProfile = now;
      profile(f);
    }
  });
}
