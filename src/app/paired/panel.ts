// The "Compare with a change" dialog (paired what-if runs): two copies of the run with the same
// seed, one with a chosen intervention or setting, advancing in lockstep side by side, with one
// chart of a metric in both runs and their difference. Opened from the Interventions panel; a
// lesson that declares `lesson.paired` gets a button for its own comparison there.
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { LESSON_FILES } from '../../../lessons/index';
import { createTissueView, type TissueView } from '../../../viz/tissueView';
import { createTimeChart, type TimeChart } from '../../../viz/timeChart';
import { formatClock, formatNumber, formatWithUnit } from '../../../viz/format';
import type { Session } from '../session';
import { nameMetric, resolveMetrics } from '../metricNames';
import { nameParam } from '../paramNames';
import { withOverrides } from '../scenario';
import { h, replace, uid } from '../ui/dom';
import { SPEEDS, formatSpeed } from '../ui/units';
import { makeDialog } from '../export/dialog';
import { PairedRunner, type PairStart } from './runner';
import { changeChoices, comparableSettings, lessonPaired, pairSetup, type Change, type ChangeChoice, type PairedDecl } from './spec';
import './paired.css';

/** Colours for the two runs and their difference (Okabe–Ito: blue, vermillion, black). */
const COLOURS = { a: '#0072B2', b: '#D55E00', diff: '#222222' };

/** What the browser tests read (window.cellpostPaired). */
export interface PairedHook {
  ready(): boolean;
  ticks(): number;
  hashes(): Promise<[string, string]>;
  stepN(n: number): Promise<number>;
}

declare global {
  interface Window {
    readonly cellpostPaired?: PairedHook;
  }
}

