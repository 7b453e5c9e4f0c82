// The tissue legend: cell types (their role's colour), their states (resting pale / switched
// solid), the dying look, vesicle types (dot colour and address labels), what the rings mean,
// and "one dot = N vesicles". Built with createElement/textContent only: every name may come
// from a file a user imported. `legendSteps` gives the same build as steps (a cell type or a
// vesicle type each, then the marks), so the app can make it over a few short tasks.
import type { Scenario } from '../sim/schema';
import { cellLooks, FLASH_EDGE, roleName, vesicleTypeColour, type CellLook } from './palette';
import { clear, el, ensureStyles, svgEl } from './dom';
import { cellSwatch, dotSwatch, dyingSwatch } from './stateSwatch';
import { formatCount } from './format';
import { stateWord, t } from '../src/i18n/i18n';

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

/** The same three looks in every lesson: resting (pale), switched (solid), dying (grey, crossed). */
function lookKey(looks: CellLook[]): HTMLLIElement {
  const sample: CellLook = looks.find((l) => l.role !== undefined) ?? looks[0] ?? { role: 'bystander', colour: '#9a9a9a', pale: '#e2e2e2', rim: '#4d4d4d', switched: [false, true] };
  const li = el('li', { class: 'cpv-note' });
  const part = (svg: SVGSVGElement, words: string) => {
    const span = el('span', { class: 'cpv-state' });
    span.appendChild(svg);
    span.appendChild(el('span', {}, words));
    li.appendChild(span);
  };
  part(cellSwatch({ ...sample, switched: [false] }, 0, 16), t('legend.pale'));
  part(cellSwatch({ ...sample, switched: [true] }, 0, 16), t('legend.solid'));
  part(dyingSwatch(16), t('legend.dying'));
  if (looks.some((l) => l.role !== undefined)) {
    const roles = [...new Set(looks.map((l) => l.role).filter((r) => r !== undefined))].map((r) => roleName(r));
    li.appendChild(el('span', {}, t('legend.sameColour', { roles: roles.join(', ') })));
  }
  return li;
}

/** Renders the legend into `container`, replacing what was there. */
export function renderLegend(container: HTMLElement, scenario: Scenario, vesiclesPerDot: number): void {
  for (const step of legendSteps(container, scenario, vesiclesPerDot)) step();
}

/**
 * The legend's build as steps, to run in order: each makes a part of it off the page, and the last
 * puts the whole into `container` (replacing what was there), so the page lays it out once.
 */
export function legendSteps(container: HTMLElement, scenario: Scenario, vesiclesPerDot: number): (() => void)[] {
  const root = el('div', { class: 'cpv-legend' });
  const cells = section(t('legend.cells'));
  const looks = cellLooks(scenario);
  const cellStep = (ct: Scenario['cellTypes'][string], i: number) => () => {
    const look = looks[i];
    const li = el('li');
    li.appendChild(cellSwatch(look, 0));
    li.appendChild(el('span', {}, ct.name));
    if (ct.states.length > 1) {
      const states = el('span', { class: 'cpv-states', role: 'list', 'aria-label': t('legend.statesOf', { cells: ct.name }) });
      ct.states.forEach((s, j) => {
        const item = el('span', { class: 'cpv-state', role: 'listitem' });
        item.appendChild(cellSwatch(look, j, 16));
        item.appendChild(el('span', {}, t(look.switched[j] ? 'legend.stateSolid' : 'legend.statePale', { state: stateWord(s) })));
        states.appendChild(item);
      });
      li.appendChild(states);
    }
    cells.list.appendChild(li);
  };

  const cellsDone = () => {
    cells.list.appendChild(lookKey(looks));
    root.appendChild(cells.box);
  };
  const ves = section(t('legend.vesicles'));
  const vesicleStep = (vt: Scenario['vesicleTypes'][string], i: number) => () => {
    const li = el('li');
    li.appendChild(dotSwatch(vesicleTypeColour(i)));
    li.appendChild(el('span', {}, vt.name));
    const names = vt.labels.map((l) => scenario.labels[l]?.name ?? l);
    if (names.length > 0) li.appendChild(el('span', { class: 'cpv-labels' }, t('legend.address', { labels: names.join(', ') })));
    else li.appendChild(el('span', { class: 'cpv-labels' }, t('legend.noAddress')));
    ves.list.appendChild(li);
  };
  const vesiclesDone = () => {
    const n = Number.isFinite(vesiclesPerDot) && vesiclesPerDot > 0 ? vesiclesPerDot : 1;
    ves.list.appendChild(el('li', { class: 'cpv-note' }, t('legend.perDot', { n, count: formatCount(n) })));
    root.appendChild(ves.box);
  };

  const marks = () => {
    const fx = section(t('legend.marks'));
    const glow = el('li');
    glow.appendChild(ringSwatch(FLASH_EDGE, 'none'));
    glow.appendChild(el('span', {}, t('legend.glow')));
    fx.list.appendChild(glow);
    const pulse = el('li');
    pulse.appendChild(ringSwatch('#1d1d1f', '#ffffff'));
    pulse.appendChild(el('span', {}, t('legend.pulse')));
    fx.list.appendChild(pulse);
    const hl = el('li');
    hl.appendChild(ringSwatch('#7a0177', '#ffffff'));
    hl.appendChild(el('span', {}, t('legend.highlight')));
    fx.list.appendChild(hl);
    const density = el('li', { class: 'cpv-note' }, t('legend.density'));
    fx.list.appendChild(density);
    root.appendChild(fx.box);
  };

  const show = () => {
    ensureStyles();
    clear(container);
    container.appendChild(root);
  };
  return [...Object.values(scenario.cellTypes).map(cellStep), cellsDone, ...Object.values(scenario.vesicleTypes).map(vesicleStep), vesiclesDone, marks, show];
}
