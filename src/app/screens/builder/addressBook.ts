// The address book: a grid of the vesicles' address labels (rows) against the cells' receptors
// (columns); each cell of the grid is how strongly that label binds that receptor (0–1), editable.
// Each label has a toggle for a blocking antibody that covers it.
import { h } from '../../ui/dom';
import { addForm, checkField, editButton, fieldId, numberField, type Ctx } from './fields';

export function addressBookSection(ctx: Ctx): HTMLElement {
  const labels = Object.entries(ctx.s.labels);
  const receptors = Object.entries(ctx.s.receptors);
  const table =
    labels.length === 0 || receptors.length === 0
      ? h('p', { class: 'help' }, 'Add at least one address label and one receptor: the grid then says how strongly each label binds each receptor.')
      : h(
          'div',
          { class: 'btable-box', tabindex: 0, role: 'region', 'aria-label': 'Address book grid' },
          h(
            'table',
            { class: 'btable', id: 'b-address-book' },
            h('caption', { class: 'visually-hidden' }, 'Affinity of each address label (rows) for each receptor (columns), from 0 (no binding) to 1'),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, 'Label ↓ · receptor →'),
                ...receptors.map(([rid, r]) => h('th', { scope: 'col' }, r.name, ' ', editButton(ctx, '×', () => ({ op: 'removeReceptor', id: rid }), { 'aria-label': `Remove receptor ${r.name}`, title: `Remove receptor ${r.name}`, id: fieldId(`receptors.${rid}`, '-remove') }))),
                h('th', { scope: 'col' }, 'Blocking antibody'),
              ),
            ),
            h(
              'tbody',
              {},
              ...labels.map(([lid, l]) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, l.name, ' ', editButton(ctx, '×', () => ({ op: 'removeLabel', id: lid }), { 'aria-label': `Remove label ${l.name}`, title: `Remove label ${l.name}`, id: fieldId(`labels.${lid}`, '-remove') })),
                  ...receptors.map(([rid, r]) =>
                    h('td', {}, numberField(ctx, `affinity.${lid}.${rid}`, { label: `Affinity of ${l.name} for ${r.name}`, hiddenLabel: true, optional: true, edit: (v) => ({ op: 'setAffinity', label: lid, receptor: rid, value: v ?? 0 }) })),
                  ),
                  h('td', {}, checkField(ctx, fieldId(`labels.${lid}.blocked`), h('span', { class: 'visually-hidden' }, `Block ${l.name} with an antibody`), l.blocked > 0, (on) => ({ op: 'set', path: `labels.${lid}.blocked`, value: on ? 1 : 0 }))),
                ),
              ),
            ),
          ),
        );
  return h(
    'section',
    { class: 'bsection', 'aria-labelledby': 'b-book-h' },
    h('h3', { id: 'b-book-h' }, 'Address book'),
    h('p', { class: 'help' }, 'A vesicle binds a cell when one of its labels matches one of the cell’s receptors: 1 binds fully, 0 not at all.'),
    table,
    h('div', { class: 'brow' }, addForm(ctx, 'b-add-label', 'New address label', 'Add label', (name) => ({ op: 'addLabel', name })), addForm(ctx, 'b-add-receptor', 'New receptor', 'Add receptor', (name) => ({ op: 'addReceptor', name }))),
  );
}
