// The lesson's charts (viz/timeChart, viz/distanceChart, the blood panel), one at a time in a card
// with ‹ › to page through them, each filling the card: series fed as samples arrive, a cursor at the
// current time, hover on a line lighting up its cells, and a learner's sketches of expected curves.
// Lessons without charts get a default set.
import type { ChartSpec } from '../../../lessons/schema';
import type { Frame } from '../../../sim/index';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { setText } from '../../../viz/dom';
import { createTimeChart, type TimeChart } from '../../../viz/timeChart';
import type { SketchInput } from '../../../viz/sketchLayer';
import { createDistanceChart, profileByDistance, type DistanceChart } from '../../../viz/distanceChart';
import { createBloodPanel, type BloodPanel } from '../../../viz/bloodPanel';
import type { LoadInfo } from '../../../workers/protocol';
import type { Session } from '../session';
import { nameMetric, resolveMetrics } from '../metricNames';
import { h, replace, uid } from './dom';
// Chart redraws run as separate small tasks, after the frame that asked for them.
import { later } from '../later';
import { afterNextDraw } from '../loadMilestones';
import { t } from '../../i18n/i18n';

const PROFILE_MS = 500;
const BLOOD_MS = 250;
const CURSOR_MS = 100;
/** Least time between two redraws of one chart while the run plays. */
const FEED_MS = 400;
/**
 * The same for the charts on the pages not shown (kept fresh for export, and redrawn at once when
 * their page is shown): each redraw costs the page a layout, and a slow laptop felt every one.
 */
const HIDDEN_FEED_MS = 3000;

interface Live {
  time?: { chart: TimeChart; names: string[] };
  distance?: { chart: DistanceChart; spec: ChartSpec; type: number; state: number; from: number; maxDistance: number };
}

/** Charts for a scenario without a lesson: cells by state, vesicles, and uptake by cell type. */
function defaultCharts(s: ScenarioFile): ChartSpec[] {
  const base = { kind: 'series' as const, log: false, detectionLine: false };
  return [
    { ...base, title: t('charts.cellsByState'), metrics: Object.entries(s.cellTypes).flatMap(([id, ct]) => (ct.states.length > 1 ? ct.states.map((st) => `cells.${id}.${st}`) : [`cells.${id}`])), yLabel: t('charts.cells') },
    { ...base, title: t('charts.vesicleDots'), metrics: ['vesicles.tissue', 'vesicles.bound', 'vesicles.blood'], yLabel: t('charts.dots') },
    { ...base, title: t('charts.takenUp'), metrics: Object.keys(s.cellTypes).map((id) => `uptake.${id}`), yLabel: t('charts.dots') },
  ];
}

/** A page of the card that is not a chart of the run (e.g. a lesson's inline cohort), placed at `at`. */
export interface ExtraPage {
  title: string;
  /** Its place among the lesson's charts (0: first). */
  at: number;
  /** Fills the page's box; `showMe` turns the card to it. Returns a cleanup for the next build. */
  mount(box: HTMLElement, showMe: () => void): () => void;
}

export interface Charts {
  /** Builds the charts again (after the page's text size changed). */
  rebuild(): void;
  /** Draws a learner's sketch (by key) on the chart that shows `metric`; null removes it. Kept across rebuilds. */
  setSketch(key: string, metric: string, s: SketchInput | null): void;
  /** Turns the card to the first chart that shows `metric`; false when none does. */
  showMetric(metric: string): boolean;
  /** Focuses the first movable point of a sketch on the chart shown; false when there is none. */
  focusSketch(): boolean;
}

