// The sweep dialog's form: one or two parameters (grouped, the lesson's own first) with their
// values, replicates, first seed, hours and workers; it reads itself into the plan (plan.ts),
// marks the field a problem is about, and shows the plan and the equivalent command line.
import { listParameters, type ParamInfo } from '../../../sim/index';
import { formatNumber, formatWithUnit } from '../../../viz/format';
import { stepsFor } from '../../lab';
import { nameParam } from '../paramNames';
import { h, replace } from '../ui/dom';
import { BROWSER_MAX_RUNS, readPlan, type PlanField, type SweepInput, type SweepPlan } from './plan';
import { defaultWorkers, MAX_WORKERS } from './port';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { localLesson } from '../../lab/i18n/lessonOverlays';
import { t } from './messages';
import { fieldNumber } from '../../i18n/i18n';

/** Values to start from for a parameter: half, same and double its value, within its range. */
export function defaultValues(p: ParamInfo): string {
  const clip = (x: number) => Math.min(p.max, Math.max(p.min, x));
  const round = (x: number) => (p.integer ? Math.round(x) : Number(x.toPrecision(3)));
  const raw = p.value > 0 ? [p.value / 2, p.value, p.value * 2] : [p.min, p.min + (p.max - p.min) / 4, p.min + (p.max - p.min) / 2];
  const vs = [...new Set(raw.map((x) => round(clip(x))))].filter((x) => x >= p.min && x <= p.max);
  return vs.join(', ');
}

const paramHelp = (p: ParamInfo | undefined) =>
  p ? t('labtools.form.paramHelp', { help: p.help, min: formatNumber(p.min), max: formatNumber(p.max), unit: p.unit ? ` ${p.unit}` : '', whole: p.integer ? 'yes' : 'no', now: formatWithUnit(p.value, p.unit) }) : '';

/** "72 steps", or "72–720 steps" when the time step is one of the varied parameters. */
function stepsText(p: SweepPlan): string {
  const dt = p.vary.find((v) => v.path === 'dtSeconds');
  if (!dt) return t('labtools.form.steps', { n: p.steps });
  const [few, many] = [stepsFor(p.hours, Math.max(...dt.values)), stepsFor(p.hours, Math.min(...dt.values))];
  return few === many ? t('labtools.form.steps', { n: few }) : t('labtools.form.stepsRange', { few, many });
}

export type SweepForm = ReturnType<typeof createSweepForm>;

