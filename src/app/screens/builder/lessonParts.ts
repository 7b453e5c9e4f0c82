// What the learner sees beside the run: charts (metrics picked from the experiment's own names),
// buttons that send interventions (made from events), and three prompts of one's own — predict at
// an hour, observe, explain — so a teacher can write a new lesson.
import type { EventSpec } from '../../../../sim/schema';
import { metricNames } from '../../../../sim/uses';
import { h } from '../../ui/dom';
import { editButton, fieldId, type Ctx } from './fields';

const errSlot = (id: string) => h('p', { class: 'field-error', id: `${id}-err`, 'aria-live': 'polite' });

function chartsPart(ctx: Ctx): HTMLElement {
  const names = metricNames(ctx.s);
  const list = (ctx.s.lesson?.charts ?? []).map((c, i) =>
    h('li', { class: 'brow' }, h('span', {}, h('strong', {}, c.title || '(untitled)'), `: ${c.metrics.join(', ') || c.kind}`), editButton(ctx, 'Remove', () => ({ op: 'removeChart', index: i }), { id: fieldId(`lesson.charts.${i}`, '-remove'), 'aria-label': `Remove chart ${c.title}` })),
  );
  const metric = h('select', { id: 'b-chart-metric', multiple: true, size: Math.min(6, Math.max(2, names.length)), 'aria-describedby': 'b-chart-metric-err' }, ...names.map((n) => h('option', { value: n }, n)));
  const title = h('input', { type: 'text', id: 'b-chart-title', maxlength: 120, autocomplete: 'off' });
  const err = errSlot('b-chart-metric');
  const add = h('button', { type: 'button', class: 'small', id: 'b-chart-add' }, 'Add chart');
  add.addEventListener('click', () => {
    const picked = [...metric.selectedOptions].map((o) => o.value);
    if (picked.length === 0) {
      err.textContent = 'Pick at least one metric for the chart.';
      return;
    }
    if (ctx.apply({ op: 'addChart', title: title.value.trim() || picked.join(', ').slice(0, 120), metrics: picked }, err)) title.value = '';
  });
  return h(
    'div',
    { class: 'bpart' },
    h('h4', {}, 'Charts'),
    list.length > 0 ? h('ul', { class: 'brows' }, ...list) : h('p', { class: 'help' }, 'No charts yet.'),
    names.length === 0
      ? h('p', { class: 'help' }, 'Add cells to have something to chart.')
      : h('div', { class: 'bgrid' }, h('div', { class: 'bfield' }, h('label', { for: 'b-chart-metric' }, 'Metrics (pick one or more)'), metric, err), h('div', { class: 'bfield' }, h('label', { for: 'b-chart-title' }, 'Chart title'), title), add),
  );
}

type ButtonKind = 'blockLabel' | 'drug' | 'removeCells';

function buttonsPart(ctx: Ctx): HTMLElement {
  const list = (ctx.s.lesson?.interventions ?? []).map((b, i) =>
    h('li', { class: 'brow' }, h('span', {}, b.label), editButton(ctx, 'Remove', () => ({ op: 'removeButton', index: i }), { id: fieldId(`lesson.interventions.${i}`, '-remove'), 'aria-label': `Remove button ${b.label}` })),
  );
  const labels = Object.entries(ctx.s.labels);
  const cells = Object.entries(ctx.s.cellTypes);
  const kinds: [ButtonKind, string][] = [];
  if (labels.length > 0) kinds.push(['blockLabel', 'Block a label with an antibody']);
  if (cells.length > 0) kinds.push(['drug', 'A drug that stops release'], ['removeCells', 'Remove cells of a kind']);
  if (kinds.length === 0) return h('div', { class: 'bpart' }, h('h4', {}, 'Buttons'), h('p', { class: 'help' }, 'Add cells or labels to make buttons.'));
  const kind = h('select', { id: 'b-button-kind' }, ...kinds.map(([v, t]) => h('option', { value: v }, t)));
  const target = h('select', { id: 'b-button-target' });
  const fill = () => {
    const opts = kind.value === 'blockLabel' ? labels.map(([id, l]) => [id, l.name]) : cells.map(([id, c]) => [id, c.name]);
    target.replaceChildren(...opts.map(([v, t]) => h('option', { value: v }, t)));
  };
  kind.addEventListener('change', fill);
  fill();
  const amount = h('input', { type: 'text', inputmode: 'decimal', id: 'b-button-amount', class: 'num short', value: '0.9', autocomplete: 'off' });
  const label = h('input', { type: 'text', id: 'b-button-label', maxlength: 80, autocomplete: 'off' });
  const err = errSlot('b-button-label');
  const add = h('button', { type: 'button', class: 'small', id: 'b-button-add' }, 'Add button');
  add.addEventListener('click', () => {
    const f = Number(amount.value.trim());
    if (amount.value.trim() === '' || !Number.isFinite(f) || f < 0 || f > 1) {
      err.textContent = 'The share must be a number from 0 to 1.';
      return;
    }
    const k = kind.value as ButtonKind;
    const name = target.selectedOptions[0]?.textContent ?? target.value;
    const event: EventSpec =
      k === 'blockLabel' ? { kind: 'blockLabel', label: target.value, fraction: f } : k === 'drug' ? { kind: 'drug', cellType: target.value, inhibition: f } : { kind: 'removeCells', type: target.value, fraction: f };
    const text = label.value.trim() || (k === 'blockLabel' ? `Block ${name}` : k === 'drug' ? `Stop release from ${name}` : `Remove ${name}`);
    if (ctx.apply({ op: 'addButton', label: text, events: [event] }, err)) label.value = '';
  });
  return h(
    'div',
    { class: 'bpart' },
    h('h4', {}, 'Buttons (interventions)'),
    list.length > 0 ? h('ul', { class: 'brows' }, ...list) : null,
    h(
      'div',
      { class: 'bgrid' },
      h('div', { class: 'bfield' }, h('label', { for: 'b-button-kind' }, 'What it does'), kind),
      h('div', { class: 'bfield' }, h('label', { for: 'b-button-target' }, 'To'), target),
      h('div', { class: 'bfield' }, h('label', { for: 'b-button-amount' }, 'Share (0–1)'), amount),
      h('div', { class: 'bfield' }, h('label', { for: 'b-button-label' }, 'Button text'), label, err),
      add,
    ),
  );
}

