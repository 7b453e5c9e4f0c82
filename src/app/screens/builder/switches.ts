// States and switches: for each cell kind, the state changes a signal drives (the signal, above or
// below, half-effect level, steepness, top rate, from and to), each with a small live drawing of
// its switch curve (rate against signal level, d3), and the states the kind can be in.
import { line, scaleLinear, select } from 'd3';
import { h } from '../../ui/dom';
import { addForm, editButton, fieldId, numberField, selectField, type Ctx } from './fields';
import { newId } from '../../../lab/builder/index';

const W = 180;
const H = 64;
const PAD = 4;

/** The switch's rate at signal level x (per hour): a Hill curve, rising ("above") or falling ("below"). */
export function switchRate(x: number, K: number, n: number, top: number, when: 'above' | 'below'): number {
  const a = Math.pow(x / K, n);
  return when === 'above' ? (top * a) / (1 + a) : top / (1 + a);
}

/** A small drawing of the curve, with K marked; described in words for screen readers. */
function curve(K: number, n: number, top: number, when: 'above' | 'below'): SVGSVGElement {
  const svg = select(document.createElementNS('http://www.w3.org/2000/svg', 'svg')).attr('viewBox', `0 0 ${W} ${H}`).attr('class', 'bcurve').attr('role', 'img');
  svg.attr('aria-label', `Switch curve: the rate ${when === 'above' ? 'rises' : 'falls'} to half of ${top} per hour at signal ${K}, steepness ${n}`);
  const x = scaleLinear().domain([0, 3 * K]).range([PAD, W - PAD]);
  const y = scaleLinear().domain([0, top > 0 ? top : 1]).range([H - PAD, PAD]);
  const xs = Array.from({ length: 61 }, (_, i) => (3 * K * i) / 60);
  svg.append('line').attr('x1', x(K)).attr('x2', x(K)).attr('y1', PAD).attr('y2', H - PAD).attr('class', 'bcurve-k');
  svg.append('line').attr('x1', PAD).attr('x2', W - PAD).attr('y1', H - PAD).attr('y2', H - PAD).attr('class', 'bcurve-axis');
  svg.append('path').attr('d', line<number>().x((v) => x(v)).y((v) => y(switchRate(v, K, n, top, when)))(xs) ?? '').attr('class', 'bcurve-line');
  svg.append('text').attr('x', x(K) + 3).attr('y', 12).attr('class', 'bcurve-label').text('half');
  return svg.node()!;
}

export function switchesSection(ctx: Ctx): HTMLElement {
  const signals = Object.entries(ctx.s.signals);
  const kinds = Object.entries(ctx.s.cellTypes).map(([id, c]) => {
    const p = `cellTypes.${id}`;
    const states = c.states.map((st): [string, string] => [st, st]);
    const rows = c.transitions.map((t, i) => {
      const tp = `${p}.transitions.${i}`;
      return h(
        'li',
        { class: 'bswitch' },
        h(
          'div',
          { class: 'bgrid' },
          selectField(ctx, fieldId(`${tp}.signal`), 'Signal', signals.map(([sid, sg]) => [sid, sg.name]), t.signal ?? '', (v) => ({ op: 'set', path: `${tp}.signal`, value: v })),
          selectField(ctx, fieldId(`${tp}.when`), 'Switches when the signal is', [['above', 'above'], ['below', 'below']], t.when, (v) => ({ op: 'set', path: `${tp}.when`, value: v })),
          numberField(ctx, `${tp}.K`, { label: 'Threshold (half effect)' }),
          numberField(ctx, `${tp}.n`, { label: 'Steepness' }),
          numberField(ctx, `${tp}.ratePerHour`, { label: 'Top rate' }),
          selectField(ctx, fieldId(`${tp}.from`), 'From state', states, t.from, (v) => ({ op: 'set', path: `${tp}.from`, value: v })),
          selectField(ctx, fieldId(`${tp}.to`), 'To state', states, t.to, (v) => ({ op: 'set', path: `${tp}.to`, value: v })),
        ),
        h('div', { class: 'bswitch-side' }, curve(t.K, t.n, t.ratePerHour, t.when), editButton(ctx, 'Remove switch', () => ({ op: 'removeSwitch', cell: id, index: i }), { id: fieldId(tp, '-remove') })),
      );
    });
    return h(
      'li',
      { class: 'bcard' },
      h('h4', {}, c.name),
      h('p', { class: 'help' }, `States: ${c.states.join(', ')}`),
      rows.length > 0 ? h('ul', { class: 'bswitches' }, ...rows) : null,
      h(
        'div',
        { class: 'row' },
        signals.length > 0 ? editButton(ctx, 'Add a switch', () => ({ op: 'addSwitch', cell: id, signal: signals[0][0] }), { id: fieldId(p, '-add-switch') }) : h('span', { class: 'help' }, 'Add a signal (Vesicle kinds) to make a switch.'),
        addForm(ctx, fieldId(p, '-add-state'), 'New state', 'Add state', (name) => ({ op: 'set', path: `${p}.states`, value: [...c.states, newId(name, c.states, 'state')] })),
      ),
    );
  });
  return h(
    'section',
    { class: 'bsection', 'aria-labelledby': 'b-switch-h' },
    h('h3', { id: 'b-switch-h' }, 'States and switches'),
    h('p', { class: 'help' }, 'A delivered signal builds up inside a cell and fades; past the threshold the cell switches state at up to the top rate.'),
    kinds.length === 0 ? h('p', { class: 'help' }, 'Add a cell kind first.') : h('ul', { class: 'bcards' }, ...kinds),
  );
}
