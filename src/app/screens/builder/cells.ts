// The builder's cell kinds: add, rename, remove; the role (which fixes the colour, the same in
// every lesson), how many are placed, radius, motility, division and death, uptake, and which
// receptors the kind carries.
import { CELL_ROLES, type CellRole } from '../../../../lessons/schema';
import { cellLooks, roleName } from '../../../../viz/palette';
import { h } from '../../ui/dom';
import { addForm, checkField, editButton, fieldId, numberField, selectField, textField, type Ctx } from './fields';
import { t } from './messages';
import { fieldLabel } from '../../../lab/builder/fieldNames';

const roleOf = (ctx: Ctx, id: string): CellRole => {
  const r = ctx.s.lesson?.roles?.[id];
  return r ?? 'bystander';
};

/** How many cells of a kind the experiment places, over every tissue. */
export function placedCount(ctx: Ctx, id: string): number {
  let n = 0;
  for (const tissue of Object.values(ctx.s.tissues)) for (const p of tissue.cells) if (p.type === id) n += p.count;
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
      h('div', { class: 'bcard-head' }, swatch, h('h4', {}, c.name), h('span', { class: 'help' }, t('builder.cells.placed', { count: placedCount(ctx, id) })),
        editButton(ctx, t('builder.remove'), () => ({ op: 'removeCellKind', id }), { 'aria-label': t('builder.cells.removeKind', { name: c.name }), id: fieldId(p, '-remove') }),
      ),
      h(
        'div',
        { class: 'bgrid' },
        textField(ctx, `${p}.name`, t('builder.name'), { max: 80 }),
        selectField(ctx, fieldId(p, '-role'), t('builder.cells.role'), CELL_ROLES.map((r) => [r, roleName(r)]), roleOf(ctx, id), (role) => ({ op: 'setRole', id, role: role as CellRole })),
        numberField(ctx, `${p}.radius`, { label: fieldLabel('param.l.cellRadius') }),
        numberField(ctx, `${p}.motility`, { label: fieldLabel('param.l.motility') }),
        numberField(ctx, `${p}.doublingHours`, { label: t('builder.cells.doubling') }),
        numberField(ctx, `${p}.deathPerHour`, { label: fieldLabel('param.l.deathRate') }),
        numberField(ctx, `${p}.nonSpecificUptake`, { label: fieldLabel('param.l.nonSpecificUptake') }),
        numberField(ctx, `${p}.internalisePerHour`, { label: fieldLabel('param.l.internalisationRate') }),
        numberField(ctx, `${p}.maxBound`, { label: fieldLabel('param.l.bindingCapacity') }),
      ),
      receptors.length === 0
        ? h('p', { class: 'help' }, t('builder.cells.receptorsHelp'))
        : h('fieldset', { class: 'bchecks' }, h('legend', {}, t('builder.cells.receptors')), ...receptors.map(([rid, r]) => checkField(ctx, fieldId(`${p}.receptors.${rid}`), r.name, c.receptors.includes(rid), (on) => ({ op: 'toggleReceptor', cell: id, receptor: rid, on })))),
    );
  });
  return h(
    'section',
    { class: 'bsection', 'aria-labelledby': 'b-cells-h' },
    h('h3', { id: 'b-cells-h' }, t('builder.cells.heading')),
    cards.length === 0 ? h('p', { class: 'help' }, t('builder.cells.empty')) : h('ul', { class: 'bcards' }, ...cards),
    addForm(ctx, 'b-add-cell', t('builder.cells.new'), t('builder.cells.add'), (name) => ({ op: 'addCellKind', name, role: Object.keys(ctx.s.cellTypes).length === 0 ? 'sender' : Object.keys(ctx.s.cellTypes).length === 1 ? 'reader' : 'bystander', count: 0 })),
  );
}
