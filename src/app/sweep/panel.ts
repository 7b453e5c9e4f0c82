// "Repeat & sweep": joins its parts — the side panel and dialog (dialog.ts), the form (form.ts),
// one sweep's run (runner.ts, on the lab's pool of Web Workers), its results (resultsView.ts) and,
// for a lesson with a cohort, the cohort (cohort.ts) — to the session. A sweep runs on while the
// dialog is closed; Cancel keeps the finished runs.
import { listParameters } from '../../../sim/index';
import { formatWithUnit } from '../../../viz/format';
import { saveBlob, textBlob } from '../export/download';
import type { Session } from '../session';
import { nameParam } from '../paramNames';
import { withOverrides } from '../../lab/settings';
import { h } from '../ui/dom';
import { mountCohort } from './cohort';
import { createSweepDialog } from './dialog';
import { createSweepForm } from './form';
import { cliCommand } from './plan';
import { createResultsView } from './resultsView';
import { SweepRun } from './runner';
import { localLesson } from '../../lab/i18n/lessonOverlays';
import { t } from './messages';
import './sweep.css';
import type { ScenarioFile } from '../../../lessons/scenarioFile';

/** The side panel's line: what the dialog does for this lesson. */
function sideText(s: ScenarioFile | null): string {
  const c = s ? localLesson(s).lesson?.cohort : undefined;
  return c
    ? t('labtools.sweep.sideCohort', { size: c.size, ref: c.groups[0].label, cases: c.groups[1].label })
    : t('labtools.sweep.side');
}

