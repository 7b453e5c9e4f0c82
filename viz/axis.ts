// A chart axis drawn like d3's axisBottom/axisLeft (the same elements, classes and attributes, so
// export and the charts' styles see no difference) but updated in place: a redraw moves the tick
// marks it already has and changes a label's text only when it differs. d3's axis wrote every
// label again at every call (a new text node, new text to lay out, in every tick at every chart
// redraw while the run played) and made a tick again whenever its value changed.
import { svgEl } from './dom';

export type AxisSide = 'bottom' | 'left';

/** What an axis needs of a scale: the position of a value and the range it maps to. */
export interface AxisScale {
  (value: number): number;
  range(): number[];
}

interface Tick {
  g: SVGGElement;
  text: SVGTextElement;
  at: string;
  label: string;
}

interface Axis {
  side: AxisSide;
  domain: SVGPathElement;
  ticks: Tick[];
  d: string;
}

const axes = new WeakMap<SVGGElement, Axis>();

/** Length of a tick mark and the gap to its label, px (d3's defaults). */
const TICK = 6;
const PADDING = 3;

/** Draws (or updates) a `side` axis of `scale` in `g` with ticks at `values`, labelled by `format`. */
export function drawAxis(g: SVGGElement, side: AxisSide, scale: AxisScale, values: readonly number[], format: (v: number) => string): void {
  let axis = axes.get(g);
  if (!axis || axis.side !== side) {
    g.setAttribute('fill', 'none');
    g.setAttribute('font-size', '10');
    g.setAttribute('font-family', 'sans-serif');
    g.setAttribute('text-anchor', side === 'left' ? 'end' : 'middle');
    const domain = svgEl('path', { class: 'domain', stroke: 'currentColor' });
    g.insertBefore(domain, g.firstChild);
    axis = { side, domain, ticks: [], d: '' };
    axes.set(g, axis);
  }
  // Half a pixel puts a 1 px line on whole device pixels where one CSS px is one device px.
  const offset = typeof window !== 'undefined' && window.devicePixelRatio > 1 ? 0 : 0.5;
  const range = scale.range();
  const r0 = +range[0] + offset;
  const r1 = +range[range.length - 1] + offset;
  const d = side === 'left' ? `M${-TICK},${r0}H${offset}V${r1}H${-TICK}` : `M${r0},${TICK}V${offset}H${r1}V${TICK}`;
  if (d !== axis.d) {
    axis.d = d;
    axis.domain.setAttribute('d', d);
  }
  const ticks = axis.ticks;
  while (ticks.length > values.length) ticks.pop()!.g.remove();
  while (ticks.length < values.length) {
    const tg = svgEl('g', { class: 'tick', opacity: 1 });
    tg.appendChild(side === 'left' ? svgEl('line', { stroke: 'currentColor', x2: -TICK }) : svgEl('line', { stroke: 'currentColor', y2: TICK }));
    const text = side === 'left' ? svgEl('text', { fill: 'currentColor', x: -(TICK + PADDING), dy: '0.32em' }) : svgEl('text', { fill: 'currentColor', y: TICK + PADDING, dy: '0.71em' });
    tg.appendChild(text);
    g.appendChild(tg);
    ticks.push({ g: tg, text, at: '', label: '' });
  }
  values.forEach((v, i) => {
    const tick = ticks[i];
    const p = +scale(v) + offset;
    const at = side === 'left' ? `translate(0,${p})` : `translate(${p},0)`;
    if (at !== tick.at) {
      tick.at = at;
      tick.g.setAttribute('transform', at);
    }
    const label = format(v);
    if (label !== tick.label) {
      tick.label = label;
      // The same text node with new characters, not a new node.
      const node = tick.text.firstChild;
      if (node instanceof Text && !node.nextSibling) node.data = label;
      else tick.text.textContent = label;
    }
  });
}