/** "with drug …" stays as it is; any other label reads "with: <label>". */
function withLabel(label: string, capital = false): string {
  const text = /^with\b/i.test(label) ? label : `with: ${label}`;
  return capital ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function rawLesson(id: string | null): unknown {
  return id ? LESSON_FILES.find((r) => (r as { id?: string }).id === id) : undefined;
}

export function mountPaired(session: Session, interventions: HTMLElement): void {
  const dialog = makeDialog('Compare two runs', 'cp-paired');
  const runner = new PairedRunner();
  let decl: PairedDecl | null = null;
  let choices: ChangeChoice[] = [];
  let scenario: ScenarioFile | null = null;
  let views: [TissueView, TissueView] | null = null;
  let chart: TimeChart | null = null;
  let changeLabel = '';

  // Setup: which change, when, from where.
  const ids = { change: uid('pc'), param: uid('pp'), value: uid('pv'), at: uid('pa'), metric: uid('pm'), speed: uid('ps'), tissue: uid('pt'), from: uid('pf') };
  const changeSel = h('select', { id: ids.change });
  const paramSel = h('select', { id: ids.param });
  const valueIn = h('input', { id: ids.value, type: 'text', inputmode: 'decimal', class: 'num', autocomplete: 'off' });
  const valueHelp = h('span', { class: 'cp-note' });
  const paramRow = h(
    'div',
    { class: 'cp-form cp-param-row' },
    h('label', { for: ids.param }, 'Setting'),
    paramSel,
    h('label', { for: ids.value }, 'New value'),
    h('span', { class: 'cp-value' }, valueIn, valueHelp),
  );
  const atIn = h('input', { id: ids.at, type: 'number', min: 0, step: 0.5, value: 0 });
  const fromStart = h('input', { type: 'radio', name: ids.from, id: `${ids.from}-start`, checked: true });
  const fromNow = h('input', { type: 'radio', name: ids.from, id: `${ids.from}-now` });
  const startBtn = h('button', { type: 'button', class: 'primary', id: 'compare-start' }, 'Start comparison');
  const problem = h('p', { class: 'cp-status warn', role: 'alert' });
  const setup = h(
    'section',
    { class: 'cp-setup', 'aria-label': 'What to compare' },
    h(
      'div',
      { class: 'cp-row' },
      h('span', { class: 'cp-inline' }, h('label', { for: ids.change }, 'Change'), changeSel),
      h('span', { class: 'cp-inline cp-at' }, h('label', { for: ids.at }, 'at (h)'), atIn),
      h(
        'fieldset',
        { class: 'cp-radios' },
        h('legend', { class: 'visually-hidden' }, 'Both runs start from'),
        h('span', { class: 'cp-radio' }, fromStart, h('label', { for: `${ids.from}-start` }, 'from the start')),
        h('span', { class: 'cp-radio' }, fromNow, h('label', { for: `${ids.from}-now` }, 'from now (copies of this run)')),
      ),
      startBtn,
    ),
    paramRow,
    problem,
  );

  // The comparison: transport, two views, chart.
  const play = h('button', { type: 'button', class: 'primary', id: 'compare-play' }, 'Play');
  const stepBtn = h('button', { type: 'button', id: 'compare-step' }, 'Step');
  const speedSel = h('select', { id: ids.speed }, ...SPEEDS.map((s) => h('option', { value: String(s) }, formatSpeed(s))));
  const clock = h('output', { class: 'cp-clock', id: 'compare-clock' }, '0 min');
  const tissueSel = h('select', { id: ids.tissue });
  const tissueBox = h('span', { class: 'cp-inline' }, h('label', { for: ids.tissue }, 'Tissue'), tissueSel);
  const same = h('span', { class: 'cp-note cp-same', id: 'compare-same' });
  const canvasA = h('canvas', { role: 'img', 'aria-label': 'Tissue without the change', tabindex: 0 });
  const canvasB = h('canvas', { role: 'img', 'aria-label': 'Tissue with the change', tabindex: 0 });
  const headB = h('h3', { id: 'compare-head-b' });
  const metricSel = h('select', { id: ids.metric });
  const chartBox = h('div', { class: 'cp-chart' });
  const latest = h('span', { class: 'cp-note', id: 'compare-latest', 'aria-live': 'off' });
  const compare = h(
    'section',
    { class: 'cp-compare', 'aria-label': 'The two runs', hidden: true },
    h(
      'div',
      { class: 'cp-transport' },
      play,
      stepBtn,
      h('span', { class: 'cp-inline' }, h('label', { for: ids.speed }, 'Speed'), speedSel),
      h('span', { class: 'cp-inline' }, h('span', {}, 'Time'), clock),
      tissueBox,
      same,
    ),
    h(
      'div',
      { class: 'cp-views' },
      h('figure', {}, h('h3', { class: 'cp-a' }, 'Without the change'), h('div', { class: 'cp-canvas' }, canvasA)),
      h('figure', {}, headB, h('div', { class: 'cp-canvas' }, canvasB)),
    ),
    h('div', { class: 'cp-metric' }, h('span', { class: 'cp-inline' }, h('label', { for: ids.metric }, 'Chart'), metricSel), latest),
    chartBox,
  );
  dialog.body.append(setup, compare);

  // The choice of change.
  const settings = () => (scenario ? comparableSettings(scenario) : []);
  const showParamRow = () => {
    const isParam = changeSel.value === 'param';
    paramRow.hidden = !isParam;
    if (!isParam || !scenario) return;
    const p = settings().find((x) => x.path === paramSel.value);
    if (!p) return;
    valueHelp.textContent = `now ${formatWithUnit(p.value, p.unit)}; ${formatNumber(p.min)} to ${formatNumber(p.max)}${p.unit ? ` ${p.unit}` : ''}${p.live === false ? '; shapes the scene, so from 0 h only' : ''}`;
    if (p.live === false) atIn.value = '0';
  };
  changeSel.addEventListener('change', () => {
    const c = choices.find((x) => x.id === changeSel.value);
    if (c && c.change.kind === 'events') atIn.value = String(c.change.atHours);
    showParamRow();
  });
  paramSel.addEventListener('change', () => {
    valueIn.value = '';
    showParamRow();
  });

  const fillSetup = (s: ScenarioFile) => {
    scenario = s;
    decl = lessonPaired(s, rawLesson(session.lessonId));
    choices = changeChoices(s, decl);
    replace(changeSel, ...choices.map((c) => h('option', { value: c.id }, c.label)), h('option', { value: 'param' }, 'A setting…'));
    replace(
      paramSel,
      ...settings().map((p) => {
        const n = nameParam(s, p);
        return h('option', { value: p.path }, n.full);
      }),
    );
    atIn.value = String(choices[0]?.change.atHours ?? 0);
    showParamRow();
  };

  /** The change chosen in the form, or a problem in words. */
  const chosen = (): Change | string => {
    const at = Number(atIn.value);
    if (!Number.isFinite(at) || at < 0) return 'Enter a time of 0 h or later.';
    if (changeSel.value !== 'param') {
      const c = choices.find((x) => x.id === changeSel.value);
      return c ? { ...c.change, atHours: at } : 'Choose a change.';
    }
    const p = settings().find((x) => x.path === paramSel.value);
    if (!p || !scenario) return 'Choose a setting.';
    const v = Number(valueIn.value.trim().replace(',', '.'));
    if (valueIn.value.trim() === '' || !Number.isFinite(v)) return 'Enter the new value as a number.';
    return { kind: 'param', label: `${nameParam(scenario, p).full} = ${formatWithUnit(v, p.unit)}`, path: p.path, value: v, atHours: at };
  };

  // Drawing.
  const buildViews = (s: ScenarioFile) => {
    views?.forEach((v) => v.destroy());
    views = [createTissueView(canvasA, s), createTissueView(canvasB, s)];
    const tissues = Object.values(s.tissues);
    replace(tissueSel, ...tissues.map((t, i) => h('option', { value: String(i) }, t.name)));
    tissueBox.hidden = tissues.length < 2;
  };
  tissueSel.addEventListener('change', () => views?.forEach((v) => v.setTissue(Number(tissueSel.value))));

  const metricLabel = (name: string) => (scenario && runner.info ? nameMetric(scenario, runner.info.index, name).label : name);
  const buildChart = () => {
    chart?.destroy();
    const name = metricSel.value;
    const k = runner.series[0].names.indexOf(name);
    const unit = runner.series[0].units[k] ?? '';
    chart = createTimeChart(chartBox, {
      title: metricLabel(name),
      yLabel: unit,
      series: [
        { name: 'a', label: 'without the change', colour: COLOURS.a },
        { name: 'b', label: withLabel(changeLabel), colour: COLOURS.b },
        { name: 'diff', label: 'difference (with − without)', colour: COLOURS.diff },
      ],
    });
    feedChart();
  };
  const feedChart = () => {
    if (!chart) return;
    const name = metricSel.value;
    const a = runner.series[0].get(name);
    const b = runner.series[1].get(name);
    const n = Math.min(a.length, b.length, runner.series[0].t.length);
    const diff = Array.from({ length: n }, (_, i) => b[i] - a[i]);
    chart.setData(runner.series[0].t.slice(0, n), { a: a.slice(0, n), b: b.slice(0, n), diff });
    const k = runner.series[0].names.indexOf(name);
    const unit = runner.series[0].units[k] ?? '';
    latest.textContent = n > 0 ? `At ${formatClock(runner.series[0].t[n - 1])}: without ${formatWithUnit(a[n - 1], unit)}, with ${formatWithUnit(b[n - 1], unit)}, difference ${formatWithUnit(diff[n - 1], unit)}.` : '';
  };
  metricSel.addEventListener('change', buildChart);

  const fillMetrics = (s: ScenarioFile) => {
    const names = runner.series[0].names;
    const lessonMetrics = resolveMetrics(
      (s.lesson?.charts ?? []).flatMap((c) => (c.kind === 'series' ? c.metrics : [])),
      names,
    );
    const first = decl?.metric && names.includes(decl.metric) ? [decl.metric] : [];
    const order = [...new Set([...first, ...lessonMetrics, ...names])];
    const keep = metricSel.value;
    replace(metricSel, ...order.map((n) => h('option', { value: n }, `${metricLabel(n)} (${n})`)));
    metricSel.value = order.includes(keep) && keep !== '' ? keep : (order[0] ?? '');
  };

  runner.on('frames', (a, b, grew) => {
    views?.[0].draw(a);
    views?.[1].draw(b);
    clock.textContent = formatClock(a.hours);
    if (grew) feedChart();
    chart?.setCursor(a.hours);
  });
  runner.on('playing', (on) => {
    play.textContent = on ? 'Pause' : 'Play';
  });
  runner.on('failure', (msg) => {
    problem.textContent = `The comparison stopped: ${msg}`;
  });
  play.addEventListener('click', () => runner.toggle());
  stepBtn.addEventListener('click', () => void runner.stepBy(stepsPerSample()));
  speedSel.addEventListener('change', () => (runner.speed = Number(speedSel.value)));
  const stepsPerSample = () => (scenario ? Math.max(1, Math.round((scenario.sampleEveryMinutes * 60) / scenario.dtSeconds)) : 1);

  startBtn.addEventListener('click', async () => {
    problem.textContent = '';
    const c = chosen();
    if (typeof c === 'string') {
      problem.textContent = c;
      return;
    }
    const now = fromNow.checked;
    const eff = withOverrides(session.base, session.overrides);
    if ('problem' in eff) {
      problem.textContent = eff.problem;
      return;
    }
    let from: PairStart = { kind: 'start', lessonId: session.overrides.size === 0 ? session.lessonId : null };
    let startScenario = eff.scenario;
    if (now) {
      if (c.kind === 'param' && settings().find((p) => p.path === c.path)?.live === false) {
        problem.textContent = 'A setting that shapes the scene can only be compared from the start.';
        return;
      }
      await session.idle();
      const snap = await session.client.call((api) => api.takeSnapshot());
      if (!snap) {
        problem.textContent = 'The main run is not available.';
        return;
      }
      from = { kind: 'snapshot', snapshot: snap };
      startScenario = session.scenario;
    }
    // From now, the change applies at once: at the snapshot's tick.
    const change: Change = now ? { ...c, atHours: ((session.frame?.tick ?? 0) * startScenario.dtSeconds) / 3600 } : c;
    const setup = pairSetup(startScenario, session.seed, change);
    if ('problem' in setup) {
      problem.textContent = setup.problem;
      return;
    }
    startBtn.disabled = true;
    changeLabel = `${setup.label}${now ? ', from now' : change.atHours > 0 ? `, from ${formatClock(change.atHours)}` : ''}`;
    const info = await runner.start(setup, from);
    startBtn.disabled = false;
    if (!info) return;
    compare.hidden = false;
    headB.textContent = withLabel(changeLabel, true);
    canvasB.setAttribute('aria-label', `Tissue with ${changeLabel}`);
    same.textContent = `Seed ${session.seed} for both${now ? ', copied from this run now' : ''}: each rule has its own random stream, so the runs differ only through the change.`;
    buildViews(info.scenario);
    fillMetrics(info.scenario);
    buildChart();
    if (runner.frames) {
      views?.[0].draw(runner.frames[0]);
      views?.[1].draw(runner.frames[1]);
      clock.textContent = formatClock(runner.frames[0].hours);
    }
    play.focus();
  });

  const open = (preset?: string) => {
    session.pause();
    fillSetup(session.scenario);
    if (preset) changeSel.value = preset;
    changeSel.dispatchEvent(new Event('change'));
    speedSel.value = String(SPEEDS.reduce((a, b) => (Math.abs(b - session.speed) < Math.abs(a - session.speed) ? b : a), SPEEDS[0]));
    runner.speed = Number(speedSel.value);
    problem.textContent = '';
    dialog.open();
  };
  dialog.onClose(() => {
    runner.stop();
    compare.hidden = true;
  });

  // The buttons in the Interventions panel (rebuilt by it on every load, so added after it).
  session.on('load', (info) => {
    const d = lessonPaired(info.scenario, rawLesson(session.lessonId));
    const box = h('div', { class: 'cp-compare-open' });
    if (d) {
      const text = /^with\b/i.test(d.label) ? `Compare without and ${d.label}` : `Compare with and without: ${d.label}`;
      const b = h('button', { type: 'button', class: 'primary', id: 'compare-declared' }, text);
      b.addEventListener('click', () => open('paired'));
      box.append(b);
      if (d.help) box.append(h('p', { class: 'help' }, d.help));
    }
    const any = h('button', { type: 'button', id: 'compare-open', 'aria-haspopup': 'dialog' }, 'Compare with a change…');
    any.addEventListener('click', () => open());
    box.append(any, h('p', { class: 'help' }, 'Runs two copies with the same seed side by side, one with an intervention or a setting changed.'));
    interventions.querySelector('.cp-compare-open')?.remove();
    interventions.append(box);
  });

  const hook: PairedHook = Object.freeze({
    ready: () => runner.frames !== null,
    ticks: () => runner.tick,
    hashes: () => runner.hashes(),
    stepN: (n: number) => runner.stepBy(n),
  });
  Object.defineProperty(window, 'cellpostPaired', { value: hook, writable: false, configurable: false, enumerable: false });
}
