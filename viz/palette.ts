// Colours and state outlines: colour-blind-safe fills for cell types and vesicle types by index,
// and a state → outline style table so that every state also reads without colour (dashes,
// double rings, inner marks). The canvas (cellLayer) and the legend (SVG) draw from this table.
import { hsl, schemeTableau10 } from 'd3';

/**
 * Okabe & Ito's colour-blind-safe set, reordered so the first colours stand out on the light
 * tissue background (yellow last). Vesicle dots use it.
 */
const OKABE_ITO = ['#D55E00', '#0072B2', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

/**
 * Past the end of a scheme, reuse it with the lightness pushed away from the original per
 * round (dark colours lighter, light colours darker), so colours stay distinct.
 */
function cycle(scheme: readonly string[], i: number): string {
  const n = scheme.length;
  const k = Number.isFinite(i) && i >= 0 ? Math.floor(i) : 0;
  const base = scheme[k % n];
  const round = Math.floor(k / n);
  if (round === 0) return base.toLowerCase();
  const c = hsl(base);
  const step = 0.17 * round;
  c.l = c.l > 0.5 ? Math.max(0.08, c.l - step) : Math.min(0.92, c.l + step);
  return c.formatHex();
}

/** Fill colour of cell type i (d3's Tableau10, then darker/brighter rounds). Hex "#rrggbb". */
export function cellTypeColour(i: number): string {
  return cycle(schemeTableau10, i);
}

/** Dot colour of vesicle type i (Okabe–Ito, then darker/brighter rounds). Hex "#rrggbb". */
export function vesicleTypeColour(i: number): string {
  return cycle(OKABE_ITO, i);
}

/** Colour of the "just took up a vesicle" glow ring (not used for types). */
export const FLASH_COLOUR = '#ffc20a';
/** The flash ring's thin dark edge, so it shows on light backgrounds too. */
export const FLASH_EDGE = '#9a6700';
/** Outline ink for cells and state marks. */
export const OUTLINE_COLOUR = '#1d1d1f';

/** How a state is drawn: told by the outline and an inner mark, never by colour alone. */
export interface StateStyle {
  /** Outline dash pattern in CSS px; [] is a solid line. */
  dash: number[];
  /** 'double': a second ring inside the outline. */
  ring: 'single' | 'double';
  /** Mark drawn inside the disc. */
  mark: 'none' | 'dot' | 'cross' | 'bar' | 'hatch';
  /** Outline width in CSS px. */
  width: number;
  /** A few words for the legend's screen-reader text, e.g. "dashed outline". */
  description: string;
}

const OUTLINES: { dash: number[]; ring: 'single' | 'double'; width: number; words: string }[] = [
  { dash: [], ring: 'single', width: 1, words: 'thin solid outline' },
  { dash: [3, 2], ring: 'single', width: 1.8, words: 'dashed outline' },
  { dash: [], ring: 'double', width: 1.2, words: 'double ring' },
  { dash: [1, 1.6], ring: 'single', width: 1.8, words: 'dotted outline' },
  { dash: [], ring: 'single', width: 2.6, words: 'thick solid outline' },
];
const MARKS: StateStyle['mark'][] = ['none', 'dot', 'cross', 'bar', 'hatch'];
const MARK_WORDS: Record<StateStyle['mark'], string> = {
  none: '',
  dot: ', dot inside',
  cross: ', cross inside',
  bar: ', bar inside',
  hatch: ', hatched',
};
/**
 * [outline, mark] per state index, hand-ordered so that the first states differ most: the
 * usual two-state types read as "plain" vs "dashed with a dot", which survives small discs.
 */
const STATES: [number, number][] = [
  [0, 0], [1, 1], [2, 0], [4, 2], [3, 3], [0, 4], [1, 0], [2, 1],
  [4, 0], [3, 1], [0, 2], [1, 3], [0, 1], [4, 1], [3, 0], [1, 2],
];

/**
 * The outline style of state index `stateIndex` (the index in its cell type's `states` list).
 * The 16 states a cell type may have (the schema's limit) all differ by outline and inner mark;
 * higher indices repeat the table.
 */
export function stateStyle(stateIndex: number): StateStyle {
  const i = Number.isFinite(stateIndex) && stateIndex >= 0 ? Math.floor(stateIndex) : 0;
  const [o, k] = STATES[i % STATES.length];
  const d = OUTLINES[o];
  const mark = MARKS[k];
  return { dash: [...d.dash], ring: d.ring, mark, width: d.width, description: d.words + MARK_WORDS[mark] };
}
