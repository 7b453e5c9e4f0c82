// Colours and state looks: one fixed colour-blind-safe colour per cell role (a lesson declares
// each cell type's role; without it, a colour by index), vesicle colours by index, the
// resting / switched / dying looks, and a state → outline table for cell types with many states.
// The canvas (cellLayer) and the legend (SVG) draw from here.
import { hsl, interpolateRgb } from 'd3';
import { TABLEAU10 as schemeTableau10 } from './colourSchemes';
import type { Scenario } from '../sim/schema';
import { roleWord, t } from '../src/i18n/i18n';

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

/**
 * The roles a lesson may give its cell types (`lesson.roles`). The lesson schema
 * (lessons/schema.ts, CELL_ROLES) lists the same names; a test keeps the two lists equal.
 */
export const CELL_ROLES = ['tumour', 'tcell', 'nk', 'macrophage', 'stem', 'sender', 'reader', 'bystander', 'barrier', 'bacterium', 'healthy', 'stromal'] as const;
export type CellRole = (typeof CELL_ROLES)[number];

/**
 * One colour per role, the same in every lesson: Okabe & Ito's set first, then Paul Tol's muted
 * colours and two greys for the roles that are "just tissue". Roles that share a lesson differ.
 */
export const ROLE_COLOURS: Readonly<Record<CellRole, string>> = {
  tumour: '#d55e00',
  tcell: '#0072b2',
  nk: '#cc79a7',
  macrophage: '#009e73',
  stem: '#332288',
  sender: '#e69f00',
  reader: '#56b4e9',
  bystander: '#9a9a9a',
  barrier: '#882255',
  bacterium: '#999933',
  healthy: '#6e6e6e',
  stromal: '#c9a227',
};

/** Words for a role in the legend, in English (roleName gives the reader's language). */
export const ROLE_NAMES: Readonly<Record<CellRole, string>> = {
  tumour: 'tumour cell',
  tcell: 'T cell',
  nk: 'NK cell',
  macrophage: 'macrophage / monocyte',
  stem: 'stem cell',
  sender: 'sender',
  reader: 'reader',
  bystander: 'bystander',
  barrier: 'epithelium / endothelium',
  bacterium: 'bacterium',
  healthy: 'healthy tissue cell',
  stromal: 'fibroblast / stroma',
};

/** A role in the reader's language ("tumour cell", "svulstcelle"). */
export function roleName(role: CellRole): string {
  return roleWord(role);
}

/** How one cell type is drawn: its colour, its pale (resting) fill, and which states are "switched". */
export interface CellLook {
  role: CellRole | undefined;
  /** Full colour: the switched fill and the resting rim. */
  colour: string;
  /** Pale fill of a resting cell. */
  pale: string;
  /** Dark rim of a resting cell. */
  rim: string;
  /** switched[j]: state j is drawn filled solid. */
  switched: boolean[];
}

const isRole = (r: unknown): r is CellRole => typeof r === 'string' && (CELL_ROLES as readonly string[]).includes(r);

/** The look of every cell type of `scenario`, in cell-type order (reads `lesson.roles` and `lesson.switched`). */
export function cellLooks(scenario: Pick<Scenario, 'cellTypes'> & { lesson?: unknown }): CellLook[] {
  const L = (scenario.lesson ?? {}) as { roles?: Record<string, unknown>; switched?: Record<string, unknown> };
  return Object.entries(scenario.cellTypes).map(([id, ct], i) => {
    const r = L.roles && Object.hasOwn(L.roles, id) ? L.roles[id] : undefined;
    const role = isRole(r) ? r : undefined;
    const colour = role ? ROLE_COLOURS[role] : cellTypeColour(i);
    const given = L.switched && Object.hasOwn(L.switched, id) ? L.switched[id] : undefined;
    const list = Array.isArray(given) ? given.filter((x): x is string => typeof x === 'string') : undefined;
    const switched = ct.states.map((st, j) => (list ? list.includes(st) : j > 0));
    const dark = hsl(colour);
    dark.l = Math.min(dark.l, 0.32);
    return { role, colour, pale: interpolateRgb(colour, '#ffffff')(0.68), rim: dark.formatHex(), switched };
  });
}

/** Ink of the "dying" look (a fading grey disc with a cross). */
export const DYING_COLOUR = '#3a3a3a';
/** Light rim around a switched (solid) cell. */
export const LIGHT_RIM = '#ffffff';

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

const OUTLINES: { dash: number[]; ring: 'single' | 'double'; width: number; look: string }[] = [
  { dash: [], ring: 'single', width: 1, look: 'thin' },
  { dash: [3, 2], ring: 'single', width: 1.8, look: 'dashed' },
  { dash: [], ring: 'double', width: 1.2, look: 'double' },
  { dash: [1, 1.6], ring: 'single', width: 1.8, look: 'dotted' },
  { dash: [], ring: 'single', width: 2.6, look: 'thick' },
];
const MARKS: StateStyle['mark'][] = ['none', 'dot', 'cross', 'bar', 'hatch'];
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
  const [o, k] = STATES[stateRow(stateIndex)];
  const d = OUTLINES[o];
  const mark = MARKS[k];
  return { dash: [...d.dash], ring: d.ring, mark, width: d.width, description: t('legend.outline', { outline: d.look, mark }) };
}

/** The inner mark of state index `stateIndex` alone (what the tissue view needs every frame: no style object, no legend text). */
export function stateMark(stateIndex: number): StateStyle['mark'] {
  return MARKS[STATES[stateRow(stateIndex)][1]];
}

/** The row of STATES for a state index (higher indices repeat the table). */
function stateRow(stateIndex: number): number {
  const i = Number.isFinite(stateIndex) && stateIndex >= 0 ? Math.floor(stateIndex) : 0;
  return i % STATES.length;
}
