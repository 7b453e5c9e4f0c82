// Where two side-by-side tissue views go in the stage: in a row or stacked, each pane's title in a
// band above its canvas or over the canvas's top-left corner, whichever draws the tissue larger
// (a band when it costs nothing). Each canvas has the tissue's shape at the same scale. Pure
// geometry in CSS px; `fitWidth` lays out for a stage whose height follows its content.

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PanesLayout {
  arrangement: 'row' | 'stack';
  /** Each pane's title: in a band above its canvas, or over the canvas's top-left corner. */
  titles: 'band' | 'overlay';
  /** Each pane's title band (overlaid: the canvas's top strip of the band's height, that the title keeps to). */
  heads: [Rect, Rect];
  canvases: [Rect, Rect];
  /** CSS px per µm in both canvases (before any zoom). */
  scale: number;
  /** The height the stage needs (its given height, unless laid out by width). */
  height: number;
}

export interface PanesInput {
  /** The stage's inner size; for `fitWidth` only the width counts. */
  width: number;
  height: number;
  /** The tissue both panes show (µm; the same size, or the larger of two). */
  tissueW: number;
  tissueH: number;
  /** The title band's height, the space kept free at the top (a toggle), the gap between panes. */
  head: number;
  top: number;
  gap: number;
  /** The tissue view's margin inside its canvas (viz/viewTransform fits with it). */
  margin: number;
  /** Titles may go over the canvases' corners when a band above them would draw the tissue smaller. */
  overlay?: boolean;
  /** Lay out by the width alone (the page flows), stacking below `stackBelow` px; titles in bands. */
  fitWidth?: boolean;
  stackBelow?: number;
}

type Arrangement = PanesLayout['arrangement'];
type Titles = PanesLayout['titles'];

function build(arrangement: Arrangement, titles: Titles, s: number, p: PanesInput, height: number): PanesLayout {
  const band = titles === 'band' ? p.head : 0;
  const cw = p.tissueW * s + 2 * p.margin;
  const ch = p.tissueH * s + 2 * p.margin;
  const groupW = arrangement === 'row' ? 2 * cw + p.gap : cw;
  const groupH = arrangement === 'row' ? band + ch : 2 * (band + ch) + p.gap;
  const x0 = Math.max(0, (p.width - groupW) / 2);
  const y0 = p.top + Math.max(0, (height - p.top - groupH) / 2);
  const at = (k: 0 | 1): [Rect, Rect] => {
    const left = arrangement === 'row' ? x0 + k * (cw + p.gap) : x0;
    const top = arrangement === 'row' ? y0 : y0 + k * (band + ch + p.gap);
    const canvas = { left, top: top + band, width: cw, height: ch };
    return [{ left, top: titles === 'band' ? top : canvas.top, width: cw, height: p.head }, canvas];
  };
  const [h0, c0] = at(0);
  const [h1, c1] = at(1);
  return { arrangement, titles, heads: [h0, h1], canvases: [c0, c1], scale: s, height };
}

/** The scale (px per µm) an arrangement allows in the stage, with a title band of `band` px. */
function scaleFor(arrangement: Arrangement, band: number, p: PanesInput): number {
  const m2 = 2 * p.margin;
  const tw = Math.max(1e-6, p.tissueW);
  const th = Math.max(1e-6, p.tissueH);
  if (arrangement === 'row') return Math.max(0, Math.min(((p.width - p.gap) / 2 - m2) / tw, (p.height - p.top - band - m2) / th));
  return Math.max(0, Math.min((p.width - m2) / tw, ((p.height - p.top - p.gap) / 2 - band - m2) / th));
}

/**
 * The layout that draws the tissue largest in the stage (or, by width, the one the width asks
 * for). Of equal scales it takes title bands over overlaid titles (they hide no tissue), then a row.
 */
export function layoutPanes(p: PanesInput): PanesLayout {
  const m2 = 2 * p.margin;
  if (p.fitWidth) {
    const arrangement = p.width < (p.stackBelow ?? 600) ? 'stack' : 'row';
    const s = Math.max(0, (arrangement === 'row' ? (p.width - p.gap) / 2 : p.width) - m2) / Math.max(1e-6, p.tissueW);
    const ch = p.tissueH * s + m2;
    const height = p.top + (arrangement === 'row' ? p.head + ch : 2 * (p.head + ch) + p.gap);
    return build(arrangement, 'band', s, p, Math.ceil(height));
  }
  const options: [Arrangement, Titles][] = [
    ['row', 'band'],
    ['stack', 'band'],
  ];
  if (p.overlay) options.push(['row', 'overlay'], ['stack', 'overlay']);
  let best = options[0];
  let bestScale = -1;
  for (const o of options) {
    const s = scaleFor(o[0], o[1] === 'band' ? p.head : 0, p);
    // A larger scale by more than rounding: the earlier options win ties.
    if (s > bestScale * (1 + 1e-9) + 1e-12) {
      best = o;
      bestScale = s;
    }
  }
  return build(best[0], best[1], bestScale, p, p.height);
}
