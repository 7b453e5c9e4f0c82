// The builder's vesicle kinds: name, the address labels they carry, their cargo (how much of each
// signal one vesicle delivers), the signal binding alone adds, and how many each cell kind
// releases per hour; and the signals a
// cargo can carry, with how fast each fades inside a cell.
import { h } from '../../ui/dom';
import { addForm, checkField, editButton, fieldId, numberField, textField, type Ctx } from './fields';

function releasePath(ctx: Ctx, cell: string, ves: string): string {
  const i = ctx.s.cellTypes[cell].release.findIndex((r) => r.vesicleType === ves);
  return i >= 0 ? `cellTypes.${cell}.release.${i}.perHour` : `cellTypes.${cell}.release.new-${ves}`;
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
      h('div', { class: 'bcard-head' }, h('h4', {}, v.name), editButton(ctx, 'Remove', () => ({ op: 'removeVesicleKind', id }), { 'aria-label': `Remove ${v.name}`, id: fieldId(p, '-remove') })),
      textField(ctx, `${p}.name`, 'Name', { max: 80 }),
      labels.length === 0
        ? h('p', { class: 'help' }, 'Address labels: add one in the address book below.')
        : h('fieldset', { class: 'bchecks' }, h('legend', {}, 'Address labels it carries'), ...labels.map(([lid, l]) => checkField(ctx, fieldId(`${p}.labels.${lid}`), l.name, v.labels.includes(lid), (on) => ({ op: 'toggleLabel', vesicle: id, label: lid, on })))),
      signals.length === 0
        ? h('p', { class: 'help' }, 'Cargo: add a signal below first.')
        : h(
            'fieldset',
            { class: 'bgrid' },
            h('legend', {}, 'Cargo: signal each vesicle delivers (empty: none)'),
            ...signals.map(([sid, sg]) => numberField(ctx, `${p}.cargo.${sid}`, { label: sg.name, unit: 'a.u.', optional: true, edit: (amount) => ({ op: 'setCargo', vesicle: id, signal: sid, amount: amount ?? null }) })),
          ),
      signals.length === 0
        ? null
        : h(
            'fieldset',
            { class: 'bgrid' },
            h('legend', {}, 'Effect on binding: signal added when one binds a cell (empty: none)'),
            ...signals.map(([sid, sg]) => numberField(ctx, `${p}.onBind.${sid}`, { label: sg.name, unit: 'a.u.', optional: true })),
          ),
      cells.length === 0
        ? null
        : h(
            'fieldset',
            { class: 'bgrid' },
            h('legend', {}, 'Released by (empty: none)'),
            ...cells.map(([cid, c]) => numberField(ctx, releasePath(ctx, cid, id), { label: c.name, unit: 'per cell per hour', optional: true, edit: (perHour) => ({ op: 'setRelease', cell: cid, vesicle: id, perHour: perHour ?? null }) })),
          ),
    );
  });
  const signalRows = signals.map(([sid]) =>
    h('li', { class: 'brow' }, textField(ctx, `signals.${sid}.name`, 'Signal', { max: 80 }), numberField(ctx, `signals.${sid}.halfLifeHours`, { label: 'Fades with half-life' })),
  );
  return h(
    'section',
    { class: 'bsection', 'aria-labelledby': 'b-ves-h' },
    h('h3', { id: 'b-ves-h' }, 'Vesicle kinds'),
    cards.length === 0 ? h('p', { class: 'help' }, 'No vesicles yet. Add a kind, give it a label and cargo, and say who releases it.') : h('ul', { class: 'bcards' }, ...cards),
    addForm(ctx, 'b-add-ves', 'New vesicle kind', 'Add vesicle kind', (name) => ({ op: 'addVesicleKind', name })),
    h('h3', { id: 'b-sig-h' }, 'Signals (what a cargo does inside a cell)'),
    signalRows.length === 0 ? null : h('ul', { class: 'brows', 'aria-labelledby': 'b-sig-h' }, ...signalRows),
    addForm(ctx, 'b-add-signal', 'New signal', 'Add signal', (name) => ({ op: 'addSignal', name })),
  );
}
