// The builder's vesicle kinds: name, the address labels they carry, their cargo (how much of each
// signal one vesicle delivers), the signal binding alone adds, and how many each cell kind
// releases per hour; and the signals a
// cargo can carry, with how fast each fades inside a cell.
import { h } from '../../ui/dom';
import { addForm, at, checkField, editButton, fieldId, numberField, textField, type Ctx } from './fields';
import { t } from './messages';

function releasePath(ctx: Ctx, cell: string, ves: string): string {
  const i = ctx.s.cellTypes[cell].release.findIndex((r) => r.vesicleType === ves);
  return i >= 0 ? at('cellTypes', cell, 'release', i, 'perHour') : at('cellTypes', cell, 'release', `new-${ves}`);
}

export function vesiclesSection(ctx: Ctx): HTMLElement {
  const labels = Object.entries(ctx.s.labels);
  const signals = Object.entries(ctx.s.signals);
  const cells = Object.entries(ctx.s.cellTypes);
  const cards = Object.entries(ctx.s.vesicleTypes).map(([id, v]) => {
    const p = `vesicleTypes.${id}`;
    return h(
      'li',
      { class: 'bcard', 'data-kind': id },
      h('div', { class: 'bcard-head' }, h('h4', {}, v.name), editButton(ctx, t('builder.remove'), () => ({ op: 'removeVesicleKind', id }), { 'aria-label': t('builder.cells.removeKind', { name: v.name }), id: fieldId(p, '-remove') })),
      textField(ctx, `${p}.name`, t('builder.name'), { max: 80 }),
      labels.length === 0
        ? h('p', { class: 'help' }, t('builder.ves.labelsHelp'))
        : h('fieldset', { class: 'bchecks' }, h('legend', {}, t('builder.ves.labels')), ...labels.map(([lid, l]) => checkField(ctx, fieldId(`${p}.labels.${lid}`), l.name, v.labels.includes(lid), (on) => ({ op: 'toggleLabel', vesicle: id, label: lid, on })))),
      signals.length === 0
        ? h('p', { class: 'help' }, t('builder.ves.cargoHelp'))
        : h(
            'fieldset',
            { class: 'bgrid' },
            h('legend', {}, t('builder.ves.cargo')),
            ...signals.map(([sid, sg]) => numberField(ctx, at(p, 'cargo', sid), { label: sg.name, unit: 'a.u.', optional: true, edit: (amount) => ({ op: 'setCargo', vesicle: id, signal: sid, amount: amount ?? null }) })),
          ),
      signals.length === 0
        ? null
        : h(
            'fieldset',
            { class: 'bgrid' },
            h('legend', {}, t('builder.ves.onBind')),
            ...signals.map(([sid, sg]) => numberField(ctx, at(p, 'onBind', sid), { label: sg.name, unit: 'a.u.', optional: true })),
          ),
      cells.length === 0
        ? null
        : h(
            'fieldset',
            { class: 'bgrid' },
            h('legend', {}, t('builder.ves.releasedBy')),
            ...cells.map(([cid, c]) => numberField(ctx, releasePath(ctx, cid, id), { label: c.name, unit: 'per cell per hour', optional: true, edit: (perHour) => ({ op: 'setRelease', cell: cid, vesicle: id, perHour: perHour ?? null }) })),
          ),
    );
  });
  const signalRows = signals.map(([sid]) =>
    h('li', { class: 'brow' }, textField(ctx, at('signals', sid, 'name'), t('builder.ves.signal'), { max: 80 }), numberField(ctx, at('signals', sid, 'halfLifeHours'), { label: t('builder.ves.fades') })),
  );
  return h(
    'section',
    { class: 'bsection', 'aria-labelledby': 'b-ves-h' },
    h('h3', { id: 'b-ves-h' }, t('builder.ves.heading')),
    cards.length === 0 ? h('p', { class: 'help' }, t('builder.ves.empty')) : h('ul', { class: 'bcards' }, ...cards),
    addForm(ctx, 'b-add-ves', t('builder.ves.new'), t('builder.ves.add'), (name) => ({ op: 'addVesicleKind', name })),
    h('h3', { id: 'b-sig-h' }, t('builder.ves.signals')),
    signalRows.length === 0 ? null : h('ul', { class: 'brows', 'aria-labelledby': 'b-sig-h' }, ...signalRows),
    addForm(ctx, 'b-add-signal', t('builder.ves.newSignal'), t('builder.ves.addSignal'), (name) => ({ op: 'addSignal', name })),
  );
}
