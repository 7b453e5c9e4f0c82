// Attributes of a d3 selection written only where they change: `sel.call(attrs, { x1: 0, y1: (d) => y(d) })`
// in place of a chain of `.attr(…)`. d3's `attr` writes every attribute of every element at every
// redraw, and Chromium lays out again every SVG shape whose geometry attribute is written, even
// with the value it had (the charts redraw several times a second while a lesson plays).
import type { BaseType, Selection } from 'd3';
import { setAttr } from './dom';

type Value = string | number | null;

/** Each attribute of each element of `sel` set to its value (or the function's value for the element's datum), written only when it differs. */
export function attrs<E extends BaseType, D, P extends BaseType, PD>(
  sel: Selection<E, D, P, PD>,
  values: Record<string, Value | ((d: D, i: number) => Value)>,
): Selection<E, D, P, PD> {
  const names = Object.keys(values);
  sel.each(function (d, i) {
    for (const name of names) {
      const v = values[name];
      setAttr(this as unknown as Element, name, typeof v === 'function' ? v(d, i) : v);
    }
  });
  return sel;
}
