// The address book: a grid of the vesicles' address labels (rows) against the cells' receptors
// (columns); each cell of the grid is how strongly that label binds that receptor (0–1), editable.
// Each label has a toggle for a blocking antibody that covers it.
import { h } from '../../ui/dom';
import { addForm, at, checkField, editButton, fieldId, numberField, type Ctx } from './fields';
import { t } from './messages';

export function addressBookSection(ctx: Ctx): HTMLElement {
  const labels = Object.entries(ctx.s.labels);
  const receptors = Object.entries(ctx.s.receptors);
  const table =
    labels.length === 0 || receptors.length === 0
      ? h('p', { class: 'help' }, t('builder.book.needBoth'))
      : h(
          'div',
          { class: 'btable-box', tabindex: 0, role: 'region', 'aria-label': t('builder.book.grid') },
          h(
            'table',
            { class: 'btable', id: 'b-address-book' },
            h('caption', { class: 'visually-hidden' }, t('builder.book.caption')),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, t('builder.book.corner')),
                ...receptors.map(([rid, r]) =>
                  h(
                    'th',
                    { scope: 'col' },
                    r.name,
                    ' ',
                    editButton(ctx, '×', () => ({ op: 'removeReceptor', id: rid }), { 'aria-label': t('builder.book.removeReceptor', { name: r.name }), title: t('builder.book.removeReceptor', { name: r.name }), id: fieldId(at('receptors', rid), '-remove') }),
                  ),
                ),
                h('th', { scope: 'col' }, t('builder.book.antibody')),
              ),
            ),
            h(
              'tbody',
              {},
              ...labels.map(([lid, l]) =>
                h(
                  'tr',
                  {},
                  h(
                    'th',
                    { scope: 'row' },
                    l.name,
                    ' ',
                    editButton(ctx, '×', () => ({ op: 'removeLabel', id: lid }), { 'aria-label': t('builder.book.removeLabel', { name: l.name }), title: t('builder.book.removeLabel', { name: l.name }), id: fieldId(at('labels', lid), '-remove') }),
                  ),
                  ...receptors.map(([rid, r]) =>
                    h('td', {}, numberField(ctx, at('affinity', lid, rid), { label: t('builder.book.affinity', { label: l.name, receptor: r.name }), hiddenLabel: true, optional: true, edit: (v) => ({ op: 'setAffinity', label: lid, receptor: rid, value: v ?? 0 }) })),
                  ),
                  h('td', {}, checkField(ctx, fieldId(at('labels', lid, 'blocked')), h('span', { class: 'visually-hidden' }, t('builder.book.block', { label: l.name })), l.blocked > 0, (on) => ({ op: 'set', path: at('labels', lid, 'blocked'), value: on ? 1 : 0 }))),
                ),
              ),
            ),
          ),
        );
  return h(
    'section',
    { class: 'bsection', 'aria-labelledby': 'b-book-h' },
    h('h3', { id: 'b-book-h' }, t('builder.book.heading')),
    h('p', { class: 'help' }, t('builder.book.help')),
    table,
    h(
      'div',
      { class: 'brow' },
      addForm(ctx, 'b-add-label', t('builder.book.newLabel'), t('builder.book.addLabel'), (name) => ({ op: 'addLabel', name })),
      addForm(ctx, 'b-add-receptor', t('builder.book.newReceptor'), t('builder.book.addReceptor'), (name) => ({ op: 'addReceptor', name })),
    ),
  );
}
