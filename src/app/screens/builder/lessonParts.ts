// What the learner sees beside the run: charts (metrics picked from the experiment's own names),
// buttons that send interventions (made from events), and three prompts of one's own — predict at
// an hour, observe, explain — so a teacher can write a new lesson.
import type { EventSpec } from '../../../../sim/schema';
import { metricNames } from '../../../../sim/uses';
import { buildIndex } from '../../../../sim/model';
import { nameMetric } from '../../metricNames';
import { h } from '../../ui/dom';
import { at, editButton, fieldId, type Ctx } from './fields';
import { fieldNumber, t } from './messages';
import { readField } from '../../../i18n/i18n';

const errSlot = (id: string) => h('p', { class: 'field-error', id: `${id}-err`, 'aria-live': 'polite' });

function chartsPart(ctx: Ctx): HTMLElement {
  const names = metricNames(ctx.s);
  const index = buildIndex(ctx.s);
  /** A metric's name as the charts show it ("Reader: switched"), its id in the option's value. */
  const metricLabel = (n: string) => nameMetric(ctx.s, index, n).label;
  const list = (ctx.s.lesson?.charts ?? []).map((c, i) =>
    h(
      'li',
      { class: 'brow' },
      h('span', {}, h('strong', {}, c.title || t('builder.charts.untitled')), ': ', c.metrics.map(metricLabel).join(', ') || c.kind),
      editButton(ctx, t('builder.remove'), () => ({ op: 'removeChart', index: i }), { id: fieldId(at('lesson', 'charts', i), '-remove'), 'aria-label': t('builder.charts.remove', { title: c.title }) }),
    ),
  );
  const metric = h('select', { id: 'b-chart-metric', multiple: true, size: Math.min(6, Math.max(2, names.length)), 'aria-describedby': 'b-chart-metric-err' }, ...names.map((n) => h('option', { value: n }, metricLabel(n))));
  const title = h('input', { type: 'text', id: 'b-chart-title', maxlength: 120, autocomplete: 'off' });
  const err = errSlot('b-chart-metric');
  const add = h('button', { type: 'button', class: 'small', id: 'b-chart-add' }, t('builder.charts.add'));
  add.addEventListener('click', () => {
    const picked = [...metric.selectedOptions].map((o) => o.value);
    if (picked.length === 0) {
      err.textContent = t('builder.charts.pickOne');
      return;
    }
    if (ctx.apply({ op: 'addChart', title: title.value.trim() || picked.map(metricLabel).join(', ').slice(0, 120), metrics: picked }, err)) title.value = '';
  });
  return h(
    'div',
    { class: 'bpart' },
    h('h4', {}, t('builder.charts.heading')),
    list.length > 0 ? h('ul', { class: 'brows' }, ...list) : h('p', { class: 'help' }, t('builder.charts.none')),
    names.length === 0
      ? h('p', { class: 'help' }, t('builder.charts.needCells'))
      : h(
          'div',
          { class: 'bgrid' },
          h('div', { class: 'bfield' }, h('label', { for: 'b-chart-metric' }, t('builder.charts.metrics')), metric, err),
          h('div', { class: 'bfield' }, h('label', { for: 'b-chart-title' }, t('builder.charts.title')), title),
          add,
        ),
  );
}

type ButtonKind = 'blockLabel' | 'drug' | 'removeCells';

