// Where two side-by-side tissue views go in the stage: in a row or stacked, whichever draws the
// tissue larger, each canvas the tissue's shape at the same scale with a title band above it.
// Pure geometry in CSS px; `fitWidth` lays out for a stage whose height follows its content.

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PanesLayout {
  arrangement: 'row' | 'stack';
  /** Each pane's title band and canvas. */
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
  /** Lay out by the width alone (the page flows), stacking below `stackBelow` px. */
  fitWidth?: boolean;
  stackBelow?: number;
}

function build(arrangement: 'row' | 'stack', s: number, p: PanesInput, height: number): PanesLayout {
  const cw = p.tissueW * s + 2 * p.margin;
  const ch = p.tissueH * s + 2 * p.margin;
  const groupW = arrangement === 'row' ? 2 * cw + p.gap : cw;
  const groupH = arrangement === 'row' ? p.head + ch : 2 * (p.head + ch) + p.gap;
  const x0 = Math.max(0, (p.width - groupW) / 2);
  const y0 = p.top + Math.max(0, (height - p.top - groupH) / 2);
  const at = (k: 0 | 1): [Rect, Rect] => {
    const left = arrangement === 'row' ? x0 + k * (cw + p.gap) : x0;
    const top = arrangement === 'row' ? y0 : y0 + k * (p.head + ch + p.gap);
    return [
      { left, top, width: cw, height: p.head },
      { left, top: top + p.head, width: cw, height: ch },
    ];
  };
  const [h0, c0] = at(0);
  const [h1, c1] = at(1);
  return { arrangement, heads: [h0, h1], canvases: [c0, c1], scale: s, height };
}

/** The layout that draws the tissue largest in the stage (or, by width, the one the width asks for). */
export function layoutPanes(p: PanesInput): PanesLayout {
  const tw = Math.max(1e-6, p.tissueW);
  const th = Math.max(1e-6, p.tissueH);
  const m2 = 2 * p.margin;
  const rowW = Math.max(0, (p.width - p.gap) / 2 - m2) / tw;
  const stackW = Math.max(0, p.width - m2) / tw;
  if (p.fitWidth) {
    const arrangement = p.width < (p.stackBelow ?? 600) ? 'stack' : 'row';
    const s = arrangement === 'row' ? rowW : stackW;
    const ch = th * s + m2;
    const height = p.top + (arrangement === 'row' ? p.head + ch : 2 * (p.head + ch) + p.gap);
    return build(arrangement, s, p, Math.ceil(height));
  }
  const row = Math.min(rowW, Math.max(0, p.height - p.top - p.head - m2) / th);
  const stack = Math.min(stackW, Math.max(0, (p.height - p.top - p.gap) / 2 - p.head - m2) / th);
  return row >= stack ? build('row', row, p, p.height) : build('stack', stack, p, p.height);
}
