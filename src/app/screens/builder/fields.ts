// The builder's form fields: a number with its label, unit and range from the schema, a name, a
// choice, a check box — each checked live as it is typed (the message next to the field, the
// scenario unchanged) and applied when it is committed (Enter or leaving it) only if valid. A
// number's range is checked here, so its message names the field as the builder does, in the
// reader's language.
import { parameterAt } from '../../../../sim/params';
import { num, readField } from '../../../i18n/i18n';
import { fieldNumber, t, unitWord } from './messages';
import type { ScenarioFile } from '../../../../lessons/scenarioFile';
import type { Edit } from '../../../lab/builder/index';
import { h, type Child } from '../../ui/dom';

export interface Ctx {
  readonly s: ScenarioFile;
  /** Applies an edit; when refused, shows the problem in `err` (or the builder's status line) and returns false. */
  apply(e: Edit, err?: HTMLElement | null): boolean;
  /** The problem an edit would have, without applying it (null: it would be applied). */
  trial(e: Edit): string | null;
}

/** The value at a dotted path of a scenario (any field, own keys only), or undefined. */
export function valueAt(root: unknown, path: string): unknown {
  let node = root;
  for (const k of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, k)) return undefined;
    node = (node as Record<string, unknown>)[k];
  }
  return node;
}

/** A dotted scenario path from its keys (`at(p, 'barriers', 0, 'position')`). */
export const at = (...keys: (string | number)[]): string => keys.join('.');

/** A stable element id for a scenario path (focus comes back to it after the builder redraws). */
export function fieldId(path: string, suffix = ''): string {
  return `b-${path.replace(/[^A-Za-z0-9_-]/g, '_')}${suffix}`;
}

const errorSlot = (id: string) => h('p', { class: 'field-error', id: `${id}-err`, 'aria-live': 'polite' });

