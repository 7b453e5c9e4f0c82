// One parameter control: label, slider, exact numeric entry, unit, one-line help with the
// allowed range and the lesson's value, and an inline message when an entry is refused.
import type { ParamInfo } from '../../../sim/index';
import { formatNumber, formatWithUnit } from '../../../viz/format';
import { h, uid } from './dom';
import { fieldNumber, readField, t } from '../../i18n/i18n';
import { paramHelp, unitText } from '../../i18n/paramText';
import { STEPS, sliderScale } from './sliderScale';

export interface ParamField {
  el: HTMLElement;
  setValue(v: number): void;
}

/** The unit shown beside a number: none for shares and scores from 0 to 1 (the range says it). */
export function shownUnit(p: ParamInfo): string {
  return p.unit === '0–1' || p.unit === 'fraction' ? '' : unitText(p.unit);
}

/** Checks an entry against the parameter's range; returns a message or null. */
export function checkEntry(p: ParamInfo, text: string): { value: number } | { problem: string } {
  const v = readField(text);
  const unit = shownUnit(p);
  const range = t('param.allowed', { min: formatWithUnit(p.min, ''), max: formatWithUnit(p.max, unit) });
  if (v === undefined) return { problem: t('param.enterNumber', { range }) };
  if (v < p.min || v > p.max) return { problem: t('param.outOfRange', { value: formatWithUnit(v, unit), range }) };
  if (p.integer && !Number.isInteger(v)) return { problem: t('param.enterWhole', { range }) };
  return { value: v };
}

export function paramField(p: ParamInfo, name: string, lessonValue: number | undefined, apply: (v: number) => Promise<string | null>): ParamField {
  const id = uid('param');
  const unit = shownUnit(p);
  const scale = sliderScale(p.min, p.max, p.integer);
  const number = h('input', {
    id,
    type: 'text',
    inputmode: 'decimal',
    class: 'num',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': `${id}-help ${id}-err`,
    'data-path': p.path,
  });
  const slider = h('input', {
    type: 'range',
    min: 0,
    max: STEPS,
    step: 1,
    'aria-label': t('param.slider', { name }),
    'aria-describedby': `${id}-help`,
    tabindex: 0,
  });
  const err = h('p', { id: `${id}-err`, class: 'error', 'aria-live': 'polite' });
  const range = { help: paramHelp(p.label, p.help), min: formatNumber(p.min), max: formatWithUnit(p.max, unit) };
  const helpText = lessonValue !== undefined ? t('param.helpLesson', { ...range, lesson: formatNumber(lessonValue) }) : t('param.help', range);
  const help = h('p', { id: `${id}-help`, class: 'help' }, p.live === false ? t('param.restarts', { help: helpText }) : helpText);
  let value = p.value;

  const show = (v: number) => {
    number.value = fieldNumber(v);
    slider.value = String(scale.toPosition(v));
    slider.setAttribute('aria-valuetext', formatWithUnit(v, unit));
  };
  const refuse = (msg: string) => {
    err.textContent = msg;
    number.setAttribute('aria-invalid', 'true');
    el.classList.add('invalid');
  };
  const accept = () => {
    err.textContent = '';
    number.removeAttribute('aria-invalid');
    el.classList.remove('invalid');
  };
  const commit = async (v: number) => {
    if (v === value) {
      accept();
      show(v);
      return;
    }
    const problem = await apply(v);
    if (problem) {
      refuse(problem);
      return;
    }
    value = v;
    accept();
    show(v);
  };

  number.addEventListener('change', () => {
    const r = checkEntry(p, number.value);
    if ('problem' in r) refuse(r.problem);
    else void commit(r.value);
  });
  number.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      number.dispatchEvent(new Event('change'));
    } else if (e.key === 'Escape') {
      show(value);
      accept();
    }
  });
  slider.addEventListener('input', () => {
    const v = scale.toValue(Number(slider.value));
    number.value = fieldNumber(v);
    slider.setAttribute('aria-valuetext', formatWithUnit(v, unit));
  });
  slider.addEventListener('change', () => void commit(scale.toValue(Number(slider.value))));

  const el = h(
    'div',
    { class: 'param' },
    h('label', { for: id }, name),
    h('div', { class: 'param-row' }, slider, number, h('span', { class: 'unit', 'aria-hidden': 'true' }, unit)),
    help,
    err,
  );
  show(value);
  return {
    el,
    setValue(v) {
      value = v;
      show(v);
      accept();
    },
  };
}
