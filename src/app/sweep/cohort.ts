// A lesson's cohort (lesson.cohort, src/lab/cohort.ts) run on the lab's pool of sweep workers:
// controls and patients as many short runs with their own seeds, each measured like a blood
// sample; shows each marker's distribution by group and the ROC curves with AUC per marker and
// for the combined score.
import { listParameters } from '../../../sim/index';
import { cohortCsv, cohortEvaluation, etaText, fmtElapsed, parseNumber, prepareCohort, startPool, type CohortRun, type PoolHandle, type PreparedCohort } from '../../lab';
import { formatWithUnit } from '../../../viz/format';
import { saveBlob, textBlob } from '../export/download';
import { nameParam } from '../paramNames';
import { h, replace } from '../ui/dom';
import { drawDistribution, drawRoc } from './cohortCharts';
import { BROWSER_MAX_RUNS, readOneNumber } from './plan';
import { localLesson } from '../../lab/i18n/lessonOverlays';
import { num, t } from './messages';
import { startWebWorker } from './port';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { fieldNumber } from '../../i18n/i18n';

export interface CohortMount {
  /** Workers to use (the sweep form's field). */
  workers: () => number;
  /** Whether a sweep is running (one pool at a time). */
  sweepBusy: () => boolean;
  /** Tells the sweep form a cohort started or ended. */
  onBusy: (busy: boolean) => void;
  /** Pauses the live run while the cohort runs. */
  pause: () => void;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Builds the cohort section for a scenario with a lesson.cohort; returns its busy state and a stop. */
export function mountCohort(section: HTMLElement, s: ScenarioFile, m: CohortMount): { busy: () => boolean; destroy: () => void } {
  const spec = s.lesson?.cohort;
  if (!spec) {
    section.hidden = true;
    replace(section);
    return { busy: () => false, destroy: () => undefined };
  }
  section.hidden = false;
  // The engine's lesson runs; its groups' and markers' names are shown in the reader's language.
  const shown = localLesson(s);
  const shownSpec = shown.lesson?.cohort ?? spec;
  const [ref, cases] = shownSpec.groups;
  const size = h('input', { id: 'cohort-size', type: 'text', inputmode: 'numeric', class: 'num short', value: String(spec.size), 'aria-describedby': 'cohort-error' });
  const hours = h('input', { id: 'cohort-hours', type: 'text', inputmode: 'decimal', class: 'num short', value: fieldNumber(spec.hours), 'aria-describedby': 'cohort-error' });
  const use = spec.markers.map((mk, k) => h('input', { type: 'checkbox', id: `cohort-use-${k}`, checked: true }));
  const start = h('button', { type: 'button', class: 'primary', id: 'cohort-start' }, t('labtools.cohort.start'));
  const cancel = h('button', { type: 'button', id: 'cohort-cancel', disabled: true }, t('labtools.cancel'));
  const csv = h('button', { type: 'button', id: 'cohort-csv', disabled: true }, t('labtools.exportCsv'));
  const error = h('p', { class: 'error', id: 'cohort-error', role: 'alert' });
  const progress = h('progress', { id: 'cohort-progress', max: 1, value: 0, 'aria-label': t('labtools.cohort.progress') });
  const status = h('p', { class: 'cp-status', id: 'cohort-status', role: 'status', 'aria-live': 'polite' });
  const out = h('div', { class: 'cp-cohort-out', id: 'cohort-out' });
  const params = new Map(listParameters(s).map((p) => [p.path, p]));
  const changes = cases.set
    .map((c) => {
      const p = params.get(c.path);
      const value = typeof c.value === 'number' ? formatWithUnit(c.value, p?.unit ?? '') : JSON.stringify(c.value);
      return `${p ? nameParam(shown, p).full : c.path} ${p && typeof c.value === 'number' ? `${formatWithUnit(p.value, p.unit)} →` : '='} ${value}`;
    })
    .join('; ');
  replace(
    section,
    h('h3', { id: 'cohort-h' }, t('labtools.cohort.heading', { ref: ref.label, cases: cases.label })),
    h('p', { class: 'cp-note' }, t('labtools.cohort.intro', { ref: ref.label, cases: cases.label, Cases: capital(cases.label), changes: changes || t('labtools.cohort.noChanges') })),
    h('div', { class: 'cp-row' }, h('div', { class: 'cp-field' }, h('label', { for: 'cohort-size' }, t('labtools.cohort.size')), size), h('div', { class: 'cp-field' }, h('label', { for: 'cohort-hours' }, t('labtools.form.hours')), hours)),
    h('fieldset', { class: 'cp-markers' }, h('legend', {}, t('labtools.cohort.markers')), ...shownSpec.markers.map((mk, k) => h('label', { class: 'cp-check' }, use[k], `${mk.label}${mk.unit ? ` (${mk.unit})` : ''}`))),
    error,
    h('div', { class: 'cp-buttons' }, start, cancel, csv),
    progress,
    status,
    out,
  );

  let prepared: PreparedCohort | null = null;
  let runs: CohortRun[] = [];
  let pool: PoolHandle | null = null;
  let running = false;
  let started = 0;

  const show = () => {
    replace(out);
    if (!prepared || runs.length === 0) return;
    const dists = h('div', { class: 'cp-cohort-dists' });
    out.append(h('h4', {}, t('labtools.cohort.byGroup', { n: runs.length })), dists);
    shownSpec.markers.forEach((mk, k) =>
      drawDistribution(dists, {
        title: mk.label,
        unit: mk.unit,
        groups: shownSpec.groups.map((g, gi) => ({ label: g.label, values: runs.filter((r) => r.group === gi).sort((a, b) => a.k - b.k).map((r) => r.values[k]) })),
      }),
    );
    const chosen = use.map((c) => c.checked);
    const e = cohortEvaluation({ spec: shownSpec }, runs, chosen);
    if (!e || e.n.testCases < 2 || e.n.testReference < 2) {
      out.append(h('p', { class: 'cp-note' }, t('labtools.cohort.tooFew')));
      return;
    }
    const names = shownSpec.markers.filter((_, k) => chosen[k]).map((mk) => mk.label);
    const rocBox = h('div', { class: 'cp-cohort-roc-box' });
    out.append(h('h4', {}, t('labtools.cohort.rocHeading')), rocBox);
    const scoreOf = names.length === shownSpec.markers.length ? t('labtools.cohort.scoreAll') : names.length ? t('labtools.cohort.scoreOf', { markers: names.join(' + ') }) : t('labtools.cohort.scoreNone');
    drawRoc(rocBox, t('labtools.cohort.rocTitle', { ref: ref.label, cases: cases.label }), [
      ...e.markers.map((mk) => ({ label: mk.sign < 0 ? t('labtools.cohort.lowerIn', { marker: mk.label, cases: cases.label }) : mk.label, auc: mk.auc, points: mk.roc })),
      { label: scoreOf, auc: e.score.auc, points: e.score.roc, score: true },
    ]);
    const auc2 = (auc: number) => (Number.isFinite(auc) ? num(auc, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : '–');
    const table = h(
      'table',
      { class: 'cp-auc', id: 'cohort-auc' },
      h('caption', {}, t('labtools.cohort.aucCaption', { nCases: e.n.testCases, cases: cases.label, nRef: e.n.testReference, ref: ref.label, half: num(0.5) })),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('labtools.cohort.marker')), h('th', { scope: 'col' }, t('labtools.cohort.inCases', { cases: cases.label })), h('th', { scope: 'col' }, 'AUC'))),
      h(
        'tbody',
        {},
        ...e.markers.map((mk) => h('tr', {}, h('th', { scope: 'row' }, mk.label), h('td', {}, mk.sign > 0 ? t('labtools.cohort.higher') : t('labtools.cohort.lower')), h('td', { class: 'num' }, auc2(mk.auc)))),
        h('tr', { class: 'cp-auc-score' }, h('th', { scope: 'row' }, t('labtools.cohort.score')), h('td', {}, '—'), h('td', { class: 'num', id: 'cohort-score-auc' }, auc2(e.score.auc))),
      ),
    );
    out.append(table);
  };
  for (const c of use) c.addEventListener('change', show);

  const setRunning = (on: boolean) => {
    running = on;
    start.disabled = on;
    cancel.disabled = !on;
    size.disabled = on;
    hours.disabled = on;
    m.onBusy(on);
  };

  start.addEventListener('click', () => {
    if (running) return;
    if (m.sweepBusy()) {
      error.textContent = t('labtools.cohort.sweepBusy');
      return;
    }
    const n = parseNumber(size.value);
    const maxSize = Math.floor(BROWSER_MAX_RUNS / spec.groups.length);
    if (n === undefined || !Number.isInteger(n) || n < 4 || n > maxSize) {
      error.textContent = t('labtools.cohort.sizeRange', { max: maxSize, limit: BROWSER_MAX_RUNS });
      size.setAttribute('aria-invalid', 'true');
      return;
    }
    const hrs = readOneNumber(hours.value);
    if (hrs === undefined || hrs <= 0 || hrs > 1000) {
      error.textContent = t('labtools.cohort.hoursRange', { max: 1000 });
      hours.setAttribute('aria-invalid', 'true');
      return;
    }
    size.removeAttribute('aria-invalid');
    hours.removeAttribute('aria-invalid');
    try {
      prepared = prepareCohort(s, { size: n, hours: hrs });
    } catch (e) {
      error.textContent = t('labtools.cohort.cannotRun', { problem: (e as Error).message });
      return;
    }
    error.textContent = '';
    const p = prepared;
    runs = [];
    m.pause();
    setRunning(true);
    csv.disabled = true;
    progress.value = 0;
    delete status.dataset.state;
    started = performance.now();
    let drawTimer: ReturnType<typeof setTimeout> | null = null;
    status.textContent = t('labtools.cohort.running', { n: p.jobs.length });
    pool = startPool({
      start: startWebWorker,
      setup: { kind: 'cohort', cohort: p },
      tasks: p.jobs.map((job, i) => ({ run: i + 1, seed: job.seed, sets: [], job })),
      workers: m.workers(),
      onProgress: (f, done) => {
        progress.value = f;
        status.textContent = t('labtools.cohort.progressLine', { done, n: p.jobs.length, eta: etaText(f, (performance.now() - started) / 1000) });
      },
      onResult: (r) => {
        const job = p.jobs[r.run - 1];
        runs.push({ ...job, values: r.values });
        csv.disabled = false;
        drawTimer ??= setTimeout(() => {
          drawTimer = null;
          show();
        }, 500);
      },
      onEnd: (e) => {
        if (drawTimer) clearTimeout(drawTimer);
        setRunning(false);
        const secs = (performance.now() - started) / 1000;
        status.dataset.state = e.kind;
        if (e.kind === 'done') {
          progress.value = 1;
          status.textContent = t('labtools.cohort.done', { n: runs.length, time: fmtElapsed(secs) });
        } else if (e.kind === 'cancelled') status.textContent = t('labtools.cohort.cancelled', { done: runs.length, n: p.jobs.length });
        else status.textContent = t('labtools.cohort.failed', { run: e.task ? String(e.task.run) : '?', problem: e.message, n: runs.length });
        csv.disabled = runs.length === 0;
        show();
      },
    });
  });
  cancel.addEventListener('click', () => pool?.cancel());
  csv.addEventListener('click', () => {
    if (!prepared) return;
    // i18n-exempt: a file name
    saveBlob(`${s.id}-cohort.csv`, textBlob(cohortCsv(prepared, s.id, runs), 'text/csv'));
  });
  return { busy: () => running, destroy: () => pool?.cancel() };
}
