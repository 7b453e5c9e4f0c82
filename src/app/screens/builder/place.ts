// Placing cells: a small tool with the kind, the shape (a cluster, a patch, scattered over the
// whole tissue, or a line), how many and how big; "Place" puts them at the x, y typed, and with
// "Place by clicking" on, a click on the tissue puts them there. Below, every group placed, with
// its count editable and a Remove.
import type { PlacementSpec } from '../../../lab/builder/index';
import { h } from '../../ui/dom';
import { editButton, fieldId, numberField, type Ctx } from './fields';

export type Shape = 'cluster' | 'patch' | 'scatter' | 'line';

/** The tool's choices, kept while the builder redraws. */
export interface PlaceTool {
  kind: string;
  shape: Shape;
  count: number;
  /** Cluster radius, patch width and height, line length (µm). */
  radius: number;
  width: number;
  height: number;
  length: number;
  x: number;
  y: number;
  tissue: string;
  clicking: boolean;
}

export function newPlaceTool(): PlaceTool {
  return { kind: '', shape: 'cluster', count: 10, radius: 40, width: 200, height: 120, length: 300, x: 300, y: 200, tissue: '', clicking: false };
}

const SHAPES: [Shape, string][] = [
  ['cluster', 'a cluster'],
  ['patch', 'scattered in a patch'],
  ['scatter', 'scattered over the whole tissue'],
  ['line', 'a line'],
];

/** The placement the tool makes at (x, y), kept inside the tissue. */
export function placementAt(t: PlaceTool, x: number, y: number, tissue: { width: number; height: number }, cellRadius: number): PlacementSpec {
  const clampX = (v: number) => Math.min(Math.max(v, 0), tissue.width);
  const clampY = (v: number) => Math.min(Math.max(v, 0), tissue.height);
  const count = t.count;
  switch (t.shape) {
    case 'cluster':
      return { type: t.kind, count, cluster: { x: clampX(x), y: clampY(y), radius: Math.max(1, t.radius) } };
    case 'patch': {
      const x0 = clampX(x - t.width / 2);
      const y0 = clampY(y - t.height / 2);
      return { type: t.kind, count, region: { x: x0, y: y0, width: clampX(x0 + t.width) - x0, height: clampY(y0 + t.height) - y0 } };
    }
    case 'scatter':
      return { type: t.kind, count };
    case 'line': {
      const x0 = clampX(x - t.length / 2);
      const band = 2 * cellRadius;
      const y0 = clampY(y - cellRadius);
      return { type: t.kind, count, region: { x: x0, y: y0, width: clampX(x0 + t.length) - x0, height: Math.min(band, tissue.height - y0) } };
    }
  }
}

function describe(p: { count: number; cluster?: { x: number; y: number; radius: number }; region?: { x: number; y: number; width: number; height: number } }): string {
  const r = (v: number) => Math.round(v);
  if (p.cluster) return `in a cluster at (${r(p.cluster.x)}, ${r(p.cluster.y)}) µm, radius ${r(p.cluster.radius)} µm`;
  if (p.region) return `in a patch from (${r(p.region.x)}, ${r(p.region.y)}) µm, ${r(p.region.width)} × ${r(p.region.height)} µm`;
  return 'scattered over the whole tissue';
}

/** A plain number input bound to a tool choice (not a scenario field). */
function toolNumber(id: string, label: string, unit: string, value: number, set: (v: number) => void, min: number): HTMLElement {
  const input = h('input', { type: 'text', inputmode: 'decimal', id, class: 'num short', value: String(value), autocomplete: 'off', 'aria-describedby': `${id}-err` });
  const err = h('p', { class: 'field-error', id: `${id}-err`, 'aria-live': 'polite' });
  input.addEventListener('input', () => {
    const n = Number(input.value.trim());
    const ok = input.value.trim() !== '' && Number.isFinite(n) && n >= min;
    err.textContent = ok ? '' : `${label} must be a number of at least ${min}${unit ? ` ${unit}` : ''}`;
    if (ok) set(n);
  });
  return h('div', { class: 'bfield' }, h('label', { for: id }, label), h('span', { class: 'bfield-input' }, input, unit ? h('span', { class: 'unit' }, unit) : null), err);
}