function promptsPart(ctx: Ctx): HTMLElement {
  const prompts = ctx.s.lesson?.prompts ?? [];
  const slots = [0, 1, 2].map((i) => {
    const p = prompts[i];
    const id = `b-prompt-${i}`;
    const at = h('input', { type: 'text', inputmode: 'decimal', id: `${id}-at`, class: 'num short', value: p ? String(p.atHours) : String(4 * (i + 1)), autocomplete: 'off' });
    const predict = h('textarea', { id: `${id}-predict`, rows: 2, maxlength: 600 });
    predict.value = p?.predict ?? '';
    const explain = h('textarea', { id: `${id}-explain`, rows: 2, maxlength: 1200 });
    explain.value = p?.explain ?? '';
    const err = errSlot(`${id}-save`);
    const save = h('button', { type: 'button', class: 'small', id: `${id}-save`, 'aria-describedby': `${id}-save-err` }, p ? `Save prompt ${i + 1}` : `Add prompt ${i + 1}`);
    save.disabled = i > prompts.length;
    save.addEventListener('click', () => {
      const hours = Number(at.value.trim());
      if (at.value.trim() === '' || !Number.isFinite(hours)) {
        err.textContent = 'The hour must be a number.';
        return;
      }
      if (predict.value.trim() === '') {
        err.textContent = 'Write the question to predict.';
        return;
      }
      ctx.apply({ op: 'setPrompt', index: i, prompt: { atHours: hours, predict: predict.value, explain: explain.value } }, err);
    });
    return h(
      'li',
      { class: 'bprompt' },
      h('div', { class: 'bfield' }, h('label', { for: `${id}-at` }, `Prompt ${i + 1}: pause at hour`), at),
      h('div', { class: 'bfield long' }, h('label', { for: `${id}-predict` }, 'Predict: the question asked'), predict),
      h('div', { class: 'bfield long' }, h('label', { for: `${id}-explain` }, 'Explain: what to notice after observing'), explain),
      h('div', { class: 'row' }, save, p ? editButton(ctx, 'Remove', () => ({ op: 'setPrompt', index: i, prompt: null }), { id: `${id}-remove`, 'aria-label': `Remove prompt ${i + 1}` }) : null),
      err,
    );
  });
  return h('div', { class: 'bpart' }, h('h4', {}, 'Prompts: predict, observe, explain'), h('p', { class: 'help' }, 'The run pauses at the hour and asks; the learner predicts, watches, then reads the explanation.'), h('ol', { class: 'bprompts' }, ...slots));
}

export function lessonSection(ctx: Ctx): HTMLElement {
  return h('section', { class: 'bsection', 'aria-labelledby': 'b-lesson-h' }, h('h3', { id: 'b-lesson-h' }, 'Charts, buttons and prompts'), chartsPart(ctx), buttonsPart(ctx), promptsPart(ctx));
}
