// The builder's cell kinds: add, rename, remove; the role (which fixes the colour, the same in
// every lesson), how many are placed, radius, motility, division and death, uptake, and which
// receptors the kind carries.
import { CELL_ROLES, type CellRole } from '../../../../lessons/schema';
import { cellLooks, ROLE_NAMES } from '../../../../viz/palette';
import { h } from '../../ui/dom';
import { addForm, checkField, editButton, fieldId, numberField, selectField, textField, type Ctx } from './fields';

const roleOf = (ctx: Ctx, id: string): CellRole => {
  const r = ctx.s.lesson?.roles?.[id];
  return r ?? 'bystander';
};

/** How many cells of a kind the experiment places, over every tissue. */
export function placedCount(ctx: Ctx, id: string): number {
  let n = 0;
  for (const t of Object.values(ctx.s.tissues)) for (const p of t.cells) if (p.type === id) n += p.count;
  return n;
}

export function cellsSection(ctx: Ctx): HTMLElement {
  const looks = cellLooks(ctx.s);
  const receptors = Object.entries(ctx.s.receptors);
  const cards = Object.entries(ctx.s.cellTypes).map(([id, c], i) => {
    const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.background = looks[i]?.colour ?? '#999';
    const p = `cellTypes.${id}`;
    return h(
      'li',
      { class: 'bcard', 'data-kind': id },
      h('div', { class: 'bcard-head' }, swatch, h('h4', {}, c.name), h('span', { class: 'help' }, `${placedCount(ctx, id)} placed`), editButton(ctx, 'Remove', () => ({ op: 'removeCellKind', id }), { 'aria-label': `Remove ${c.name}`, id: fieldId(p, '-remove') })),
      h(
        'div',
        { class: 'bgrid' },
        textField(ctx, `${p}.name`, 'Name', { max: 80 }),
        selectField(ctx, fieldId(p, '-role'), 'Role (colour)', CELL_ROLES.map((r) => [r, ROLE_NAMES[r]]), roleOf(ctx, id), (role) => ({ op: 'setRole', id, role: role as CellRole })),
        numberField(ctx, `${p}.radius`, { label: 'Radius' }),
        numberField(ctx, `${p}.motility`, { label: 'Motility' }),
        numberField(ctx, `${p}.doublingHours`, { label: 'Divides every (0: never)' }),
        numberField(ctx, `${p}.deathPerHour`, { label: 'Death rate' }),
        numberField(ctx, `${p}.nonSpecificUptake`, { label: 'Takes up any vesicle by chance' }),
        numberField(ctx, `${p}.internalisePerHour`, { label: 'Takes bound vesicles inside' }),
        numberField(ctx, `${p}.maxBound`, { label: 'Surface full at' }),
      ),
      receptors.length === 0
        ? h('p', { class: 'help' }, 'Receptors: add one in the address book below.')
        : h('fieldset', { class: 'bchecks' }, h('legend', {}, 'Receptors it carries'), ...receptors.map(([rid, r]) => checkField(ctx, fieldId(`${p}.receptors.${rid}`), r.name, c.receptors.includes(rid), (on) => ({ op: 'toggleReceptor', cell: id, receptor: rid, on })))),
    );
  });
  return h(
    'section',
    { class: 'bsection', 'aria-labelledby': 'b-cells-h' },
    h('h3', { id: 'b-cells-h' }, 'Cell kinds'),
    cards.length === 0 ? h('p', { class: 'help' }, 'No cells yet. Add a kind of cell, then place it on the tissue.') : h('ul', { class: 'bcards' }, ...cards),
    addForm(ctx, 'b-add-cell', 'New cell kind', 'Add cell kind', (name) => ({ op: 'addCellKind', name, role: Object.keys(ctx.s.cellTypes).length === 0 ? 'sender' : Object.keys(ctx.s.cellTypes).length === 1 ? 'reader' : 'bystander', count: 0 })),
  );
}
