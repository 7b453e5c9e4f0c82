// The compare dialog's setup form: which change (the lesson's declared comparison, one of its
// interventions, or one setting with a new value), at what time, and whether both runs start
// from 0 h or from a copy of the run now. It reads itself into a Change or a problem in words.
import { formatNumber, formatWithUnit } from '../../../viz/format';
import { nameParam } from '../paramNames';
import { h, replace, uid } from '../ui/dom';
import { changeChoices, comparableSettings, type Change, type ChangeChoice, type PairedDecl } from './spec';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { t } from './messages';
import { fieldNumber, readField } from '../../i18n/i18n';

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
    h('label', { for: ids.param }, t('labtools.paired.setting')),
    paramSel,
    h('label', { for: ids.value }, t('labtools.paired.newValue')),
    h('span', { class: 'cp-value' }, valueIn, valueHelp),
  );
  const atIn = h('input', { id: ids.at, type: 'text', inputmode: 'decimal', class: 'num short', autocomplete: 'off', value: fieldNumber(0) });
  const fromStart = h('input', { type: 'radio', name: ids.from, id: `${ids.from}-start`, checked: true });
  const fromNow = h('input', { type: 'radio', name: ids.from, id: `${ids.from}-now` });
  const startBtn = h('button', { type: 'button', class: 'primary', id: 'compare-start' }, t('labtools.paired.start'));
  const problem = h('p', { class: 'cp-status warn', role: 'alert' });
  const el = h(
    'section',
    { class: 'cp-setup', 'aria-label': t('labtools.paired.what') },
    h(
      'div',
      { class: 'cp-row' },
      h('span', { class: 'cp-inline' }, h('label', { for: ids.change }, t('labtools.paired.change')), changeSel),
      h('span', { class: 'cp-inline cp-at' }, h('label', { for: ids.at }, t('labtools.paired.at')), atIn),
      h(
        'fieldset',
        { class: 'cp-radios' },
        h('legend', { class: 'visually-hidden' }, t('labtools.paired.startFrom')),
        h('span', { class: 'cp-radio' }, fromStart, h('label', { for: `${ids.from}-start` }, t('labtools.paired.fromStart'))),
        h('span', { class: 'cp-radio' }, fromNow, h('label', { for: `${ids.from}-now` }, t('labtools.paired.fromNow'))),
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
    const words = { now: formatWithUnit(p.value, p.unit), min: formatNumber(p.min), max: formatNumber(p.max), unit: p.unit ? ` ${p.unit}` : '', shapes: p.live === false ? 'yes' : 'no' };
    valueHelp.textContent = t('labtools.paired.valueHelp', words);
    if (p.live === false) atIn.value = '0';
  };
  const changeChosen = () => {
    const c = choices.find((x) => x.id === changeSel.value);
    if (c && c.change.kind === 'events') atIn.value = fieldNumber(c.change.atHours);
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
      replace(changeSel, ...choices.map((c) => h('option', { value: c.id }, c.label)), h('option', { value: 'param' }, t('labtools.paired.aSetting')));
      replace(paramSel, ...settings().map((p) => h('option', { value: p.path }, nameParam(s, p).full)));
      atIn.value = fieldNumber(choices[0]?.change.atHours ?? 0);
      if (preset) changeSel.value = preset;
      changeChosen();
      problem.textContent = '';
    },
    chosen() {
      const at = readField(atIn.value);
      if (at === undefined || at < 0) return t('labtools.paired.badTime');
      if (changeSel.value !== 'param') {
        const c = choices.find((x) => x.id === changeSel.value);
        return c ? { ...c.change, atHours: at } : t('labtools.paired.chooseChange');
      }
      const p = settings().find((x) => x.path === paramSel.value);
      if (!p || !scenario) return t('labtools.paired.chooseSetting');
      const v = readField(valueIn.value);
      if (v === undefined) return t('labtools.paired.badValue');
      return { kind: 'param', label: `${nameParam(scenario, p).full} = ${formatWithUnit(v, p.unit)}`, path: p.path, value: v, atHours: at };
    },
    fromNow: () => fromNow.checked,
    say(text) {
      problem.textContent = text;
    },
  };
}