export function placeSection(ctx: Ctx, tool: PlaceTool, place: (x: number, y: number) => void, toggleClicking: () => void): HTMLElement {
  const kinds = Object.entries(ctx.s.cellTypes);
  const tissues = Object.entries(ctx.s.tissues);
  if (!kinds.some(([id]) => id === tool.kind)) tool.kind = kinds[0]?.[0] ?? '';
  if (!tissues.some(([id]) => id === tool.tissue)) tool.tissue = tissues[0]?.[0] ?? '';
  const kindSel = h('select', { id: 'b-place-kind' }, ...kinds.map(([id, c]) => h('option', { value: id }, c.name)));
  kindSel.value = tool.kind;
  kindSel.addEventListener('change', () => (tool.kind = kindSel.value));
  const shapeSel = h('select', { id: 'b-place-shape' }, ...SHAPES.map(([v, t]) => h('option', { value: v }, t)));
  shapeSel.value = tool.shape;
  const sizes = h('div', { class: 'bgrid' });
  const drawSizes = () => {
    sizes.replaceChildren(
      ...(tool.shape === 'cluster'
        ? [toolNumber('b-place-radius', 'Cluster radius', 'µm', tool.radius, (v) => (tool.radius = v), 1)]
        : tool.shape === 'patch'
          ? [toolNumber('b-place-width', 'Patch width', 'µm', tool.width, (v) => (tool.width = v), 1), toolNumber('b-place-height', 'Patch height', 'µm', tool.height, (v) => (tool.height = v), 1)]
          : tool.shape === 'line'
            ? [toolNumber('b-place-length', 'Line length', 'µm', tool.length, (v) => (tool.length = v), 1)]
            : []),
      ...(tool.shape === 'scatter' ? [] : [toolNumber('b-place-x', 'At x', 'µm', tool.x, (v) => (tool.x = v), 0), toolNumber('b-place-y', 'At y', 'µm', tool.y, (v) => (tool.y = v), 0)]),
    );
  };
  shapeSel.addEventListener('change', () => {
    tool.shape = shapeSel.value as Shape;
    drawSizes();
  });
  drawSizes();
  const placeBtn = h('button', { type: 'button', class: 'primary', id: 'b-place-go' }, 'Place');
  placeBtn.addEventListener('click', () => place(tool.x, tool.y));
  const clickBtn = h('button', { type: 'button', id: 'b-place-click', 'aria-pressed': String(tool.clicking) }, 'Place by clicking on the tissue');
  clickBtn.addEventListener('click', toggleClicking);

  const groups = tissues.flatMap(([tid, t]) =>
    t.cells.map((p, i) =>
      h(
        'li',
        { class: 'brow' },
        numberField(ctx, `tissues.${tid}.cells.${i}.count`, { label: `${ctx.s.cellTypes[p.type]?.name ?? p.type}${tissues.length > 1 ? ` in ${t.name}` : ''}` }),
        h('span', { class: 'help' }, describe(p)),
        editButton(ctx, 'Remove', () => ({ op: 'removePlacement', tissue: tid, index: i }), { id: fieldId(`tissues.${tid}.cells.${i}`, '-remove'), 'aria-label': `Remove this group of ${ctx.s.cellTypes[p.type]?.name ?? p.type}` }),
      ),
    ),
  );
  return h(
    'section',
    { class: 'bsection', 'aria-labelledby': 'b-place-h' },
    h('h3', { id: 'b-place-h' }, 'Place cells on the tissue'),
    kinds.length === 0
      ? h('p', { class: 'help' }, 'Add a cell kind first.')
      : h(
          'div',
          { class: 'bplace' },
          h(
            'div',
            { class: 'bgrid' },
            h('div', { class: 'bfield' }, h('label', { for: 'b-place-kind' }, 'Cell kind'), kindSel),
            h('div', { class: 'bfield' }, h('label', { for: 'b-place-shape' }, 'Place them as'), shapeSel),
            toolNumber('b-place-count', 'How many', 'cells', tool.count, (v) => (tool.count = Math.round(v)), 1),
            tissues.length > 1 ? tissueSelect(tool, tissues.map(([id, t]) => [id, t.name])) : null,
          ),
          sizes,
          h('div', { class: 'row' }, placeBtn, clickBtn),
          h('p', { class: 'help' }, 'With “Place by clicking” on, each click on the tissue places the group there (x, y follow the click).'),
        ),
    groups.length > 0 ? h('ul', { class: 'brows', 'aria-label': 'Cells placed' }, ...groups) : null,
  );
}

function tissueSelect(tool: PlaceTool, tissues: [string, string][]): HTMLElement {
  const sel = h('select', { id: 'b-place-tissue' }, ...tissues.map(([id, name]) => h('option', { value: id }, name)));
  sel.value = tool.tissue;
  sel.addEventListener('change', () => (tool.tissue = sel.value));
  return h('div', { class: 'bfield' }, h('label', { for: 'b-place-tissue' }, 'In tissue'), sel);
}
