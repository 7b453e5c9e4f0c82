// The tissue legend: cell types (colour), their states (outline style), vesicle types (dot colour
// and address labels), what the flashes and rings mean, and "one dot = N vesicles". Built with
// createElement/textContent only: every name may come from a file a user imported.
import type { Scenario } from '../sim/schema';
import { cellTypeColour, FLASH_COLOUR, FLASH_EDGE, vesicleTypeColour } from './palette';
import { clear, el, ensureStyles, svgEl } from './dom';
import { dotSwatch, stateSwatch } from './stateSwatch';
import { formatCount } from './format';

function section(title: string): { box: HTMLElement; list: HTMLUListElement } {
  const box = el('section');
  box.appendChild(el('h3', {}, title));
  const list = el('ul');
  box.appendChild(list);
  return { box, list };
}

/** A ring swatch for the effects section (uptake glow or highlight). */
function ringSwatch(stroke: string, halo: string): SVGSVGElement {
  const svg = svgEl('svg', { width: 18, height: 18, viewBox: '0 0 18 18', 'aria-hidden': 'true', focusable: 'false' });
  svg.appendChild(svgEl('circle', { cx: 9, cy: 9, r: 4.5, fill: '#bbb', stroke: '#1d1d1f', 'stroke-width': 1 }));
  svg.appendChild(svgEl('circle', { cx: 9, cy: 9, r: 7, fill: 'none', stroke: halo, 'stroke-width': 3 }));
  svg.appendChild(svgEl('circle', { cx: 9, cy: 9, r: 7, fill: 'none', stroke, 'stroke-width': 1.5 }));
  return svg;
}

/** Renders the legend into `container`, replacing what was there. */
export function renderLegend(container: HTMLElement, scenario: Scenario, vesiclesPerDot: number): void {
  ensureStyles();
  clear(container);
  const root = el('div', { class: 'cpv-legend' });

  const cells = section('Cells');
  Object.values(scenario.cellTypes).forEach((ct, i) => {
    const colour = cellTypeColour(i);
    const li = el('li');
    li.appendChild(stateSwatch(colour, 0));
    li.appendChild(el('span', {}, ct.name));
    if (ct.states.length > 1) {
      const states = el('span', { class: 'cpv-states', role: 'list', 'aria-label': `states of ${ct.name}` });
      ct.states.forEach((s, j) => {
        const item = el('span', { class: 'cpv-state', role: 'listitem' });
        item.appendChild(stateSwatch(colour, j, 16));
        item.appendChild(el('span', {}, s));
        states.appendChild(item);
      });
      li.appendChild(states);
    }
    cells.list.appendChild(li);
  });
  root.appendChild(cells.box);

  const ves = section('Vesicles');
  Object.values(scenario.vesicleTypes).forEach((vt, i) => {
    const li = el('li');
    li.appendChild(dotSwatch(vesicleTypeColour(i)));
    li.appendChild(el('span', {}, vt.name));
    const names = vt.labels.map((l) => scenario.labels[l]?.name ?? l);
    if (names.length > 0) li.appendChild(el('span', { class: 'cpv-labels' }, `address: ${names.join(', ')}`));
    else li.appendChild(el('span', { class: 'cpv-labels' }, 'no address label'));
    ves.list.appendChild(li);
  });
  const n = Number.isFinite(vesiclesPerDot) && vesiclesPerDot > 0 ? vesiclesPerDot : 1;
  ves.list.appendChild(el('li', { class: 'cpv-note' }, `one dot = ${formatCount(n)} ${n === 1 ? 'vesicle' : 'vesicles'}`));
  root.appendChild(ves.box);

  const fx = section('Marks');
  const glow = el('li');
  glow.appendChild(ringSwatch(FLASH_EDGE, FLASH_COLOUR));
  glow.appendChild(el('span', {}, 'flash with a gold ring: the cell just took up a vesicle'));
  fx.list.appendChild(glow);
  const pulse = el('li');
  pulse.appendChild(ringSwatch('#1d1d1f', '#ffffff'));
  pulse.appendChild(el('span', {}, 'growing ring: the cell just changed state'));
  fx.list.appendChild(pulse);
  const hl = el('li');
  hl.appendChild(ringSwatch('#7a0177', '#ffffff'));
  hl.appendChild(el('span', {}, 'purple ring: highlighted cells'));
  fx.list.appendChild(hl);
  const density = el('li', { class: 'cpv-note' }, 'Where dots crowd, a yellow-to-red density layer shows vesicles per area instead.');
  fx.list.appendChild(density);
  root.appendChild(fx.box);

  container.appendChild(root);
}
