// Scheduled events and doses: what the experiment does by itself at an hour — inject vesicles,
// give a drug or an antibody, add or remove cells — and repeated doses of vesicles into a tissue
// or the blood; each listed in words with a Remove, and a small form to add one at a time.
import type { DoseSpec, EventSpec } from '../../../../sim/schema';
import { NO_LAST_DOSE } from '../../../../sim/state';
import { describeDose, describeEvent } from '../../../lab/builder/index';
import { h } from '../../ui/dom';
import { editButton, type Ctx } from './fields';
import { fieldNumber, t } from './messages';
import { readField } from '../../../i18n/i18n';

type EventKind = 'inject' | 'drug' | 'blockLabel' | 'removeCells' | 'addCells';
const BLOOD = '';

const errSlot = (id: string) => h('p', { class: 'field-error', id: `${id}-err`, 'aria-live': 'polite' });

/** A number typed in a form field (comma or point), or null. */
const typed = (input: HTMLInputElement): number | null => {
  return readField(input.value) ?? null;
};

const field = (id: string, label: string, control: HTMLElement) => h('div', { class: 'bfield' }, h('label', { for: id }, label), control);
const numberInput = (id: string, value: number) => h('input', { type: 'text', inputmode: 'decimal', id, class: 'num short', value: fieldNumber(value), autocomplete: 'off' });
const options = (list: [string, string][]) => list.map(([v, text]) => h('option', { value: v }, text));

function eventsPart(ctx: Ctx): HTMLElement {
  const s = ctx.s;
  const list = s.events.map((e, i) =>
    h('li', { class: 'brow' }, h('span', {}, describeEvent(s, e)), editButton(ctx, t('builder.remove'), () => ({ op: 'removeEvent', index: i }), { id: `b-event-${i}-remove`, 'aria-label': t('builder.schedule.removeEvent', { n: i + 1 }) })),
  );
  const vesicles = Object.entries(s.vesicleTypes).map(([id, v]): [string, string] => [id, v.name]);
  const cells = Object.entries(s.cellTypes).map(([id, c]): [string, string] => [id, c.name]);
  const labels = Object.entries(s.labels).map(([id, l]): [string, string] => [id, l.name]);
  const tissues = Object.entries(s.tissues).map(([id, x]): [string, string] => [id, x.name]);
  const kinds: [EventKind, string][] = [];
  if (vesicles.length > 0) kinds.push(['inject', t('builder.schedule.inject')]);
  if (cells.length > 0) kinds.push(['drug', t('builder.schedule.drug')], ['removeCells', t('builder.schedule.removeCells')], ['addCells', t('builder.schedule.addCells')]);
  if (labels.length > 0) kinds.push(['blockLabel', t('builder.schedule.blockLabel')]);
  const head = h('h4', {}, t('builder.schedule.events'));
  const shown = list.length > 0 ? h('ul', { class: 'brows' }, ...list) : h('p', { class: 'help' }, t('builder.schedule.noEvents'));
  if (kinds.length === 0) return h('div', { class: 'bpart' }, head, shown, h('p', { class: 'help' }, t('builder.schedule.needThings')));

  const kind = h('select', { id: 'b-event-kind' }, ...options(kinds));
  const target = h('select', { id: 'b-event-target' });
  const where = h('select', { id: 'b-event-where' });
  const amount = numberInput('b-event-amount', 500);
  const amountLabel = h('label', { for: 'b-event-amount' });
  const at = numberInput('b-event-at', 2);
  const err = errSlot('b-event-add');
  const fill = () => {
    const k = kind.value as EventKind;
    target.replaceChildren(...options(k === 'inject' ? vesicles : k === 'blockLabel' ? labels : cells));
    where.replaceChildren(...options(k === 'inject' ? [[BLOOD, t('builder.schedule.blood')], ...tissues] : tissues));
    where.disabled = k !== 'inject' && k !== 'addCells';
    amountLabel.textContent = t(k === 'inject' ? 'builder.schedule.packets' : k === 'addCells' ? 'builder.schedule.count' : 'builder.schedule.share');
    amount.value = fieldNumber(k === 'inject' ? 500 : k === 'addCells' ? 10 : 0.5);
  };
  kind.addEventListener('change', fill);
  fill();
  const add = h('button', { type: 'button', class: 'small', id: 'b-event-add', 'aria-describedby': 'b-event-add-err' }, t('builder.schedule.addEvent'));
  add.addEventListener('click', () => {
    const hours = typed(at);
    const x = typed(amount);
    if (hours === null || hours < 0) return void (err.textContent = t('builder.schedule.hourError'));
    if (x === null) return void (err.textContent = t('builder.schedule.amountError'));
    const k = kind.value as EventKind;
    const id = target.value;
    const tissue = where.value === BLOOD ? undefined : where.value;
    const event: EventSpec =
      k === 'inject'
        ? { kind: 'inject', atHours: hours, vesicleType: id, packets: Math.round(x), ...(tissue === undefined ? {} : { tissue }) }
        : k === 'drug'
          ? { kind: 'drug', atHours: hours, cellType: id, inhibition: x }
          : k === 'blockLabel'
            ? { kind: 'blockLabel', atHours: hours, label: id, fraction: x }
            : k === 'removeCells'
              ? { kind: 'removeCells', atHours: hours, type: id, fraction: x }
              : { kind: 'addCells', atHours: hours, type: id, count: Math.round(x), tissue: where.value };
    if (ctx.apply({ op: 'addEvent', event }, err)) err.textContent = '';
  });
  return part(
    head,
    shown,
    [
      field('b-event-kind', t('builder.schedule.what'), kind),
      field('b-event-target', t('builder.schedule.which'), target),
      h('div', { class: 'bfield' }, amountLabel, amount),
      field('b-event-where', t('builder.schedule.where'), where),
      field('b-event-at', t('builder.schedule.at'), at),
      add,
    ],
    err,
  );
}

