// States and switches: for each cell kind, the state changes a signal drives (the signal, above or
// below, half-effect level, steepness, top rate, from and to), each with a small live drawing of
// its switch curve (rate against signal level, d3), and the states the kind can be in.
import { line, scaleLinear, select } from 'd3';
import { h } from '../../ui/dom';
import { addForm, at, editButton, fieldId, numberField, selectField, type Ctx } from './fields';
import { t } from './messages';
import { stateWord } from '../../../i18n/i18n';
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
  svg.attr('aria-label', t('builder.switch.curve', { when, top, K, n }));
  const x = scaleLinear().domain([0, 3 * K]).range([PAD, W - PAD]);
  const y = scaleLinear().domain([0, top > 0 ? top : 1]).range([H - PAD, PAD]);
  const xs = Array.from({ length: 61 }, (_, i) => (3 * K * i) / 60);
  svg.append('line').attr('x1', x(K)).attr('x2', x(K)).attr('y1', PAD).attr('y2', H - PAD).attr('class', 'bcurve-k');
  svg.append('line').attr('x1', PAD).attr('x2', W - PAD).attr('y1', H - PAD).attr('y2', H - PAD).attr('class', 'bcurve-axis');
  svg.append('path').attr('d', line<number>().x((v) => x(v)).y((v) => y(switchRate(v, K, n, top, when)))(xs) ?? '').attr('class', 'bcurve-line');
  svg.append('text').attr('x', x(K) + 3).attr('y', 12).attr('class', 'bcurve-label').text(t('builder.switch.half'));
  return svg.node()!;
}

export function switchesSection(ctx: Ctx): HTMLElement {
  const signals = Object.entries(ctx.s.signals);
  const kinds = Object.entries(ctx.s.cellTypes).map(([id, c]) => {
    const p = `cellTypes.${id}`;
    const states = c.states.map((st): [string, string] => [st, stateWord(st)]);
    const rows = c.transitions.map((sw, i) => {
      const tp = at(p, 'transitions', i);
      return h(
        'li',
        { class: 'bswitch' },
        h(
          'div',
          { class: 'bgrid' },
          selectField(ctx, fieldId(at(tp, 'signal')), t('builder.switch.signal'), signals.map(([sid, sg]) => [sid, sg.name]), sw.signal ?? '', (v) => ({ op: 'set', path: at(tp, 'signal'), value: v })),
          selectField(
            ctx,
            fieldId(at(tp, 'when')),
            t('builder.switch.when'),
            [
              ['above', t('builder.switch.above')],
              ['below', t('builder.switch.below')],
            ],
            sw.when,
            (v) => ({ op: 'set', path: at(tp, 'when'), value: v }),
          ),
          numberField(ctx, at(tp, 'K'), { label: t('builder.switch.K') }),
          numberField(ctx, at(tp, 'n'), { label: t('builder.switch.n') }),
          numberField(ctx, at(tp, 'ratePerHour'), { label: t('builder.switch.rate') }),
          selectField(ctx, fieldId(at(tp, 'from')), t('builder.switch.from'), states, sw.from, (v) => ({ op: 'set', path: at(tp, 'from'), value: v })),
          selectField(ctx, fieldId(at(tp, 'to')), t('builder.switch.to'), states, sw.to, (v) => ({ op: 'set', path: at(tp, 'to'), value: v })),
        ),
        h('div', { class: 'bswitch-side' }, curve(sw.K, sw.n, sw.ratePerHour, sw.when), editButton(ctx, t('builder.switch.remove'), () => ({ op: 'removeSwitch', cell: id, index: i }), { id: fieldId(tp, '-remove') })),
      );
    });
    return h(
      'li',
      { class: 'bcard' },
      h('h4', {}, c.name),
      h('p', { class: 'help' }, t('builder.switch.states', { states: c.states.map(stateWord).join(', ') })),
      rows.length > 0 ? h('ul', { class: 'bswitches' }, ...rows) : null,
      h(
        'div',
        { class: 'row' },
        signals.length > 0
          ? editButton(ctx, t('builder.switch.add'), () => ({ op: 'addSwitch', cell: id, signal: signals[0][0] }), { id: fieldId(p, '-add-switch') })
          : h('span', { class: 'help' }, t('builder.switch.needSignal')),
        addForm(ctx, fieldId(p, '-add-state'), t('builder.switch.newState'), t('builder.switch.addState'), (name) => ({ op: 'set', path: `${p}.states`, value: [...c.states, newId(name, c.states, 'state')] })),
      ),
    );
  });
  return h(
    'section',
    { class: 'bsection', 'aria-labelledby': 'b-switch-h' },
    h('h3', { id: 'b-switch-h' }, t('builder.switch.heading')),
    h('p', { class: 'help' }, t('builder.switch.help')),
    kinds.length === 0 ? h('p', { class: 'help' }, t('builder.switch.kindFirst')) : h('ul', { class: 'bcards' }, ...kinds),
  );
}