export function createSweepForm() {
  const selects = [h('select', { id: 'sweep-param-0' }), h('select', { id: 'sweep-param-1' })];
  const valueInputs = [0, 1].map((k) => h('input', { id: `sweep-values-${k}`, type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: t('labtools.form.valuesPlaceholder'), 'aria-describedby': `sweep-help-${k} sweep-error` }));
  const helps = [0, 1].map((k) => h('p', { class: 'help', id: `sweep-help-${k}` }));
  const replicates = h('input', { id: 'sweep-replicates', type: 'text', inputmode: 'numeric', class: 'num short', value: '3', 'aria-describedby': 'sweep-error' });
  const firstSeed = h('input', { id: 'sweep-first-seed', type: 'text', inputmode: 'numeric', class: 'num short', value: '1', 'aria-describedby': 'sweep-error' });
  const hours = h('input', { id: 'sweep-hours', type: 'text', inputmode: 'decimal', class: 'num short', 'aria-describedby': 'sweep-error' });
  const cores = navigator.hardwareConcurrency || 2;
  const maxWorkers = Math.max(2, Math.min(MAX_WORKERS, cores));
  const workers = h('input', { id: 'sweep-workers', type: 'number', min: 1, max: maxWorkers, step: 1, class: 'num short', value: String(defaultWorkers(cores)) });
  const planLine = h('p', { class: 'cp-plan', id: 'sweep-plan', 'aria-live': 'polite' });
  const error = h('p', { class: 'error', id: 'sweep-error', role: 'alert' });
  const cli = h('code', { id: 'sweep-cli' });
  const marked = new Map<PlanField, HTMLElement>([
    ['vary0', valueInputs[0]],
    ['vary1', valueInputs[1]],
    ['replicates', replicates],
    ['firstSeed', firstSeed],
    ['hours', hours],
    ['size', replicates],
  ]);
  const labelled = (label: string, input: HTMLElement, ...rest: HTMLElement[]) => h('div', { class: 'cp-field' }, h('label', { for: input.id }, label), input, ...rest);
  const element = h(
    'div',
    { class: 'cp-sweep-form' },
    labelled(t('labtools.form.parameter'), selects[0], helps[0]),
    labelled(t('labtools.form.values'), valueInputs[0]),
    labelled(t('labtools.form.secondParameter'), selects[1], helps[1]),
    labelled(t('labtools.form.values'), valueInputs[1]),
    h(
      'div',
      { class: 'cp-row' },
      labelled(t('labtools.form.replicates'), replicates),
      labelled(t('labtools.form.firstSeed'), firstSeed),
      labelled(t('labtools.form.hours'), hours),
      labelled(t('labtools.form.workers'), workers, h('span', { class: 'help' }, t('labtools.form.ofCores', { cores }))),
    ),
  );
  const hint = h('p', { class: 'help' }, t('labtools.form.hint', { max: BROWSER_MAX_RUNS }));
  let params: ParamInfo[] = [];
  const paramOf = (k: number) => params.find((p) => p.path === selects[k].value);

  /** Shows a problem (or clears it with ''), marking the field it is about. */
  const setError = (field: PlanField | null, message: string) => {
    error.textContent = message;
    for (const [f, el] of marked) if (f === field) el.setAttribute('aria-invalid', 'true');
    for (const [f, el] of marked) if (f !== field && el.getAttribute('aria-invalid')) el.removeAttribute('aria-invalid');
  };

  /** Values need a parameter; a second parameter needs a first. */
  const syncDisabled = (busy: boolean) => {
    if (selects[0].value === '') selects[1].value = '';
    selects[1].disabled = busy || selects[0].value === '';
    valueInputs[0].disabled = busy || selects[0].value === '';
    valueInputs[1].disabled = busy || selects[1].value === '';
  };

  return {
    element,
    hint,
    planLine,
    error,
    cli,
    selects,
    /** Fields whose typing re-reads the form. */
    typed: [...valueInputs, replicates, firstSeed, hours],
    maxWorkers,
    setError,
    syncDisabled,

    /** Fills the parameter lists from a scenario, keeping the user's choices when the parameters are the same. */
    fill(s: ScenarioFile, previousId: string | null) {
      params = listParameters(s);
      const shown = localLesson(s);
      const byPath = new Map(params.map((p) => [p.path, p]));
      const exposed = (s.lesson?.exposed ?? []).map((p) => byPath.get(p)).filter((p): p is ParamInfo => p !== undefined);
      const groups = new Map<string, ParamInfo[]>();
      for (const p of params) if (!exposed.includes(p)) groups.set(nameParam(shown, p).group, [...(groups.get(nameParam(shown, p).group) ?? []), p]);
      const option = (p: ParamInfo, full: boolean) => h('option', { value: p.path }, `${full ? nameParam(shown, p).full : nameParam(shown, p).name}${p.unit ? ` (${p.unit})` : ''}`);
      selects.forEach((sel, k) => {
        replace(
          sel,
          h('option', { value: '' }, k === 0 ? t('labtools.form.noneRepeat') : t('labtools.form.none')),
          exposed.length ? h('optgroup', { label: t('labtools.form.lessonSettings') }, ...exposed.map((p) => option(p, true))) : null,
          ...[...groups].map(([g, ps]) => h('optgroup', { label: g }, ...ps.map((p) => option(p, false)))),
        );
      });
      const kept = [0, 1].map((k) => (byPath.has(selects[k].dataset.chosen ?? '') ? selects[k].dataset.chosen! : null));
      selects[0].value = kept[0] ?? (exposed[0] ?? params[0])?.path ?? '';
      selects[1].value = kept[0] !== null ? (kept[1] ?? '') : '';
      if (kept[0] === null) valueInputs[0].value = paramOf(0) ? defaultValues(paramOf(0)!) : '';
      if (kept[1] === null) valueInputs[1].value = '';
      if (s.id !== previousId || !hours.value) hours.value = fieldNumber(s.lesson?.hours ?? 24);
    },

    /** A parameter was chosen in list k: remember it and start from its default values. */
    chose(k: number) {
      selects[k].dataset.chosen = selects[k].value;
      const p = paramOf(k);
      valueInputs[k].value = p ? defaultValues(p) : '';
    },

    /** Reads the form into a plan, showing the plan or the first problem inline; null when it cannot run. */
    read(base: ScenarioFile, busy: boolean): SweepPlan | null {
      helps.forEach((el, k) => (el.textContent = paramHelp(paramOf(k))));
      syncDisabled(busy);
      const vary = [0, 1].filter((k) => selects[k].value !== '').map((k) => ({ path: selects[k].value, text: valueInputs[k].value }));
      const input: SweepInput = { base, vary, replicates: replicates.value, firstSeed: firstSeed.value, hours: hours.value };
      const r = readPlan(input);
      if (!r.ok) {
        setError(r.field, r.message);
        planLine.textContent = '';
        cli.textContent = '';
        return null;
      }
      setError(null, '');
      const p = r.plan;
      const parts = [...p.vary.map((v) => t('labtools.plan.valuesOf', { n: v.values.length, name: v.name })), t('labtools.form.seeds', { n: p.seeds.length, seeds: p.seedsText })];
      planLine.textContent = t('labtools.form.planLine', { runs: p.runs, parts: parts.join(' × '), hours: formatNumber(p.hours), steps: stepsText(p) });
      return p;
    },

    /** Workers asked for, or a message when the field is not a whole number in range. */
    workers(): number | string {
      const n = Number(workers.value);
      return Number.isInteger(n) && n >= 1 && n <= maxWorkers ? n : t('labtools.form.workersRange', { max: maxWorkers });
    },
    /** Workers for the cohort (the same field, clamped). */
    workersClamped(): number {
      return Math.max(1, Math.min(maxWorkers, Math.round(Number(workers.value)) || 1));
    },

    /** Locks the fields while a sweep runs. */
    setBusy(on: boolean) {
      for (const el of [...selects, ...valueInputs, replicates, firstSeed, hours, workers]) el.disabled = on;
      if (!on) syncDisabled(false);
    },
  };
}
