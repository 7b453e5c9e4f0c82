// The blood compartment, which has no space to draw: per vesicle type its packets and
// concentration (EV/mL), the body's background EVs, the assay's detection limit if the lesson
// has one, and small bars on a shared log scale so "how far above background" can be seen.
import { scaleLog, type ScaleLogarithmic } from 'd3';
import type { Frame } from '../sim/frame';
import type { Scenario } from '../sim/schema';
import { el, ensureStyles, setAttr, setText, svgEl } from './dom';
import { formatCount, formatPercent, formatPerMl, formatSci } from './format';
import { vesicleTypeColour } from './palette';
import { dotSwatch } from './stateSwatch';
import { t } from '../src/i18n/i18n';

export interface BloodPanel {
  update(frame: Frame): void;
}

const BAR_W = 100;
const BAR_H = 10;
/** Concentrations below this are drawn as an empty bar (EV/mL). */
const LOW = 1;

interface Row {
  packets: HTMLTableCellElement;
  conc: HTMLTableCellElement;
  bar: SVGRectElement;
  share: HTMLTableCellElement;
}

/** A track with a bar from the scale's start to `v`, and an optional limit tick. */
function barCell(colour: string): { td: HTMLTableCellElement; bar: SVGRectElement; svg: SVGSVGElement } {
  const td = el('td');
  const svg = svgEl('svg', { width: BAR_W, height: BAR_H + 4, 'aria-hidden': 'true', focusable: 'false' });
  svg.appendChild(svgEl('rect', { x: 0, y: 2, width: BAR_W, height: BAR_H, fill: '#eee' }));
  const bar = svgEl('rect', { x: 0, y: 2, width: 0, height: BAR_H, fill: colour });
  svg.appendChild(bar);
  td.appendChild(svg);
  return { td, bar, svg };
}

export function createBloodPanel(container: HTMLElement, scenario: Scenario): BloodPanel {
  ensureStyles();
  const root = el('div', { class: 'cpv-blood' });
  root.appendChild(el('h3', {}, t('chart.blood')));
  const blood = scenario.blood;
  const background = Number.isFinite(blood.backgroundPerMl) ? Math.max(0, blood.backgroundPerMl) : 0;
  const limit = scenario.lesson?.detectionLimitPerMl;
  root.appendChild(
    el('p', { class: 'cpv-note' }, t('chart.bloodNote', { volume: formatCount(blood.volumeMl), halfLife: formatCount(blood.halfLifeMinutes) })),
  );

  const table = el('table');
  const thead = el('thead');
  const hr = el('tr');
  for (const h of [t('chart.vesicleType'), t('chart.packets'), t('chart.concentration'), t('chart.logScale'), t('chart.shareOfAll')]) hr.appendChild(el('th', { scope: 'col' }, h));
  thead.appendChild(hr);
  table.appendChild(thead);
  const tbody = el('tbody');
  table.appendChild(tbody);

  const names = Object.values(scenario.vesicleTypes).map((v) => v.name);
  const tracks: SVGSVGElement[] = [];
  const rows: Row[] = names.map((name, i) => {
    const tr = el('tr');
    const th = el('th', { scope: 'row' });
    th.appendChild(dotSwatch(vesicleTypeColour(i), 14));
    th.appendChild(document.createTextNode(` ${name}`));
    tr.appendChild(th);
    const packets = el('td', { class: 'num' }, '0');
    const conc = el('td', { class: 'num' }, formatPerMl(0));
    const { td, bar, svg } = barCell(vesicleTypeColour(i));
    tracks.push(svg);
    const share = el('td', { class: 'num' }, '0 %');
    tr.append(packets, conc, td, share);
    tbody.appendChild(tr);
    return { packets, conc, bar, share };
  });

  // Background row: not simulated, a constant.
  const bgRow = el('tr');
  bgRow.appendChild(el('th', { scope: 'row' }, t('chart.background')));
  bgRow.appendChild(el('td', { class: 'num' }, '–'));
  bgRow.appendChild(el('td', { class: 'num' }, formatPerMl(background)));
  const bgBar = barCell('#999');
  tracks.push(bgBar.svg);
  bgRow.appendChild(bgBar.td);
  const bgShare = el('td', { class: 'num' }, '–');
  bgRow.appendChild(bgShare);
  tbody.appendChild(bgRow);
  root.appendChild(table);

  const scaleNote = el('p', { class: 'cpv-note' });
  root.appendChild(scaleNote);
  if (limit !== undefined && limit > 0) root.appendChild(el('p', { class: 'cpv-note' }, t('chart.assayLimit', { limit: formatPerMl(limit) })));
  container.appendChild(root);

  let scale: ScaleLogarithmic<number, number> = scaleLog().domain([LOW, 10]).range([0, BAR_W]).clamp(true);
  const limitTicks: SVGLineElement[] = [];
  if (limit !== undefined && limit > 0)
    for (const svg of tracks) {
      const tick = svgEl('line', { y1: 0, y2: BAR_H + 4, stroke: '#b2182b', 'stroke-width': 2 });
      svg.appendChild(tick);
      limitTicks.push(tick);
    }

  function setScale(max: number): void {
    const top = 10 ** Math.ceil(Math.log10(Math.max(10, max)));
    const bottom = Math.max(LOW, top / 1e8);
    scale = scaleLog().domain([bottom, top]).range([0, BAR_W]).clamp(true);
    setText(scaleNote, t('chart.bloodScale', { from: formatSci(bottom, 1), to: formatSci(top, 1) }));
  }
  const width = (v: number) => (v >= scale.domain()[0] ? Math.max(1, scale(v)) : 0);

  function paint(perMl: ArrayLike<number>): void {
    let max = Math.max(background, limit ?? 0);
    for (let i = 0; i < perMl.length; i++) if (Number.isFinite(perMl[i])) max = Math.max(max, perMl[i]);
    setScale(max);
    // Written only where they change (viz/dom.ts): a write of the same value still lays the shape or text out again.
    setAttr(bgBar.bar, 'width', width(background));
    for (const t of limitTicks) {
      const lx = scale(limit ?? 1);
      setAttr(t, 'x1', lx);
      setAttr(t, 'x2', lx);
    }
  }

  paint([]);

  return {
    update(frame) {
      const { packets, perMl } = frame.blood;
      let total = background;
      for (let i = 0; i < rows.length; i++) if (Number.isFinite(perMl[i]) && perMl[i] > 0) total += perMl[i];
      paint(perMl);
      rows.forEach((r, i) => {
        const p = Number.isFinite(packets[i]) ? packets[i] : 0;
        const c = Number.isFinite(perMl[i]) ? Math.max(0, perMl[i]) : 0;
        setText(r.packets, formatCount(p));
        setText(r.conc, formatPerMl(c));
        setAttr(r.bar, 'width', width(c));
        setText(r.share, total > 0 ? formatPercent(c / total) : '–');
      });
      setText(bgShare, total > 0 ? formatPercent(background / total) : '–');
    },
  };
}
