// A lesson's small cohort on the Learn screen (lesson.cohort.inline): the lab's cohort code
// (src/lab/cohort.ts) run in the sweep worker pool as soon as the lesson opens, shown as a page of
// the chart card — each person a dot per marker and for the score, patients against healthy, with
// the AUC in words. Single markers show once the run reaches the prompt that asks about them, the
// score at the last prompt, so the card never answers a question before it is asked.
import { splitHalves, startPool, type CohortRun, type Evaluation, type PoolHandle, type PreparedCohort } from '../../lab';
import { schemaTools } from '../schemaTools';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import type { LoadInfo } from '../../../workers/protocol';
import type { Session } from '../session';
import { defaultWorkers, startWebWorker } from '../sweep/port';
import { h, replace } from '../ui/dom';
import { setAttr, setText } from '../../../viz/dom';
import type { ExtraPage } from '../ui/charts';
import { drawStrip, stripPlace, type StripData } from './strips';
import { aucMeaning, aucShort } from './words';
import { t } from '../../i18n/i18n';
import { later } from '../later';
import './cohortInline.css';

/** Workers the inline cohort uses at most (the live run needs a core too). */
const MAX_INLINE_WORKERS = 2;

export interface InlineCohort {
  /** The chart-card page of a lesson with an inline cohort, or null. */
  page(info: LoadInfo): ExtraPage | null;
  /** The last finished cohort's evaluation (tests and the describer read it). */
  readonly evaluation: Evaluation | null;
}

/** 0: nothing shown yet, 1: single markers, 2: markers and score. */
type Level = 0 | 1 | 2;

