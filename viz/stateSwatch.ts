// Small SVG swatches that repeat the canvas's symbols in legends: a cell disc in its resting,
// switched or dying look (and the older outline-and-mark style), a vesicle dot, and a line
// sample for chart series. Built with createElementNS; the geometry matches cellLayer.ts.
import { svgEl } from './dom';
import { DYING_COLOUR, LIGHT_RIM, OUTLINE_COLOUR, stateStyle, type CellLook } from './palette';

/** A cell of `look` in state `stateIndex` as the canvas draws it: pale with a dark rim (resting) or solid with a light rim (switched). */
export function cellSwatch(look: CellLook, stateIndex: number, size = 18): SVGSVGElement {
  const svg = svgEl('svg', { width: size, height: size, viewBox: `0 0 ${size} ${size}`, 'aria-hidden': 'true', focusable: 'false' });
  const c = size / 2;
  const r = size / 2 - 2;
  const switched = look.switched[stateIndex] ?? stateIndex > 0;
  if (switched) {
    svg.appendChild(svgEl('circle', { cx: c, cy: c, r, fill: look.colour, stroke: OUTLINE_COLOUR, 'stroke-width': 3 }));
    svg.appendChild(svgEl('circle', { cx: c, cy: c, r, fill: 'none', stroke: LIGHT_RIM, 'stroke-width': 1.4 }));
  } else svg.appendChild(svgEl('circle', { cx: c, cy: c, r, fill: look.pale, stroke: look.rim, 'stroke-width': 1.8 }));
  return svg;
}

/** The "dying" mark: a grey disc with a dashed edge and a cross. */
export function dyingSwatch(size = 18): SVGSVGElement {
  const svg = svgEl('svg', { width: size, height: size, viewBox: `0 0 ${size} ${size}`, 'aria-hidden': 'true', focusable: 'false' });
  const c = size / 2;
  const r = size / 2 - 2;
  svg.appendChild(svgEl('circle', { cx: c, cy: c, r, fill: '#d9d9d9', stroke: DYING_COLOUR, 'stroke-width': 1.5, 'stroke-dasharray': '2 2' }));
  const a = r * 0.5;
  for (const [x1, y1, x2, y2] of [
    [c - a, c - a, c + a, c + a],
    [c + a, c - a, c - a, c + a],
  ])
    svg.appendChild(svgEl('line', { x1, y1, x2, y2, stroke: DYING_COLOUR, 'stroke-width': 2 }));
  return svg;
}

/** A disc of colour `fill` drawn with state `stateIndex`'s outline and mark, `size` px square. */
export function stateSwatch(fill: string, stateIndex: number, size = 18): SVGSVGElement {
  const st = stateStyle(stateIndex);
  const svg = svgEl('svg', { width: size, height: size, viewBox: `0 0 ${size} ${size}`, 'aria-hidden': 'true', focusable: 'false' });
  const c = size / 2;
  const r = size / 2 - 2;
  svg.appendChild(
    svgEl('circle', {
      cx: c,
      cy: c,
      r,
      fill,
      'fill-opacity': 0.9,
      stroke: OUTLINE_COLOUR,
      'stroke-width': st.width,
      'stroke-dasharray': st.dash.length ? st.dash.join(' ') : 'none',
    }),
  );
  if (st.ring === 'double') {
    svg.appendChild(svgEl('circle', { cx: c, cy: c, r: Math.max(1, r - st.width - 1.4), fill: 'none', stroke: OUTLINE_COLOUR, 'stroke-width': st.width }));
  }
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    svg.appendChild(svgEl('line', { x1, y1, x2, y2, stroke: OUTLINE_COLOUR, 'stroke-width': 1.2 }));
  if (st.mark === 'dot') svg.appendChild(svgEl('circle', { cx: c, cy: c, r: Math.max(1, r * 0.3), fill: OUTLINE_COLOUR }));
  else if (st.mark === 'cross') {
    const a = r * 0.45;
    line(c - a, c - a, c + a, c + a);
    line(c + a, c - a, c - a, c + a);
  } else if (st.mark === 'bar') line(c - r * 0.55, c, c + r * 0.55, c);
  else if (st.mark === 'hatch') {
    for (const off of [-0.5, 0, 0.5]) {
      const d = off * r;
      const half = Math.sqrt(Math.max(0, r * r - d * d)) * 0.8;
      const cx = c + d * Math.SQRT1_2;
      const cy = c - d * Math.SQRT1_2;
      line(cx - half * Math.SQRT1_2, cy - half * Math.SQRT1_2, cx + half * Math.SQRT1_2, cy + half * Math.SQRT1_2);
    }
  }
  return svg;
}

/** A few vesicle dots of colour `fill`, the way they appear on the canvas. */
export function dotSwatch(fill: string, size = 18): SVGSVGElement {
  const svg = svgEl('svg', { width: size, height: size, viewBox: '0 0 18 18', 'aria-hidden': 'true', focusable: 'false' });
  for (const [x, y] of [
    [4, 5],
    [10, 3],
    [13, 9],
    [6, 12],
    [11, 14],
  ])
    svg.appendChild(svgEl('rect', { x, y, width: 2.2, height: 2.2, fill }));
  return svg;
}

/** Dash pattern of chart series i, so lines differ without colour: solid, dashed, dotted, dash-dot. */
export function seriesDash(i: number): string {
  return ['none', '6 3', '2 2', '8 3 2 3'][Math.max(0, i) % 4];
}

/** A short line sample in `colour` with series i's dash. */
export function lineSwatch(colour: string, i: number): SVGSVGElement {
  const svg = svgEl('svg', { width: 22, height: 10, 'aria-hidden': 'true', focusable: 'false' });
  svg.appendChild(svgEl('line', { x1: 1, y1: 5, x2: 21, y2: 5, stroke: colour, 'stroke-width': 2.5, 'stroke-dasharray': seriesDash(i) }));
  return svg;
}
