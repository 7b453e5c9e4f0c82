// The "Repeat & sweep" dialog: choose one or two parameters with values (a list or start:end:step),
// replicates and hours; runs go to a pool of dedicated sweep workers (progress, ETA, cancel keeps
// finished runs); a chosen metric is plotted with its 95 % interval, a heat map for two parameters.
import { listParameters, type Index, type ParamInfo } from '../../../sim/index';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { formatNumber, formatWithUnit } from '../../../viz/format';
import type { Session } from '../session';
import { nameMetric, resolveMetrics } from '../metricNames';
import { nameParam } from '../paramNames';
import { withOverrides } from '../scenario';
import { h, replace, uid } from '../ui/dom';
import { fmtDuration } from './format';
import { drawHeatMap, drawLineChart } from './charts';
import { BROWSER_MAX_RUNS, cliCommand, combinationCount, combinationProblem, readPlan, runOf, type PlanField, type SweepPlan } from './plan';
import { defaultWorkers, MAX_WORKERS, startPool, type PoolHandle } from './pool';
import { SweepResults } from './results';
import { mountCohort } from './cohort';
import './sweep.css';

/** Values to start from for a parameter: half, same and double its value, within its range. */
export function defaultValues(p: ParamInfo): string {
  const clip = (x: number) => Math.min(p.max, Math.max(p.min, x));
  const round = (x: number) => (p.integer ? Math.round(x) : Number(x.toPrecision(3)));
  const raw = p.value > 0 ? [p.value / 2, p.value, p.value * 2] : [p.min, p.min + (p.max - p.min) / 4, p.min + (p.max - p.min) / 2];
  const vs = [...new Set(raw.map((x) => round(clip(x))))].filter((x) => x >= p.min && x <= p.max);
  return vs.join(', ');
}

interface Running {
  plan: SweepPlan;
  results: SweepResults;
  pool: PoolHandle | null;
  started: number;
  fraction: number;
  state: 'checking' | 'running' | 'done' | 'cancelled' | 'failed';
}