export function createInlineCohort(session: Session): InlineCohort {
  let key = '';
  let pool: PoolHandle | null = null;
  let prepared: PreparedCohort | null = null;
  let runs: CohortRun[] = [];
  let state: 'idle' | 'running' | 'done' | 'failed' = 'idle';
  let failure = '';
  let evaluation: Evaluation | null = null;
  let box: HTMLElement | null = null;
  let showMe: (() => void) | null = null;
  let level: Level = 0;
  let scenario: ScenarioFile | null = null;

  const spec = () => scenario?.lesson?.cohort;
  const levelAt = (hours: number): Level => {
    const inline = spec()?.inline;
    if (!inline) return 0;
    // A little slack: the run stops at a prompt's tick, whose hours may round just below it.
    const eps = 1e-6;
    return hours + eps >= inline.scoreAtHours ? 2 : hours + eps >= inline.markersAtHours ? 1 : 0;
  };

  const start = (s: ScenarioFile, seed: string) => {
    pool?.cancel();
    pool = null;
    runs = [];
    evaluation = null;
    failure = '';
    const inline = s.lesson?.cohort?.inline;
    if (!inline) {
      state = 'idle';
      return;
    }
    try {
      prepared = schemaTools().prepareCohort(s, { size: inline.size, baseSeed: seed });
    } catch (e) {
      state = 'failed';
      failure = e instanceof Error ? e.message : String(e);
      render();
      return;
    }
    const p = prepared;
    state = 'running';
    render();
    const mine = startPool({
      start: startWebWorker,
      setup: { kind: 'cohort', cohort: p },
      tasks: p.jobs.map((job, i) => ({ run: i + 1, seed: job.seed, sets: [], job })),
      workers: Math.min(MAX_INLINE_WORKERS, defaultWorkers()),
      onProgress: () => renderProgress(),
      onResult: (r) => {
        runs.push({ ...p.jobs[r.run - 1], values: r.values });
        renderProgress();
      },
      onEnd: (e) => {
        if (pool !== mine) return;
        pool = null;
        if (e.kind === 'done') {
          state = 'done';
          evaluation = schemaTools().evaluateCohort({ runs });
          // Finished after the run reached a prompt that shows results: turn the card to them.
          if (level > 0) queueMicrotask(() => showMe?.());
        } else if (e.kind === 'failed') {
          state = 'failed';
          failure = e.message;
        } else state = 'idle';
        render();
      },
    });
    pool = mine;
  };

  const people = () => (prepared ? prepared.jobs.length : 0);

  const statusText = (): string => {
    const p = prepared;
    const c = spec();
    if (!p || !c) return '';
    const [ref, cases] = c.groups;
    if (state === 'running') return t('cohortInline.testing', { people: people(), size: p.size, cases: cases.label, ref: ref.label, hours: p.hours });
    if (state === 'failed') return t('cohortInline.failed', { people: people(), problem: failure });
    if (state === 'done') return t('cohortInline.tested', { people: people(), hours: p.hours });
    return '';
  };

  const countText = () => (state === 'running' ? t('cohortInline.count', { done: runs.length, people: people() }) : '');

  /** The bar and the count after each run (the page's kept elements, written only where they changed). */
  const renderProgress = () => {
    if (!parts || parts.box !== box) return;
    const value = people() ? runs.length / people() : 0;
    if (parts.bar.value !== value) parts.bar.value = value;
    // The count is not in the live status, so a screen reader hears the start and the end, not every run.
    setText(parts.count, countText());
  };

  /** The strips drawn for one evaluation, by marker (or 'score'): the score's prompt adds its strip to the markers' as they are. */
  let strips = new Map<number | 'score', SVGSVGElement>();
  let stripsOf: Evaluation | null = null;
  /** Strips still to draw for the rows on show, each in a task of its own (a strip is ~10 ms of a slow laptop's time). */
  let pending: { place: SVGSVGElement; k: number | 'score'; data: () => StripData }[] = [];
  const drawPending = () => {
    const next = pending.shift();
    if (!next) return;
    // The row may have been replaced meanwhile (a newer render): then its strip waits for that render.
    if (next.place.isConnected && stripsOf) {
      const s = drawStrip(next.data());
      strips.set(next.k, s);
      next.place.replaceWith(s);
    }
    if (pending.length > 0) later('cohort-strip', drawPending);
  };
  /** A kept strip, or a blank of the same size that its strip replaces in a later task. */
  const strip = (e: Evaluation, k: number | 'score', data: () => StripData): SVGSVGElement => {
    if (stripsOf !== e) {
      strips = new Map();
      stripsOf = e;
    }
    const kept = strips.get(k);
    if (kept) return kept;
    const place = stripPlace();
    pending.push({ place, k, data });
    later('cohort-strip', drawPending);
    return place;
  };

  /** One row of the page: a marker's (or the score's) name, its AUC or when it shows, and its strip once open. */
  type Row = { row: HTMLElement; name: HTMLElement; auc: HTMLElement };
  /**
   * The page's elements, made once per lesson and box and written in place by `render`: a stop that
   * opens the strips changes texts and adds a strip, instead of rebuilding every row around the
   * kept strips (which laid out ~410 of the page's ~470 boxes anew, 21–50 ms of a frame at 4×).
   */
  let parts: { box: HTMLElement; of: object; status: HTMLElement; count: HTMLElement; bar: HTMLProgressElement; keyRef: HTMLElement; keyCase: HTMLElement; keyAxis: HTMLElement; rows: Row[]; score: Row; words: HTMLElement } | null = null;
  const makeRow = (cls: string, marker: string): Row => {
    const name = h('span', { class: 'ic-name' });
    const auc = h('span', { class: 'ic-auc' });
    return { row: h('div', { class: cls, 'data-marker': marker }, h('p', { class: 'ic-label' }, name, auc)), name, auc };
  };
  const partsFor = (b: HTMLElement, c: NonNullable<ReturnType<typeof spec>>) => {
    if (parts && parts.box === b && parts.of === c) return parts;
    const made = {
      box: b,
      of: c,
      status: h('p', { class: 'ic-status', role: 'status' }),
      count: h('span', { class: 'ic-count', 'aria-hidden': 'true' }),
      bar: h('progress', { class: 'ic-progress', max: 1, value: 0, 'aria-label': t('cohortInline.progress') }),
      keyRef: h('span', { class: 'ic-key-ref' }),
      keyCase: h('span', { class: 'ic-key-case' }),
      keyAxis: h('span', { class: 'ic-key-axis' }),
      rows: c.markers.map((_, k) => makeRow('ic-row', String(k))),
      score: makeRow('ic-row ic-score', 'score'),
      words: h('p', { class: 'ic-words' }),
    };
    replace(b, made.status, made.count, made.bar, h('p', { class: 'ic-key' }, made.keyRef, made.keyCase, made.keyAxis), h('div', { class: 'ic-rows' }, ...made.rows.map((r) => r.row), made.score.row), made.words);
    parts = made;
    return made;
  };
  /** Puts `want` (a strip, or nothing) after the row's label, in place of the strip it had. */
  const setStrip = (r: Row, want: SVGSVGElement | null) => {
    const had = r.row.querySelector(':scope > svg');
    if (had === want) return;
    had?.remove();
    if (want) r.row.append(want);
  };

  const render = () => {
    pending = [];
    if (!box || !scenario) return;
    const c = spec();
    const p = prepared;
    if (!c || !c.inline) return;
    const inline = c.inline;
    const [ref, cases] = c.groups;
    const el = partsFor(box, c);
    setText(el.status, statusText());
    // Once done, the page's title and the key say it; the status stays for screen readers.
    el.status.classList.toggle('ic-quiet', state === 'done');
    el.bar.hidden = state !== 'running';
    renderProgress();
    setText(el.keyRef, `● ${ref.label}`);
    setText(el.keyCase, `▲ ${cases.label}`);
    setText(el.keyAxis, t('cohortInline.axis', { n: people() / 2 }));
    const e = evaluation;
    const shownLevel = state === 'done' ? level : 0;
    const when = (hours: number) => t('cohortInline.shownAt', { hours });
    // Each group's test half, worked out once per render (not once per marker).
    const halves: number[][][] = [];
    const testRows = (g: number) => (halves[g] ??= p ? splitHalves(schemaTools().groupRows({ runs }, g)).test : []);
    c.markers.forEach((mk, k) => {
      const open = shownLevel >= 1 && e !== null;
      const auc = open ? e.markers[k].auc : NaN;
      const r = el.rows[k];
      setAttr(r.row, 'data-auc', open ? String(auc) : '');
      setText(r.name, mk.label);
      setText(r.auc, open ? aucShort(auc) : when(inline.markersAtHours));
      setStrip(r, open ? strip(e, k, () => ({ label: mk.label, reference: testRows(0).map((x) => x[k]), cases: testRows(1).map((x) => x[k]), refLabel: ref.label, caseLabel: cases.label, auc })) : null);
    });
    const scoreOpen = shownLevel >= 2 && e !== null;
    setAttr(el.score.row, 'data-auc', scoreOpen ? String(e.score.auc) : '');
    setText(el.score.name, t('cohortInline.scoreOfAll', { n: c.markers.length }));
    setText(el.score.auc, scoreOpen ? aucShort(e.score.auc) : when(inline.scoreAtHours));
    setStrip(el.score, scoreOpen ? strip(e, 'score', () => ({ label: t('cohortInline.theScore'), reference: e.score.reference, cases: e.score.cases, refLabel: ref.label, caseLabel: cases.label, auc: e.score.auc })) : null);
    let words = '';
    if (e && shownLevel >= 1) {
      let best = 0;
      e.markers.forEach((m, k) => {
        if (m.auc > e.markers[best].auc) best = k;
      });
      const bestMarker = { label: c.markers[best].label, auc: e.markers[best].auc };
      words = scoreOpen ? aucMeaning({ label: t('cohortInline.theScore'), auc: e.score.auc }, bestMarker, cases.label, ref.label) : aucMeaning(bestMarker, null, cases.label, ref.label);
    }
    setText(el.words, words);
  };

  session.on('load', (info) => {
    scenario = info.scenario;
    const s = session.base;
    const inline = s?.lesson?.cohort?.inline;
    const k = inline ? JSON.stringify([s.id, info.seed, s.lesson?.cohort]) : '';
    level = levelAt(info.tick === 0 ? 0 : (session.frame?.hours ?? 0));
    if (k !== key) {
      key = k;
      if (inline) start(s, info.seed);
      else {
        pool?.cancel();
        pool = null;
        prepared = null;
        state = 'idle';
      }
    }
    render();
  });
  // A new level comes with a prompt's stop, whose card is built in the same task: the strips are
  // drawn (and the card's page turned to them) in a task of their own after it.
  session.on('frame', (f) => {
    const next = levelAt(f.hours);
    if (next === level) return;
    const rose = next > level;
    level = next;
    later('cohort-inline', () => {
      render();
      if (rose && state === 'done') showMe?.();
    });
  });

  return {
    page(info) {
      const c = info.scenario.lesson?.cohort;
      if (!c?.inline) return null;
      return {
        title: t('cohortInline.title', { people: c.inline.size * 2 }),
        at: 0,
        mount(el, show) {
          box = el;
          showMe = show;
          el.classList.add('ic-page');
          render();
          return () => {
            if (box === el) {
              box = null;
              showMe = null;
            }
          };
        },
      };
    },
    get evaluation() {
      return evaluation;
    },
  };
}