export function mountCharts(root: HTMLElement, session: Session, highlight: (ids: number[] | null) => void, extra: (info: LoadInfo) => ExtraPage[] = () => []): Charts {
  let live: Live[] = [];
  let unmount: (() => void)[] = [];
  let boxes: HTMLElement[] = [];
  let shown = 0;
  let titles: string[] = [];
  /** Sketches by key, with the metric whose chart draws them. */
  const sketches = new Map<string, { metric: string; input: SketchInput }>();
  /** The page of each chart (its box's index). */
  const pageOf = new Map<Live, number>();
  /** The series each time chart's page shows, known before the chart is made. */
  const namesOf = new Map<number, string[]>();
  const prev = h('button', { type: 'button', class: 'pager', id: 'chart-prev', 'aria-label': t('charts.previous') }, '‹');
  const next = h('button', { type: 'button', class: 'pager', id: 'chart-next', 'aria-label': t('charts.next') }, '›');
  const count = h('span', { class: 'chart-count' });
  const name = h('span', { class: 'chart-name' });
  // Says the new chart's title when the learner pages (the chart's own title is kept for export).
  const title = h('p', { class: 'chart-title', id: uid('chart-title'), 'aria-live': 'polite' }, count, name);
  const pager = h('div', { class: 'chart-pager' }, prev, title, next);
  const pages = h('div', { class: 'chart-pages' });
  root.append(pager, pages);

  /** Pages whose chart is not built yet, by page: each is built in a task of its own, or when shown. */
  const unbuilt = new Map<number, () => void>();
  const buildPage = (k: number) => {
    const make = unbuilt.get(k);
    if (!make) return;
    unbuilt.delete(k);
    make();
  };
  /**
   * Builds the next unbuilt page, one per task, until none is left (a new build starts its own):
   * the page shown first, then the others in order.
   */
  const buildRest = (gen: number) => {
    if (gen !== buildGen) return;
    const next = unbuilt.keys().next();
    if (next.done) return;
    buildPage(unbuilt.has(shown) ? shown : next.value);
    if (unbuilt.size > 0) later('charts-rest', () => buildRest(gen));
  };
  let buildGen = 0;

  /** Shows page `k`, built at once unless `soon` (then the next of the pages' own tasks builds it). */
  const show = (k: number, soon = false) => {
    if (boxes.length === 0) return;
    shown = (k + boxes.length) % boxes.length;
    boxes.forEach((b, i) => (b.hidden = i !== shown));
    if (!soon) buildPage(shown);
    setText(count, `${shown + 1}/${boxes.length}`);
    setText(name, titles[shown] ?? '');
    // A long title may be cut to two lines on a small screen: the whole of it for a pointer too.
    name.title = titles[shown] ?? '';
    const one = boxes.length < 2;
    prev.hidden = one;
    next.hidden = one;
  };
  // A chart whose page was hidden is redrawn at once when it is shown (it was fed less often).
  const showFed = (k: number) => {
    show(k);
    feed();
    if (session.frame) {
      profile(session.frame);
      if (bloodBox && !bloodBox.hidden) blood?.update(session.frame);
    }
  };
  prev.addEventListener('click', () => showFed(shown - 1));
  next.addEventListener('click', () => showFed(shown + 1));
  let blood: BloodPanel | null = null;
  let bloodBox: HTMLElement | null = null;
  let lastBlood = 0;
  let lastProfile = 0;
  let lastCursor = 0;
  let key = '';

  /**
   * Builds the card's pages for a run: their boxes now, each page's chart in a task of its own after
   * this one (the page shown first; the others hidden, so they are not laid out as they are made),
   * or at once when shown or asked for.
   */
  const build = (info: LoadInfo) => {
    buildGen++;
    unbuilt.clear();
    for (const l of live) {
      l.time?.chart.destroy();
      l.distance?.chart.destroy();
    }
    for (const u of unmount) u();
    unmount = [];
    live = [];
    pageOf.clear();
    boxes = [];
    titles = [];
    replace(pages);
    const s = info.scenario;
    const specs = s.lesson && s.lesson.charts.length > 0 ? s.lesson.charts : defaultCharts(s);
    const extras = extra(info);
    const first = shown;
    const newBox = (label: string, cls = 'chart-box') => {
      const box = h('section', { class: cls, 'aria-label': label, hidden: boxes.length !== first });
      pages.append(box);
      boxes.push(box);
      titles.push(label);
      return box;
    };
    // An extra page (a lesson's inline cohort) is filled in a task of its own after the pages' boxes:
    // filled here, its first words (the page's first plural message parsed) made this task 35–50 ms
    // of CPU at 4× in autoimmune-signature, in the first second after the first picture.
    const gen = buildGen;
    const addExtras = (k: number) => {
      for (const x of extras.filter((e) => e.at === k)) {
        const box = newBox(x.title);
        const page = boxes.length - 1;
        let undo: (() => void) | null = null;
        let gone = false;
        later(`chartExtra${page}`, () => {
          if (!gone && gen === buildGen) undo = x.mount(box, () => show(page));
        });
        unmount.push(() => {
          gone = true;
          undo?.();
        });
      }
    };
    const makeChart = (spec: ChartSpec, box: HTMLElement, page: number) => {
      if (spec.kind === 'distance') {
        const type = info.index.cellTypes.indexOf(spec.cellType ?? '');
        const from = info.index.cellTypes.indexOf(spec.from ?? '');
        const state = type >= 0 ? info.index.states[type].indexOf(spec.state ?? '') : -1;
        const reach = Math.max(...Object.values(s.tissues).map((t) => Math.hypot(t.width, t.height) / 2));
        const distanceEntry: Live = { distance: { chart: createDistanceChart(box, { title: spec.title, yLabel: spec.yLabel, height: 'fill' }), spec, type, state, from, maxDistance: Math.min(400, reach) } };
        live.push(distanceEntry);
        pageOf.set(distanceEntry, page);
        if (!building && session.frame) profile(session.frame);
        return;
      }
      const names = namesOf.get(page) ?? [];
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
        note: spec.note,
        series,
        height: 'fill',
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
      const entry: Live = { time: { chart, names } };
      live.push(entry);
      pageOf.set(entry, page);
      for (const [k, sk] of sketches) if (names.includes(sk.metric)) chart.setSketch(k, sk.input);
      // A chart made after the others were fed gets the run so far at once.
      if (!building) {
        feedOne(entry, live.length - 1);
        if (session.frame) chart.setCursor(session.frame.hours);
      }
    };
    namesOf.clear();
    for (const [k, spec] of specs.entries()) {
      addExtras(k);
      const box = newBox(spec.title);
      const page = boxes.length - 1;
      if (spec.kind !== 'distance') namesOf.set(page, resolveMetrics(spec.metrics, info.seriesNames));
      unbuilt.set(page, () => makeChart(spec, box, page));
    }
    for (const k of new Set(extras.map((e) => e.at).filter((a) => a >= specs.length))) addExtras(k);
    const bloodPage = newBox(t('charts.blood'), 'chart-box blood-box');
    bloodBox = bloodPage;
    blood = null;
    unbuilt.set(boxes.length - 1, () => {
      blood = createBloodPanel(bloodPage, s);
      if (!building && session.frame) blood.update(session.frame);
    });
    // The shown page's chart too is made in a task of its own after this one (the pages' boxes, the
    // pager and every page's series names here; a chart made and fed there: 20–35 ms of CPU at 4×).
    show(Math.min(shown, boxes.length - 1), true);
    if (unbuilt.size > 0) later('charts-rest', () => buildRest(gen));
  };

  const feedOne = (l: Live, i: number) => {
    const time = l.time;
    if (!time) return;
    later(`chart-${i}`, () => {
      if (!live.includes(l)) return;
      const values: Record<string, number[]> = {};
      for (const n of time.names) values[n] = session.series.get(n);
      time.chart.setData(session.series.t, values);
    }, session.playing ? (pageOf.get(l) === shown ? FEED_MS : HIDDEN_FEED_MS) : 0);
  };
  const feed = () => live.forEach(feedOne);

  const profile = (f: Frame) => {
    live.forEach((l, i) => {
      const d = l.distance;
      if (!d || d.type < 0 || d.from < 0 || d.state < 0) return;
      // A hidden page's profile waits until the run pauses or the page is shown.
      if (session.playing && pageOf.get(l) !== shown) return;
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
      if (building) return;
      build(shownInfo);
      feed();
    }
  });
  // A new run's charts are built after its first picture is drawn, in tasks of their own: building
  // them (several forced layouts) in the task that opened the run made it the longest of the page's
  // load, and building them before the run's first frame was drawn put the picture off.
  let building = false;
  const buildShown = () => {
    building = false;
    const info = shownInfo;
    if (!info) return;
    const k = JSON.stringify([info.scenario.id, info.scenario.lesson?.charts, info.scenario.lesson?.detectionLimitPerMl, info.seriesNames]);
    if (k !== key || live.length === 0) {
      if (JSON.parse(key || '[null]')[0] !== info.scenario.id) shown = 0;
      key = k;
      build(info);
    }
    feed();
    lastProfile = 0;
    const f = session.frame;
    if (f) {
      if (blood) later('blood', () => blood?.update(f));
      profile(f);
      for (const l of live) l.time?.chart.setCursor(f.hours);
    }
  };
  session.on('load', (info) => {
    shownInfo = info;
    building = true;
    afterNextDraw(session, 'charts-build', buildShown);
  });
  session.on('frame', (f, grew) => {
    if (building) return;
    if (grew) feed();
    const now = performance.now();
    if (now - lastCursor > CURSOR_MS || !session.playing) {
      lastCursor = now;
      for (const l of live) l.time?.chart.setCursor(f.hours);
    }
    const bloodGap = bloodBox?.hidden ? HIDDEN_FEED_MS : BLOOD_MS;
    if (blood && (now - lastBlood > bloodGap || !session.playing)) {
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

  const chartOf = (metric: string) => live.find((l) => l.time?.names.includes(metric));
  /** The page of the first chart that shows `metric`, built or not. */
  const pageShowing = (metric: string) => [...namesOf].find(([, names]) => names.includes(metric))?.[0];

  return {
    setSketch(key, metric, input) {
      const before = sketches.get(key);
      if (input) sketches.set(key, { metric, input });
      else sketches.delete(key);
      if (before && before.metric !== metric) chartOf(before.metric)?.time?.chart.setSketch(key, null);
      chartOf(metric)?.time?.chart.setSketch(key, input);
    },
    showMetric(metric) {
      const page = pageShowing(metric);
      if (page === undefined) return false;
      showFed(page);
      return true;
    },
    focusSketch() {
      buildPage(shown);
      const l = live.find((x) => x.time && pageOf.get(x) === shown);
      return l?.time?.chart.focusSketch() ?? false;
    },
    rebuild() {
      if (!shownInfo) return;
      build(shownInfo);
      feed();
      if (session.frame) {
        blood?.update(session.frame);
        profile(session.frame);
        for (const l of live) l.time?.chart.setCursor(session.frame.hours);
      }
    },
  };
}