function showError(input: HTMLElement, err: HTMLElement, message: string | null): void {
  err.textContent = message ?? '';
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

/** A number read from text: the value, or undefined for an empty optional field, or null when not a number. */
function readNumber(text: string, optional: boolean): number | undefined | null {
  if (text.trim() === '') return optional ? undefined : null;
  return readField(text) ?? null;
}

/** The problem with a number for a field of this range, in words (null: none). */
export function rangeProblem(v: number, label: string, unit: string, range: { min: number; max: number; integer?: boolean } | null): string | null {
  if (!range) return null;
  if (v < range.min) return t('builder.field.atLeast', { label, min: num(range.min), unit }).trim();
  if (v > range.max) return t('builder.field.atMost', { label, max: num(range.max), unit }).trim();
  if (range.integer && !Number.isInteger(v)) return t('builder.field.whole', { label });
  return null;
}

/**
 * A schema message about a field, said with the field's name in the reader's language: the
 * schema's range and length messages ("Too small: expected string to have >=1 characters",
 * "cell radius must be at most 50 µm") are known by their form; any other is shown as written.
 */
export function fieldProblem(message: string, label: string, unit = ''): string {
  const bound = /(?:to be|must be at) (>=|<=|least|most) ?(-?[\d.e+]+)/.exec(message);
  if (/^Too small: expected string to have >=1 characters?$/.test(message)) return t('builder.field.empty', { label });
  const long = /^Too big: expected string to have <=(\d+) characters$/.exec(message);
  if (long) return t('builder.field.tooLong', { label, max: Number(long[1]) });
  if (/must be a whole number$|expected int/.test(message)) return t('builder.field.whole', { label });
  if (bound && Number.isFinite(Number(bound[2]))) {
    const x = num(Number(bound[2]));
    return (bound[1] === '>=' || bound[1] === 'least' ? t('builder.field.atLeast', { label, min: x, unit }) : t('builder.field.atMost', { label, max: x, unit })).trim();
  }
  return message;
}

export interface NumberOpts {
  /** The field's name as the builder shows it (in the reader's language). */
  label: string;
  /** The edit a value makes (default: set the path). */
  edit?: (value: number | undefined) => Edit;
  /** Empty means "not set". */
  optional?: boolean;
  /** The label is for screen readers only (in a grid whose headers say it). */
  hiddenLabel?: boolean;
  unit?: string;
}

/** A number field for a scenario path, with the schema's unit and range. */
export function numberField(ctx: Ctx, path: string, o: NumberOpts): HTMLElement {
  const meta = parameterAt(ctx.s, path);
  const value = valueAt(ctx.s, path);
  const id = fieldId(path);
  const label = o.label;
  const unit = unitWord(o.unit ?? meta?.unit ?? '');
  const input = h('input', {
    type: 'text',
    inputmode: 'decimal',
    id,
    class: 'num short',
    value: typeof value === 'number' ? fieldNumber(value) : '',
    'data-path': path,
    'aria-describedby': `${id}-err`,
    autocomplete: 'off',
    spellcheck: 'false',
    title: meta ? t('builder.field.range', { min: num(meta.min), max: num(meta.max), unit }).trim() : undefined,
  });
  const err = errorSlot(id);
  const editOf = (v: number | undefined): Edit => (o.edit ? o.edit(v) : { op: 'set', path, value: v });
  const check = (): { ok: true; v: number | undefined } | { ok: false; message: string } => {
    const v = readNumber(input.value, o.optional ?? false);
    if (v === null) return { ok: false, message: unit ? t('builder.field.notNumberUnit', { label, unit }) : t('builder.field.notNumber', { label }) };
    const out = v === undefined ? null : rangeProblem(v, label, unit, meta ?? null);
    if (out) return { ok: false, message: out };
    const problem = ctx.trial(editOf(v));
    return problem ? { ok: false, message: fieldProblem(problem, label, unit) } : { ok: true, v };
  };
  input.addEventListener('input', () => {
    const c = check();
    showError(input, err, c.ok ? null : c.message);
  });
  input.addEventListener('change', () => {
    const c = check();
    if (!c.ok) return showError(input, err, c.message);
    if (c.v === value) return;
    ctx.apply(editOf(c.v), err);
  });
  return h(
    'div',
    { class: 'bfield' },
    h('label', { for: id, class: o.hiddenLabel ? 'visually-hidden' : undefined }, label),
    h('span', { class: 'bfield-input' }, input, unit && !o.hiddenLabel ? h('span', { class: 'unit' }, unit) : null),
    err,
  );
}

/** A text field (a name, a title, a prompt) committed when it changes. */
export function textField(ctx: Ctx, path: string, label: string, o: { long?: boolean; edit?: (v: string) => Edit; max?: number } = {}): HTMLElement {
  const value = valueAt(ctx.s, path);
  const id = fieldId(path);
  const props = { id, 'data-path': path, 'aria-describedby': `${id}-err`, spellcheck: 'true', maxlength: o.max ?? 600 };
  const input = o.long ? h('textarea', { ...props, rows: 2 }) : h('input', { ...props, type: 'text', autocomplete: 'off' });
  input.value = typeof value === 'string' ? value : '';
  const err = errorSlot(id);
  const editOf = (v: string): Edit => (o.edit ? o.edit(v) : { op: 'set', path, value: v });
  const trial = (v: string) => {
    const problem = ctx.trial(editOf(v));
    return problem === null ? null : fieldProblem(problem, label);
  };
  input.addEventListener('input', () => showError(input, err, trial(input.value)));
  input.addEventListener('change', () => {
    const problem = trial(input.value);
    if (problem) return showError(input, err, problem);
    if (input.value !== value) ctx.apply(editOf(input.value), err);
  });
  return h('div', { class: `bfield${o.long ? ' long' : ''}` }, h('label', { for: id }, label), input, err);
}

/** A choice among options, applied at once. */
export function selectField(ctx: Ctx, id: string, label: string, options: [value: string, text: string][], value: string, edit: (v: string) => Edit, o: { hiddenLabel?: boolean } = {}): HTMLElement {
  const sel = h('select', { id, 'aria-describedby': `${id}-err` }, ...options.map(([v, t]) => h('option', { value: v }, t)));
  sel.value = value;
  const err = errorSlot(id);
  sel.addEventListener('change', () => {
    if (!ctx.apply(edit(sel.value), err)) sel.value = value;
  });
  return h('div', { class: 'bfield' }, h('label', { for: id, class: o.hiddenLabel ? 'visually-hidden' : undefined }, label), sel, err);
}

/** A check box, applied at once. */
export function checkField(ctx: Ctx, id: string, label: Child, checked: boolean, edit: (on: boolean) => Edit): HTMLElement {
  const box = h('input', { type: 'checkbox', id, 'aria-describedby': `${id}-err` });
  box.checked = checked;
  const err = errorSlot(id);
  box.addEventListener('change', () => {
    if (!ctx.apply(edit(box.checked), err)) box.checked = checked;
  });
  return h('div', { class: 'bcheck' }, box, h('label', { for: id }, label), err);
}

/** A small "add" form: a name and a button (Enter adds too). */
export function addForm(ctx: Ctx, id: string, label: string, button: string, edit: (name: string) => Edit): HTMLElement {
  const input = h('input', { type: 'text', id, autocomplete: 'off', maxlength: 80, 'aria-describedby': `${id}-err` });
  const err = errorSlot(id);
  const form = h('form', { class: 'badd' }, h('label', { for: id }, label), h('span', { class: 'row' }, input, h('button', { type: 'submit', class: 'small', id: `${id}-go` }, button)), err);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (ctx.apply(edit(input.value), err)) input.value = '';
  });
  return form;
}

/** A button that applies an edit. */
export function editButton(ctx: Ctx, text: string, edit: () => Edit, props: Record<string, string> = {}): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'small', ...props }, text);
  b.addEventListener('click', () => void ctx.apply(edit()));
  return b;
}