/** Mounts a small side panel after `after` (the Interventions panel) with the button that opens the dialog. */
export function mountSweep(session: Session, after: HTMLElement): void {
  const titleId = uid('sweep-title');
  const openBtn = h('button', { type: 'button', id: 'sweep-open', 'aria-haspopup': 'dialog' }, 'Repeat & sweep…');
  const sideHelp = h('p', { class: 'help', id: 'sweep-side-help' });
  // A side panel, not the header: the header has no room to spare at 1280 × 720.
  after.after(h('section', { class: 'panel cp-sweep-panel', id: 'sweep-panel', 'aria-labelledby': 'sweep-panel-h' }, h('h2', { id: 'sweep-panel-h' }, 'Many runs'), h('div', { class: 'cp-sweep-row' }, openBtn, sideHelp)));
  const describeSide = () => {
    const c = session.base?.lesson?.cohort;
    sideHelp.textContent = c
      ? `This lesson’s cohort: ${c.size} ${c.groups[0].label} and ${c.size} ${c.groups[1].label}, each a short run read like a blood sample; also sweeps of any setting.`
      : 'Run this lesson many times, over seeds and ranges of a setting, and plot the results with 95 % intervals.';
  };
  describeSide();
  session.on('load', describeSide);
  const close = h('button', { type: 'button', class: 'cp-sweep-close', 'aria-label': 'Close repeat and sweep' }, '×');
  const body = h('div', { class: 'cp-sweep-body' });
  const dialog = h('dialog', { class: 'cp-sweep', 'aria-labelledby': titleId, id: 'sweep-dialog' }, h('header', { class: 'cp-sweep-head' }, h('h2', { id: titleId }, 'Repeat & sweep'), close), body);
  // In the page only while open (its labels never meet the page's); a sweep runs on while it is closed.
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    openBtn.focus();
  });
  // The page's shortcuts (Space, →, R) listen on document: keep keys typed here from reaching them.
  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') e.stopPropagation();
  });

  // ── the form ──
  const scenarioLine = h('p', { class: 'cp-note', id: 'sweep-scenario' });
  const selects = [h('select', { id: 'sweep-param-0' }), h('select', { id: 'sweep-param-1' })];
  const valueInputs = [0, 1].map((k) => h('input', { id: `sweep-values-${k}`, type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: 'e.g. 0.5:2:0.5 or 1, 2, 5', 'aria-describedby': `sweep-help-${k} sweep-error` }));
  const helps = [0, 1].map((k) => h('p', { class: 'help', id: `sweep-help-${k}` }));
  const replicates = h('input', { id: 'sweep-replicates', type: 'text', inputmode: 'numeric', class: 'num short', value: '3', 'aria-describedby': 'sweep-error' });
  const firstSeed = h('input', { id: 'sweep-first-seed', type: 'text', inputmode: 'numeric', class: 'num short', value: '1', 'aria-describedby': 'sweep-error' });
  const hours = h('input', { id: 'sweep-hours', type: 'text', inputmode: 'decimal', class: 'num short', 'aria-describedby': 'sweep-error' });
  const cores = navigator.hardwareConcurrency || 2;
  const maxWorkers = Math.max(2, Math.min(MAX_WORKERS, cores));
  const workers = h('input', { id: 'sweep-workers', type: 'number', min: 1, max: maxWorkers, step: 1, class: 'num short', value: String(defaultWorkers(cores)) });
  const planLine = h('p', { class: 'cp-plan', id: 'sweep-plan', 'aria-live': 'polite' });
  const error = h('p', { class: 'error', id: 'sweep-error', role: 'alert' });
  const start = h('button', { type: 'button', class: 'primary', id: 'sweep-start' }, 'Start');
  const cancel = h('button', { type: 'button', id: 'sweep-cancel', disabled: true }, 'Cancel');
  const csv = h('button', { type: 'button', id: 'sweep-csv', disabled: true }, 'Export CSV');
  const cli = h('code', { id: 'sweep-cli' });
  const progress = h('progress', { id: 'sweep-progress', max: 1, value: 0, 'aria-label': 'Sweep progress' });
  const status = h('p', { class: 'cp-status', id: 'sweep-status', role: 'status', 'aria-live': 'polite' });
  const metric = h('select', { id: 'sweep-metric' });
  const charts = h('div', { class: 'cp-sweep-charts', id: 'sweep-charts' });
  const intervalNote = h(
    'p',
    { class: 'cp-note' },
    'Band and bars: the 95 % confidence interval of the mean over the replicates, mean ± t·sd/√n, with t the 97.5 % quantile of Student’s t with n − 1 degrees of freedom and sd the sample standard deviation (none with one replicate). Dots: single runs.',
  );
  const cohortHook = h('section', { id: 'sweep-cohort', hidden: true });

  const labelled = (label: string, input: HTMLElement, ...rest: HTMLElement[]) => {
    const id = input.id;
    return h('div', { class: 'cp-field' }, h('label', { for: id }, label), input, ...rest);
  };
  replace(
    body,
    h('p', { class: 'cp-note' }, 'Runs this lesson many times in the background — every combination of the values below, each with every seed — and plots a final value against the parameter. These are the same runs, with the same state hashes, as ', h('code', {}, 'cellpost sweep'), ' on the command line.'),
    scenarioLine,
    cohortHook,
    h('h3', { class: 'cp-sweep-h' }, 'Parameter sweep'),
    h(
      'div',
      { class: 'cp-sweep-form' },
      labelled('Parameter', selects[0], helps[0]),
      labelled('Values', valueInputs[0]),
      labelled('Second parameter', selects[1], helps[1]),
      labelled('Values', valueInputs[1]),
      h('div', { class: 'cp-row' }, labelled('Replicates (seeds)', replicates), labelled('First seed', firstSeed), labelled('Hours per run', hours), labelled('Workers', workers, h('span', { class: 'help' }, ` of ${cores} cores`))),
    ),
    h('p', { class: 'help' }, `Values: a list (1, 2, 5) or a range start:end:step (0.5:2:0.5 is 0.5, 1, 1.5, 2), or both. At most ${BROWSER_MAX_RUNS} runs in the browser; the command line runs bigger sweeps.`),
    planLine,
    error,
    h('div', { class: 'cp-buttons' }, start, cancel, csv),
    h('details', { class: 'cp-cli' }, h('summary', {}, 'The same sweep on the command line'), h('pre', {}, cli)),
    progress,
    status,
    h('section', { class: 'cp-results', 'aria-labelledby': 'sweep-results-h' }, h('h3', { id: 'sweep-results-h' }, 'Results'), h('div', { class: 'cp-field cp-inline' }, h('label', { for: 'sweep-metric' }, 'Metric (value at the end of each run)'), metric), charts, intervalNote),
  );

  // ── state ──
  let scenario: ScenarioFile | null = null;
  let scenarioKey = '';
  let params: ParamInfo[] = [];
  let current: Running | null = null;
  let index: Index | null = null;
  // A lesson with a cohort (lesson.cohort) gets its cohort section, run in the same worker pool.
  let cohort: ReturnType<typeof mountCohort> | null = null;

  const setError = (field: PlanField | null, message: string) => {
    error.textContent = message;
    const bad = new Map<PlanField, HTMLElement>([
      ['vary0', valueInputs[0]],
      ['vary1', valueInputs[1]],
      ['replicates', replicates],
      ['firstSeed', firstSeed],
      ['hours', hours],
      ['size', replicates],
    ]);
    for (const [f, el] of bad) if (f === field) el.setAttribute('aria-invalid', 'true');
    for (const [f, el] of bad) if (f !== field && el.getAttribute('aria-invalid')) el.removeAttribute('aria-invalid');
  };

  const paramHelp = (p: ParamInfo | undefined) => (p ? `${p.help}. Range ${formatNumber(p.min)}–${formatNumber(p.max)}${p.unit ? ` ${p.unit}` : ''}${p.integer ? ', whole numbers' : ''}; now ${formatWithUnit(p.value, p.unit)}.` : '');
  const paramOf = (k: number) => params.find((p) => p.path === selects[k].value);

  const fillSelects = (s: ScenarioFile, previousId: string | null) => {
    params = listParameters(s);
    const byPath = new Map(params.map((p) => [p.path, p]));
    const exposed = (s.lesson?.exposed ?? []).map((p) => byPath.get(p)).filter((p): p is ParamInfo => p !== undefined);
    const groups = new Map<string, ParamInfo[]>();
    for (const p of params) if (!exposed.includes(p)) groups.set(nameParam(s, p).group, [...(groups.get(nameParam(s, p).group) ?? []), p]);
    const option = (p: ParamInfo, full: boolean) => h('option', { value: p.path }, `${full ? nameParam(s, p).full : nameParam(s, p).name}${p.unit ? ` (${p.unit})` : ''}`);
    selects.forEach((sel, k) => {
      replace(
        sel,
        h('option', { value: '' }, k === 0 ? '— none: repeat the lesson as it is —' : '— none —'),
        exposed.length ? h('optgroup', { label: 'This lesson’s settings' }, ...exposed.map((p) => option(p, true))) : null,
        ...[...groups].map(([g, ps]) => h('optgroup', { label: g }, ...ps.map((p) => option(p, false)))),
      );
    });
    // Keep the user's choices when the new scenario has the same parameters (a setting changed).
    const kept = [0, 1].map((k) => (byPath.has(selects[k].dataset.chosen ?? '') ? selects[k].dataset.chosen! : null));
    selects[0].value = kept[0] ?? (exposed[0] ?? params[0])?.path ?? '';
    selects[1].value = kept[0] !== null ? (kept[1] ?? '') : '';
    if (kept[0] === null) valueInputs[0].value = paramOf(0) ? defaultValues(paramOf(0)!) : '';
    if (kept[1] === null) valueInputs[1].value = '';
    if (s.id !== previousId || !hours.value) hours.value = String(s.lesson?.hours ?? 24);
  };

  /** The lesson as Reset starts it (settings applied), which is what every run of the sweep starts from. */
  const baseScenario = (): ScenarioFile | string => {
    const eff = withOverrides(session.base, session.overrides);
    return 'problem' in eff ? eff.problem : eff.scenario;
  };

  const refreshScenario = () => {
    const s = baseScenario();
    if (typeof s === 'string') {
      scenario = null;
      scenarioLine.textContent = `The current settings are not valid, so no sweep can start: ${s}`;
      return;
    }
    const key = `${session.lessonId}|${JSON.stringify([...session.overrides])}`;
    const settings = [...session.overrides].map(([path, v]) => {
      const p = listParameters(s).find((x) => x.path === path);
      return p ? `${nameParam(s, p).full} = ${formatWithUnit(v, p.unit)}` : `${path} = ${v}`;
    });
    scenarioLine.textContent = `ScenarioFile: ${s.title} (${s.id})${settings.length ? `, with your settings: ${settings.join('; ')}` : ''}. Every run starts from the lesson’s start (as after Reset), with its own seed.`;
    if (key !== scenarioKey || !scenario) {
      const previousId = scenario?.id ?? null;
      scenario = s;
      scenarioKey = key;
      index = session.info?.index ?? null;
      fillSelects(s, previousId);
      if (!cohort?.busy()) {
        cohort?.destroy();
        cohort = mountCohort(cohortHook, s, {
          workers: () => Math.max(1, Math.min(maxWorkers, Math.round(Number(workers.value)) || 1)),
          sweepBusy: running,
          onBusy: (on) => (start.disabled = on || running()),
          pause: () => session.pause(),
        });
      }
    }
  };

  const input = () => {
    if (!scenario) return null;
    const vary = [0, 1].filter((k) => selects[k].value !== '').map((k) => ({ path: selects[k].value, text: valueInputs[k].value }));
    return { base: scenario, vary, replicates: replicates.value, firstSeed: firstSeed.value, hours: hours.value };
  };

  /** Reads the form; shows the plan or the first problem inline. */
  const check = () => {
    helps.forEach((el, k) => (el.textContent = paramHelp(paramOf(k))));
    syncDisabled();
    const i = input();
    if (!i) return null;
    const r = readPlan(i);
    if (!r.ok) {
      setError(r.field, r.message);
      planLine.textContent = '';
      cli.textContent = '';
      return null;
    }
    setError(null, '');
    const p = r.plan;
    const parts = [...p.vary.map((v) => `${v.values.length} value${v.values.length === 1 ? '' : 's'} of ${v.info.label}`), `${p.seeds.length} seed${p.seeds.length === 1 ? '' : 's'} (${p.seedsText})`];
    planLine.textContent = `${p.runs} run${p.runs === 1 ? '' : 's'}: ${parts.join(' × ')}, ${formatNumber(p.hours)} h each (${p.steps} steps).`;
    cli.textContent = cliCommand(p, { lessonId: session.lessonId, overrides: session.overrides });
    return p;
  };

  /** Values need a parameter; a second parameter needs a first. */
  const syncDisabled = () => {
    const busy = running();
    if (selects[0].value === '') selects[1].value = '';
    selects[1].disabled = busy || selects[0].value === '';
    valueInputs[0].disabled = busy || selects[0].value === '';
    valueInputs[1].disabled = busy || selects[1].value === '';
  };
  const running = () => current?.state === 'running' || current?.state === 'checking';
  const setRunning = (on: boolean) => {
    for (const el of [...selects, ...valueInputs, replicates, firstSeed, hours, workers]) el.disabled = on;
    if (!on) syncDisabled();
    start.disabled = on;
    cancel.disabled = !on;
  };

  // ── results ──
  const metricLabel = (plan: SweepPlan, k: number) => {
    const name = plan.metricNames[k];
    return index ? nameMetric(plan.base, index, name).label : name;
  };
  const fillMetrics = (plan: SweepPlan) => {
    const keep = metric.value;
    replace(metric, ...plan.metricNames.map((n, k) => h('option', { value: n }, `${metricLabel(plan, k)} (${n})`)));
    const lessonFirst = resolveMetrics(plan.base.lesson?.charts.flatMap((c) => c.metrics) ?? [], plan.metricNames)[0];
    metric.value = plan.metricNames.includes(keep) ? keep : (lessonFirst ?? plan.metricNames[0]);
  };

  const drawResults = () => {
    replace(charts);
    if (!current || current.results.size === 0) {
      charts.append(h('p', { class: 'cp-note' }, current ? 'No run has finished yet.' : 'Start a sweep to see its results here.'));
      return;
    }
    const { plan, results } = current;
    const k = plan.metricNames.indexOf(metric.value);
    if (k < 0) return;
    const unit = plan.metricUnits[k];
    const label = metricLabel(plan, k);
    const grid = results.summary(k);
    const pts = results.points(k);
    const axis = (v: SweepPlan['vary'][number]) => `${nameParam(plan.base, v.info).full}${v.info.unit ? ` (${v.info.unit})` : ''}`;
    const [v1, v2] = plan.vary;
    const yLabel = `${label}${unit ? ` (${unit})` : ''}`;
    const title = `${label} after ${formatNumber(plan.hours)} h`;
    if (!v1) {
      const c = grid[0][0];
      const xs = pts.map((q) => q.value).filter(Number.isFinite);
      const spread = Number.isFinite(c.half) ? `, 95 % interval ${formatNumber(c.lo, 4)} to ${formatNumber(c.hi, 4)}, sd ${formatNumber(c.sd, 4)}` : '';
      charts.append(h('p', { class: 'cp-repeat', id: 'sweep-repeat' }, `${title}: mean ${formatWithUnit(c.mean, unit, 4)}${spread}; lowest ${formatNumber(Math.min(...xs), 4)}, highest ${formatNumber(Math.max(...xs), 4)}; ${c.n} run${c.n === 1 ? '' : 's'}.`));
      return;
    }
    const series = v2
      ? v2.values.map((yv, j) => ({ label: formatWithUnit(yv, v2.info.unit), cells: grid.map((col) => col[j]), points: pts.filter((p) => p.j === j).map((p) => ({ i: p.i, value: p.value })) }))
      : [{ label, cells: grid.map((col) => col[0]), points: pts.map((p) => ({ i: p.i, value: p.value })) }];
    drawLineChart(charts, { title: `${title}, by ${v1.info.label}`, xLabel: axis(v1), yLabel, unit, xs: v1.values, series, seriesTitle: v2 ? nameParam(plan.base, v2.info).full : undefined });
    if (v2) drawHeatMap(charts, { title: `Mean ${label} after ${formatNumber(plan.hours)} h`, xLabel: axis(v1), yLabel: axis(v2), metric: label, unit, xs: v1.values, ys: v2.values, cells: grid });
  };
  let drawTimer: ReturnType<typeof setTimeout> | null = null;
  const drawSoon = () => {
    if (drawTimer) return;
    drawTimer = setTimeout(() => {
      drawTimer = null;
      drawResults();
    }, 400);
  };
  metric.addEventListener('change', drawResults);

  const say = (text: string, warn = false) => {
    status.textContent = text;
    status.classList.toggle('warn', warn);
  };
  const progressText = (run: Running, done: number) => {
    const elapsed = (performance.now() - run.started) / 1000;
    const f = run.fraction;
    const eta = f > 0.005 && f < 1 && elapsed > 1 ? `, about ${fmtDuration((elapsed * (1 - f)) / f)} left` : '';
    return `${done} of ${run.plan.runs} runs done, ${Math.floor(f * 100)} %${eta}.`;
  };
  const showOpenLabel = () => {
    openBtn.textContent = current && running() ? `Repeat & sweep (${Math.floor(current.fraction * 100)} %)…` : 'Repeat & sweep…';
  };

  /** Refuses a combination of two parameters that makes an invalid scenario; checked in slices so the page never freezes. */
  const checkCombinations = async (plan: SweepPlan, run: Running): Promise<string | null> => {
    if (plan.vary.length === 0) return null;
    const n = combinationCount(plan);
    let t0 = performance.now();
    for (let c = 0; c < n; c++) {
      const problem = combinationProblem(plan, c);
      if (problem) return problem;
      if (performance.now() - t0 > 30) {
        say(`Checking the ${n} combinations: ${c + 1} done…`);
        await new Promise((r) => setTimeout(r, 0));
        if (current !== run) return 'cancelled';
        t0 = performance.now();
      }
    }
    return null;
  };

  const begin = async () => {
    if (running()) return;
    if (cohort?.busy()) {
      setError(null, 'The lesson’s cohort is running: wait for it or cancel it first.');
      return;
    }
    refreshScenario();
    const plan = check();
    if (!plan) {
      if (!error.textContent) setError(null, 'The sweep cannot start: the lesson’s settings are not valid.');
      return;
    }
    const nWorkers = Number(workers.value);
    if (!Number.isInteger(nWorkers) || nWorkers < 1 || nWorkers > maxWorkers) {
      setError(null, `Workers must be a whole number from 1 to ${maxWorkers}.`);
      return;
    }
    session.pause();
    const run: Running = { plan, results: new SweepResults(plan), pool: null, started: performance.now(), fraction: 0, state: 'checking' };
    current = run;
    delete status.dataset.state;
    delete status.dataset.runsPerMinute;
    setRunning(true);
    csv.disabled = true;
    progress.value = 0;
    fillMetrics(plan);
    drawResults();
    const problem = await checkCombinations(plan, run);
    if (current !== run) return;
    if (problem) {
      run.state = 'failed';
      setRunning(false);
      setError(plan.vary.length > 1 ? 'vary1' : 'vary0', problem === 'cancelled' ? '' : problem);
      say(problem === 'cancelled' ? 'Cancelled.' : 'The sweep did not start.', problem !== 'cancelled');
      return;
    }
    run.state = 'running';
    run.started = performance.now();
    const tasks = [];
    for (let r = 1; r <= plan.runs; r++) {
      const { seed, sets } = runOf(plan, r);
      tasks.push({ run: r, seed, sets });
    }
    const warned: string[] = [];
    say(`Starting ${plan.runs} runs on ${Math.min(nWorkers, plan.runs)} worker${Math.min(nWorkers, plan.runs) === 1 ? '' : 's'}…`);
    run.pool = startPool({
      setup: { base: plan.base, steps: plan.steps },
      tasks,
      workers: nWorkers,
      onProgress: (f, done) => {
        run.fraction = f;
        progress.value = f;
        say(progressText(run, done));
        showOpenLabel();
      },
      onResult: (r) => {
        run.results.add(r.run, r.names, r.values, r.hash, r.warnings);
        for (const w of r.warnings) if (warned.length < 3) warned.push(`run ${r.run}: ${w}`);
        csv.disabled = false;
        drawSoon();
      },
      onEnd: (e) => {
        if (current !== run) return;
        const seconds = (performance.now() - run.started) / 1000;
        const n = run.results.size;
        run.state = e.kind === 'done' ? 'done' : e.kind === 'cancelled' ? 'cancelled' : 'failed';
        setRunning(false);
        showOpenLabel();
        const perMin = n > 0 ? (n * 60) / seconds : 0;
        const note = warned.length ? ` Engine warnings: ${warned.join('; ')}${[...run.results.rows.values()].filter((x) => x.warnings.length).length > warned.length ? ' …' : ''}.` : '';
        if (e.kind === 'done') {
          progress.value = 1;
          status.dataset.runsPerMinute = String(Number(perMin.toPrecision(3)));
          say(`Done: ${n} runs in ${seconds < 60 ? `${seconds.toFixed(1)} s` : fmtDuration(seconds)} (${Number(perMin.toPrecision(3))} runs per minute on ${run.pool?.workers ?? nWorkers} worker${(run.pool?.workers ?? nWorkers) === 1 ? '' : 's'}).${note}`);
        } else if (e.kind === 'cancelled') {
          say(`Cancelled: ${n} of ${plan.runs} runs had finished and are kept (plots and Export CSV); the runs in progress were stopped.${note}`);
        } else {
          const what = e.task ? `Run ${e.task.run} (seed ${e.task.seed}${e.task.sets.map((o) => `, ${o.path} = ${String(o.value)}`).join('')})` : 'A run';
          say(`${what} failed: ${e.message}. The ${n} runs that finished are kept.`, true);
        }
        status.dataset.state = run.state;
        csv.disabled = n === 0;
        if (drawTimer) clearTimeout(drawTimer);
        drawTimer = null;
        drawResults();
      },
    });
  };

  start.addEventListener('click', () => void begin());
  cancel.addEventListener('click', () => {
    if (!current || !running()) return;
    if (current.pool) current.pool.cancel();
    else {
      current.state = 'cancelled';
      setRunning(false);
      say('Cancelled before any run started.');
    }
  });
  csv.addEventListener('click', () => {
    if (!current) return;
    const blob = new Blob([current.results.csv()], { type: 'text/csv' });
    const a = h('a', { href: URL.createObjectURL(blob), download: `${current.plan.scenarioId}-sweep-${current.plan.id}.csv` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  });
  // Checked as the user types, a moment after the last key (a long list of values takes a few ms).
  let typing: ReturnType<typeof setTimeout> | null = null;
  for (const el of [...valueInputs, replicates, firstSeed, hours])
    el.addEventListener('input', () => {
      if (typing) clearTimeout(typing);
      typing = setTimeout(() => {
        typing = null;
        check();
      }, 120);
    });
  selects.forEach((sel, k) =>
    sel.addEventListener('change', () => {
      sel.dataset.chosen = sel.value;
      const p = paramOf(k);
      valueInputs[k].value = p ? defaultValues(p) : '';
      check();
    }),
  );

  openBtn.addEventListener('click', () => {
    if (!running()) refreshScenario();
    check();
    if (!current) drawResults();
    if (!dialog.isConnected) document.body.append(dialog);
    if (!dialog.open) dialog.showModal();
  });
}