function buttonsPart(ctx: Ctx): HTMLElement {
  const list = (ctx.s.lesson?.interventions ?? []).map((b, i) =>
    h(
      'li',
      { class: 'brow' },
      h('span', {}, b.label),
      editButton(ctx, t('builder.remove'), () => ({ op: 'removeButton', index: i }), { id: fieldId(at('lesson', 'interventions', i), '-remove'), 'aria-label': t('builder.buttons.remove', { label: b.label }) }),
    ),
  );
  const labels = Object.entries(ctx.s.labels);
  const cells = Object.entries(ctx.s.cellTypes);
  const kinds: [ButtonKind, string][] = [];
  if (labels.length > 0) kinds.push(['blockLabel', t('builder.buttons.blockLabel')]);
  if (cells.length > 0) kinds.push(['drug', t('builder.buttons.drug')], ['removeCells', t('builder.buttons.removeCells')]);
  if (kinds.length === 0) return h('div', { class: 'bpart' }, h('h4', {}, t('builder.buttons.headingShort')), h('p', { class: 'help' }, t('builder.buttons.needThings')));
  const kind = h('select', { id: 'b-button-kind' }, ...kinds.map(([v, text]) => h('option', { value: v }, text)));
  const target = h('select', { id: 'b-button-target' });
  const fill = () => {
    const opts = kind.value === 'blockLabel' ? labels.map(([id, l]) => [id, l.name]) : cells.map(([id, c]) => [id, c.name]);
    target.replaceChildren(...opts.map(([v, text]) => h('option', { value: v }, text)));
  };
  kind.addEventListener('change', fill);
  fill();
  const amount = h('input', { type: 'text', inputmode: 'decimal', id: 'b-button-amount', class: 'num short', value: fieldNumber(0.9), autocomplete: 'off' });
  const label = h('input', { type: 'text', id: 'b-button-label', maxlength: 80, autocomplete: 'off' });
  const err = errSlot('b-button-label');
  const add = h('button', { type: 'button', class: 'small', id: 'b-button-add' }, t('builder.buttons.add'));
  add.addEventListener('click', () => {
    const f = readField(amount.value);
    if (f === undefined || f < 0 || f > 1) {
      err.textContent = t('builder.buttons.shareError');
      return;
    }
    const k = kind.value as ButtonKind;
    const name = target.selectedOptions[0]?.textContent ?? target.value;
    const event: EventSpec =
      k === 'blockLabel' ? { kind: 'blockLabel', label: target.value, fraction: f } : k === 'drug' ? { kind: 'drug', cellType: target.value, inhibition: f } : { kind: 'removeCells', type: target.value, fraction: f };
    const text = label.value.trim() || t(k === 'blockLabel' ? 'builder.buttons.defaultBlock' : k === 'drug' ? 'builder.buttons.defaultDrug' : 'builder.buttons.defaultRemove', { name });
    if (ctx.apply({ op: 'addButton', label: text, events: [event] }, err)) label.value = '';
  });
  return h(
    'div',
    { class: 'bpart' },
    h('h4', {}, t('builder.buttons.heading')),
    list.length > 0 ? h('ul', { class: 'brows' }, ...list) : null,
    h(
      'div',
      { class: 'bgrid' },
      h('div', { class: 'bfield' }, h('label', { for: 'b-button-kind' }, t('builder.buttons.what')), kind),
      h('div', { class: 'bfield' }, h('label', { for: 'b-button-target' }, t('builder.buttons.to')), target),
      h('div', { class: 'bfield' }, h('label', { for: 'b-button-amount' }, t('builder.buttons.share')), amount),
      h('div', { class: 'bfield' }, h('label', { for: 'b-button-label' }, t('builder.buttons.text')), label, err),
      add,
    ),
  );
}

function promptsPart(ctx: Ctx): HTMLElement {
  const prompts = ctx.s.lesson?.prompts ?? [];
  const slots = [0, 1, 2].map((i) => {
    const p = prompts[i];
    const id = `b-prompt-${i}`;
    const atHour = h('input', { type: 'text', inputmode: 'decimal', id: `${id}-at`, class: 'num short', value: fieldNumber(p ? p.atHours : 4 * (i + 1)), autocomplete: 'off' });
    const predict = h('textarea', { id: `${id}-predict`, rows: 2, maxlength: 600 });
    predict.value = p?.predict ?? '';
    const explain = h('textarea', { id: `${id}-explain`, rows: 2, maxlength: 1200 });
    explain.value = p?.explain ?? '';
    const err = errSlot(`${id}-save`);
    const save = h('button', { type: 'button', class: 'small', id: `${id}-save`, 'aria-describedby': `${id}-save-err` }, t(p ? 'builder.prompts.save' : 'builder.prompts.add', { n: i + 1 }));
    save.disabled = i > prompts.length;
    save.addEventListener('click', () => {
      const hours = readField(atHour.value);
      if (hours === undefined) {
        err.textContent = t('builder.prompts.hourError');
        return;
      }
      if (predict.value.trim() === '') {
        err.textContent = t('builder.prompts.predictError');
        return;
      }
      ctx.apply({ op: 'setPrompt', index: i, prompt: { atHours: hours, predict: predict.value, explain: explain.value } }, err);
    });
    return h(
      'li',
      { class: 'bprompt' },
      h('div', { class: 'bfield' }, h('label', { for: `${id}-at` }, t('builder.prompts.at', { n: i + 1 })), atHour),
      h('div', { class: 'bfield long' }, h('label', { for: `${id}-predict` }, t('builder.prompts.predict')), predict),
      h('div', { class: 'bfield long' }, h('label', { for: `${id}-explain` }, t('builder.prompts.explain')), explain),
      h('div', { class: 'row' }, save, p ? editButton(ctx, t('builder.remove'), () => ({ op: 'setPrompt', index: i, prompt: null }), { id: `${id}-remove`, 'aria-label': t('builder.prompts.remove', { n: i + 1 }) }) : null),
      err,
    );
  });
  return h('div', { class: 'bpart' }, h('h4', {}, t('builder.prompts.heading')), h('p', { class: 'help' }, t('builder.prompts.help')), h('ol', { class: 'bprompts' }, ...slots));
}

export function lessonSection(ctx: Ctx): HTMLElement {
  return h('section', { class: 'bsection', 'aria-labelledby': 'b-lesson-h' }, h('h3', { id: 'b-lesson-h' }, t('builder.lesson.heading')), chartsPart(ctx), buttonsPart(ctx), promptsPart(ctx));
}
