// The compare dialog's setup form: which change (the lesson's declared comparison, one of its
// interventions, or one setting with a new value), at what time, and whether both runs start
// from 0 h or from a copy of the run now. It reads itself into a Change or a problem in words.
import { formatNumber, formatWithUnit } from '../../../viz/format';
import { nameParam } from '../paramNames';
import { h, replace, uid } from '../ui/dom';
import { changeChoices, comparableSettings, type Change, type ChangeChoice, type PairedDecl } from './spec';
import type { ScenarioFile } from '../../../lessons/scenarioFile';

export interface SetupForm {
  el: HTMLElement;
  startBtn: HTMLButtonElement;
  /** Fills the choices for a scenario and its declared comparison, picking `preset` if given. */
  fill(s: ScenarioFile, decl: PairedDecl | null, preset?: string): void;
  /** The change chosen, or what is wrong with the form in words. */
  chosen(): Change | string;
  /** True when both runs are to start from a copy of the run as it is now. */
  fromNow(): boolean;
  /** Shows a problem under the form ('' clears it). */
  say(problem: string): void;
}

export function createSetupForm(): SetupForm {
  let scenario: ScenarioFile | null = null;
  let choices: ChangeChoice[] = [];
  const ids = { change: uid('pc'), param: uid('pp'), value: uid('pv'), at: uid('pa'), from: uid('pf') };
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
  const el = h(
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
  const changeChosen = () => {
    const c = choices.find((x) => x.id === changeSel.value);
    if (c && c.change.kind === 'events') atIn.value = String(c.change.atHours);
    showParamRow();
  };
  changeSel.addEventListener('change', changeChosen);
  paramSel.addEventListener('change', () => {
    valueIn.value = '';
    showParamRow();
  });

  return {
    el,
    startBtn,
    fill(s, decl, preset) {
      scenario = s;
      choices = changeChoices(s, decl);
      replace(changeSel, ...choices.map((c) => h('option', { value: c.id }, c.label)), h('option', { value: 'param' }, 'A setting…'));
      replace(paramSel, ...settings().map((p) => h('option', { value: p.path }, nameParam(s, p).full)));
      atIn.value = String(choices[0]?.change.atHours ?? 0);
      if (preset) changeSel.value = preset;
      changeChosen();
      problem.textContent = '';
    },
    chosen() {
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
    },
    fromNow: () => fromNow.checked,
    say(text) {
      problem.textContent = text;
    },
  };
}