function dosesPart(ctx: Ctx): HTMLElement {
  const s = ctx.s;
  const list = s.doses.map((d, i) =>
    h('li', { class: 'brow' }, h('span', {}, describeDose(s, d)), editButton(ctx, t('builder.remove'), () => ({ op: 'removeDose', index: i }), { id: `b-dose-${i}-remove`, 'aria-label': t('builder.schedule.removeDose', { n: i + 1 }) })),
  );
  const vesicles = Object.entries(s.vesicleTypes).map(([id, v]): [string, string] => [id, v.name]);
  const head = h('h4', {}, t('builder.schedule.doses'));
  const shown = list.length > 0 ? h('ul', { class: 'brows' }, ...list) : h('p', { class: 'help' }, t('builder.schedule.noDoses'));
  if (vesicles.length === 0) return h('div', { class: 'bpart' }, head, shown, h('p', { class: 'help' }, t('builder.schedule.needVesicles')));
  const vesicle = h('select', { id: 'b-dose-vesicle' }, ...options(vesicles));
  const where = h('select', { id: 'b-dose-where' }, ...options([[BLOOD, t('builder.schedule.blood')], ...Object.entries(s.tissues).map(([id, x]): [string, string] => [id, x.name])]));
  const packets = numberInput('b-dose-packets', 200);
  const every = numberInput('b-dose-every', 2);
  const start = numberInput('b-dose-start', 0);
  const err = errSlot('b-dose-add');
  const add = h('button', { type: 'button', class: 'small', id: 'b-dose-add', 'aria-describedby': 'b-dose-add-err' }, t('builder.schedule.addDose'));
  add.addEventListener('click', () => {
    const [p, e, st] = [typed(packets), typed(every), typed(start)];
    if (p === null || e === null || st === null) return void (err.textContent = t('builder.schedule.amountError'));
    const tissue = where.value === BLOOD ? undefined : where.value;
    const dose: DoseSpec = { name: t('builder.schedule.doseName', { n: s.doses.length + 1 }), vesicleType: vesicle.value, packets: Math.round(p), everyHours: e, startHours: st, stopHours: NO_LAST_DOSE, ...(tissue === undefined ? {} : { tissue }) };
    if (ctx.apply({ op: 'addDose', dose }, err)) err.textContent = '';
  });
  return part(
    head,
    shown,
    [
      field('b-dose-vesicle', t('builder.schedule.vesicle'), vesicle),
      field('b-dose-packets', t('builder.schedule.packets'), packets),
      field('b-dose-every', t('builder.schedule.every'), every),
      field('b-dose-start', t('builder.schedule.start'), start),
      field('b-dose-where', t('builder.schedule.where'), where),
      add,
    ],
    err,
  );
}

export function scheduleSection(ctx: Ctx): HTMLElement {
  return h(
    'section',
    { class: 'bsection', 'aria-labelledby': 'b-schedule-h' },
    h('h3', { id: 'b-schedule-h' }, t('builder.schedule.heading')),
    h('p', { class: 'help' }, t('builder.schedule.help')),
    eventsPart(ctx),
    dosesPart(ctx),
  );
}

/** A schedule part: its heading, what it holds so far, the fields to add one more, and their message slot. */
function part(head: HTMLElement, shown: HTMLElement, fields: HTMLElement[], err: HTMLElement): HTMLElement {
  return h('div', { class: 'bpart' }, head, shown, h('div', { class: 'bgrid' }, ...fields), err);
}
