// Placing cells: a small tool with the kind, the shape (a cluster, a patch, scattered over the
// whole tissue, or a line), how many and how big; "Place" puts them at the x, y typed, and with
// "Place by clicking" on, a click on the tissue puts them there. Below, every group placed, with
// its count editable and a Remove.
import type { PlacementSpec } from '../../../lab/builder/index';
import { h } from '../../ui/dom';
import { num, readField } from '../../../i18n/i18n';
import { at, editButton, fieldId, numberField, type Ctx } from './fields';
import { fieldNumber, t, unitWord } from './messages';
import { fieldLabel } from '../../../lab/builder/fieldNames';

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

const SHAPES = [
  ['cluster', 'builder.place.cluster'],
  ['patch', 'builder.place.patch'],
  ['scatter', 'builder.place.scatter'],
  ['line', 'builder.place.line'],
] as const;

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
  const r = (v: number) => num(Math.round(v));
  if (p.cluster) return t('builder.place.inCluster', { x: r(p.cluster.x), y: r(p.cluster.y), radius: r(p.cluster.radius) });
  if (p.region) return t('builder.place.inPatch', { x: r(p.region.x), y: r(p.region.y), width: r(p.region.width), height: r(p.region.height) });
  return t('builder.place.overTissue');
}

/** A plain number input bound to a tool choice (not a scenario field). */
function toolNumber(id: string, label: string, unit: string, value: number, set: (v: number) => void, min: number): HTMLElement {
  const input = h('input', { type: 'text', inputmode: 'decimal', id, class: 'num short', value: fieldNumber(value), autocomplete: 'off', 'aria-describedby': `${id}-err` });
  const err = h('p', { class: 'field-error', id: `${id}-err`, 'aria-live': 'polite' });
  input.addEventListener('input', () => {
    const n = readField(input.value);
    const ok = n !== undefined && n >= min;
    err.textContent = ok ? '' : t('builder.field.toolAtLeast', { label, min: num(min), unit: unitWord(unit) }).trim();
    if (ok) set(n);
  });
  return h('div', { class: 'bfield' }, h('label', { for: id }, label), h('span', { class: 'bfield-input' }, input, unit ? h('span', { class: 'unit' }, unitWord(unit)) : null), err);
}

export function placeSection(ctx: Ctx, tool: PlaceTool, place: (x: number, y: number) => void, toggleClicking: () => void): HTMLElement {
  const kinds = Object.entries(ctx.s.cellTypes);
  const tissues = Object.entries(ctx.s.tissues);
  if (!kinds.some(([id]) => id === tool.kind)) tool.kind = kinds[0]?.[0] ?? '';
  if (!tissues.some(([id]) => id === tool.tissue)) tool.tissue = tissues[0]?.[0] ?? '';
  const kindSel = h('select', { id: 'b-place-kind' }, ...kinds.map(([id, c]) => h('option', { value: id }, c.name)));
  kindSel.value = tool.kind;
  kindSel.addEventListener('change', () => (tool.kind = kindSel.value));
  const shapeSel = h('select', { id: 'b-place-shape' }, ...SHAPES.map(([v, key]) => h('option', { value: v }, t(key))));
  shapeSel.value = tool.shape;
  const sizes = h('div', { class: 'bgrid' });
  const drawSizes = () => {
    sizes.replaceChildren(
      ...(tool.shape === 'cluster'
        ? [toolNumber('b-place-radius', fieldLabel('param.l.clusterRadius'), 'µm', tool.radius, (v) => (tool.radius = v), 1)]
        : tool.shape === 'patch'
          ? [
              toolNumber('b-place-width', t('builder.place.patchWidth'), 'µm', tool.width, (v) => (tool.width = v), 1),
              toolNumber('b-place-height', t('builder.place.patchHeight'), 'µm', tool.height, (v) => (tool.height = v), 1),
            ]
          : tool.shape === 'line'
            ? [toolNumber('b-place-length', t('builder.place.lineLength'), 'µm', tool.length, (v) => (tool.length = v), 1)]
            : []),
      ...(tool.shape === 'scatter'
        ? []
        : [toolNumber('b-place-x', t('builder.place.atX'), 'µm', tool.x, (v) => (tool.x = v), 0), toolNumber('b-place-y', t('builder.place.atY'), 'µm', tool.y, (v) => (tool.y = v), 0)]),
    );
  };
  shapeSel.addEventListener('change', () => {
    tool.shape = shapeSel.value as Shape;
    drawSizes();
  });
  drawSizes();
  const placeBtn = h('button', { type: 'button', class: 'primary', id: 'b-place-go' }, t('builder.place.go'));
  placeBtn.addEventListener('click', () => place(tool.x, tool.y));
  const clickBtn = h('button', { type: 'button', id: 'b-place-click', 'aria-pressed': String(tool.clicking) }, t('builder.place.byClicking'));
  clickBtn.addEventListener('click', toggleClicking);

  const groups = tissues.flatMap(([tid, tissue]) =>
    tissue.cells.map((p, i) => {
      const kind = ctx.s.cellTypes[p.type]?.name ?? p.type;
      return h(
        'li',
        { class: 'brow' },
        numberField(ctx, at('tissues', tid, 'cells', i, 'count'), { label: tissues.length > 1 ? t('builder.place.groupIn', { kind, tissue: tissue.name }) : kind }),
        h('span', { class: 'help' }, describe(p)),
        editButton(ctx, t('builder.remove'), () => ({ op: 'removePlacement', tissue: tid, index: i }), { id: fieldId(at('tissues', tid, 'cells', i), '-remove'), 'aria-label': t('builder.place.removeGroup', { kind }) }),
      );
    }),
  );
  return h(
    'section',
    { class: 'bsection', 'aria-labelledby': 'b-place-h' },
    h('h3', { id: 'b-place-h' }, t('builder.place.heading')),
    kinds.length === 0
      ? h('p', { class: 'help' }, t('builder.place.kindFirst'))
      : h(
          'div',
          { class: 'bplace' },
          h(
            'div',
            { class: 'bgrid' },
            h('div', { class: 'bfield' }, h('label', { for: 'b-place-kind' }, t('builder.place.kind')), kindSel),
            h('div', { class: 'bfield' }, h('label', { for: 'b-place-shape' }, t('builder.place.shape')), shapeSel),
            toolNumber('b-place-count', t('builder.place.count'), 'cells', tool.count, (v) => (tool.count = Math.round(v)), 1),
            tissues.length > 1 ? tissueSelect(tool, tissues.map(([id, t]) => [id, t.name])) : null,
          ),
          sizes,
          h('div', { class: 'row' }, placeBtn, clickBtn),
          h('p', { class: 'help' }, t('builder.place.help')),
        ),
    groups.length > 0 ? h('ul', { class: 'brows', 'aria-label': t('builder.place.placed') }, ...groups) : null,
  );
}

function tissueSelect(tool: PlaceTool, tissues: [string, string][]): HTMLElement {
  const sel = h('select', { id: 'b-place-tissue' }, ...tissues.map(([id, name]) => h('option', { value: id }, name)));
  sel.value = tool.tissue;
  sel.addEventListener('change', () => (tool.tissue = sel.value));
  return h('div', { class: 'bfield' }, h('label', { for: 'b-place-tissue' }, t('builder.place.tissue')), sel);
}