/** Mounts a small side panel after `after` (the Interventions panel) with the button that opens the dialog. */
export function mountSweep(session: Session, after: HTMLElement): void {
  const form = createSweepForm();
  const view = createResultsView();
  const scenarioLine = h('p', { class: 'cp-note', id: 'sweep-scenario' });
  const cohortHook = h('section', { id: 'sweep-cohort', hidden: true });
  const start = h('button', { type: 'button', class: 'primary', id: 'sweep-start' }, t('labtools.sweep.start'));
  const cancel = h('button', { type: 'button', id: 'sweep-cancel', disabled: true }, t('labtools.cancel'));
  const csv = h('button', { type: 'button', id: 'sweep-csv', disabled: true }, t('labtools.exportCsv'));
  const progress = h('progress', { id: 'sweep-progress', max: 1, value: 0, 'aria-label': t('labtools.sweep.progress') });
  const status = h('p', { class: 'cp-status', id: 'sweep-status', role: 'status', 'aria-live': 'polite' });
  const body = h(
    'div',
    { class: 'cp-sweep-body' },
    // i18n-exempt: the command's own name
    h('p', { class: 'cp-note' }, t('labtools.sweep.intro'), ' ', h('code', {}, 'cellpost sweep'), t('labtools.sweep.introEnd')),
    scenarioLine,
    cohortHook,
    h('h3', { class: 'cp-sweep-h' }, t('labtools.sweep.heading')),
    form.element,
    form.hint,
    form.planLine,
    form.error,
    h('div', { class: 'cp-buttons' }, start, cancel, csv),
    h('details', { class: 'cp-cli' }, h('summary', {}, t('labtools.sweep.cliSummary')), h('pre', {}, form.cli)),
    progress,
    status,
    view.element,
  );
  const { openBtn, sideHelp, open } = createSweepDialog(after, body);
  sideHelp.textContent = sideText(session.base);
  session.on('load', () => (sideHelp.textContent = sideText(session.base)));

  let scenario: ScenarioFile | null = null;
  let scenarioKey = '';
  let current: SweepRun | null = null;
  // A lesson with a cohort (lesson.cohort) gets its cohort section, run in the same kind of pool.
  let cohort: ReturnType<typeof mountCohort> | null = null;
  const running = () => current?.busy ?? false;

  const setRunning = (on: boolean) => {
    form.setBusy(on);
    start.disabled = on;
    cancel.disabled = !on;
  };
  const say = (text: string, warn = false) => {
    status.textContent = text;
    status.classList.toggle('warn', warn);
  };
  const showOpenLabel = () => {
    openBtn.textContent = current?.busy ? t('labtools.sweep.openBusy', { percent: Math.floor(current.fraction * 100) }) : t('labtools.sweep.open');
  };

  /** The lesson as Reset starts it (settings applied), which is what every run of the sweep starts from. */
  const refreshScenario = () => {
    const eff = withOverrides(session.base, session.overrides);
    if ('problem' in eff) {
      scenario = null;
      scenarioLine.textContent = t('labtools.sweep.settingsInvalid', { problem: eff.problem });
      return;
    }
    const s = eff.scenario;
    // The engine's scenario runs; its names are shown in the reader's language.
    const shown = localLesson(s);
    const key = `${session.lessonId}|${JSON.stringify([...session.overrides])}`;
    const settings = [...session.overrides].map(([path, v]) => {
      const p = listParameters(s).find((x) => x.path === path);
      return p ? `${nameParam(shown, p).full} = ${formatWithUnit(v, p.unit)}` : `${path} = ${v}`;
    });
    scenarioLine.textContent = settings.length ? t('labtools.sweep.scenarioWith', { title: shown.title, id: s.id, settings: settings.join('; ') }) : t('labtools.sweep.scenario', { title: shown.title, id: s.id });
    if (key === scenarioKey && scenario) return;
    const previousId = scenario?.id ?? null;
    scenario = s;
    scenarioKey = key;
    view.setIndex(session.info?.index ?? null);
    form.fill(s, previousId);
    if (!cohort?.busy()) {
      cohort?.destroy();
      cohort = mountCohort(cohortHook, s, { workers: form.workersClamped, sweepBusy: running, onBusy: (on) => (start.disabled = on || running()), pause: () => session.pause() });
    }
  };

  /** Reads the form; shows the plan and its command line, or the first problem. */
  const check = () => {
    if (!scenario) return null;
    const plan = form.read(scenario, running());
    if (plan) form.cli.textContent = cliCommand(plan, { lessonId: session.lessonId, overrides: session.overrides });
    return plan;
  };

  const begin = () => {
    if (running()) return;
    if (cohort?.busy()) {
      form.setError(null, t('labtools.sweep.cohortBusy'));
      return;
    }
    refreshScenario();
    const plan = check();
    if (!plan) {
      if (!form.error.textContent) form.setError(null, t('labtools.sweep.cannotStart'));
      return;
    }
    const workers = form.workers();
    if (typeof workers === 'string') {
      form.setError(null, workers);
      return;
    }
    session.pause();
    delete status.dataset.state;
    delete status.dataset.runsPerMinute;
    setRunning(true);
    csv.disabled = true;
    progress.value = 0;
    const run: SweepRun = new SweepRun(plan, workers, {
      status: say,
      progress: (f) => {
        progress.value = f;
        showOpenLabel();
      },
      result: () => {
        csv.disabled = false;
        view.drawSoon();
      },
      end: (state, problem) => {
        if (current !== run) return;
        setRunning(false);
        showOpenLabel();
        if (problem) form.setError(plan.vary.length > 1 ? 'vary1' : 'vary0', problem);
        if (state === 'done') {
          progress.value = 1;
          status.dataset.runsPerMinute = String(run.perMinute);
        }
        status.dataset.state = state;
        csv.disabled = run.results.size === 0;
        view.draw();
      },
    });
    current = run;
    view.show(plan, run.results);
    void run.begin();
  };

  start.addEventListener('click', begin);
  cancel.addEventListener('click', () => current?.cancel());
  csv.addEventListener('click', () => {
    // i18n-exempt: a file name, the same as the command line writes
    if (current) saveBlob(`${current.plan.scenarioId}-sweep-${current.plan.id}.csv`, textBlob(current.results.csv(), 'text/csv'));
  });
  // Checked as the user types, a moment after the last key (a long list of values takes a few ms).
  let typing: ReturnType<typeof setTimeout> | null = null;
  for (const el of form.typed)
    el.addEventListener('input', () => {
      if (typing) clearTimeout(typing);
      typing = setTimeout(() => {
        typing = null;
        check();
      }, 120);
    });
  form.selects.forEach((sel, k) =>
    sel.addEventListener('change', () => {
      form.chose(k);
      check();
    }),
  );

  openBtn.addEventListener('click', () => {
    if (!running()) refreshScenario();
    check();
    if (!current) view.show(null, null);
    open();
  });
}
