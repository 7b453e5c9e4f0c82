// The tissue panel: the canvas (drawn by viz/tissueView), its bar (which tissue, dots or density),
// the legend, and the click handling that turns a click into "inspect this cell", "follow this
// vesicle" or the active tool's event at the click's world position.
import type { Frame, Scenario } from '../../../sim/index';
import { createTissueView, FULL_QUALITY, REDUCED_QUALITY, type DensityMode, type TissueView } from '../../../viz/tissueView';
import { legendSteps } from '../../../viz/legend';
import { formatCount } from '../../../viz/format';
import { setAttr } from '../../../viz/dom';
import type { Session } from '../session';
import { h, replace, uid } from './dom';
import { t } from '../../i18n/i18n';
import { bloodSites, dosesDue } from './bloodMarks';
import { afterNextDraw } from '../loadMilestones';
import { inSlices } from '../inSlices';

export interface ViewClick {
  /** World position in µm within the shown tissue. */
  x: number;
  y: number;
  tissue: number;
  /** The cell under the pointer, if any. */
  cell: { id: number; index: number } | null;
  /** µm per CSS px at the current zoom. */
  umPerPx: number;
}

export interface ViewPanel {
  readonly view: TissueView | null;
  readonly tissue: number;
  readonly canvas: HTMLCanvasElement;
  /** World µm → CSS px in the canvas. */
  toScreen(x: number, y: number): [number, number];
  onClick(fn: (c: ViewClick) => void): void;
  onTissue(fn: (t: number) => void): void;
  /** Shows another tissue (as picking it in the menu does). */
  setTissue(t: number): void;
  highlight(ids: number[]): void;
  /** `fn` runs after every picture the view puts on screen (a frame, a pan or zoom, a resize). */
  onRender(fn: () => void): void;
}

export function mountViewPanel(bar: HTMLElement, canvas: HTMLCanvasElement, legend: HTMLElement, session: Session): ViewPanel {
  let view: TissueView | null = null;
  /** Counts the key's builds: one still in slices when a newer scenario arrives stops there. */
  let legends = 0;
  let tissue = 0;
  let scenario: Scenario | null = null;
  const clickFns: ((c: ViewClick) => void)[] = [];
  const tissueFns: ((t: number) => void)[] = [];
  const renderFns: (() => void)[] = [];
  const rendered = () => {
    for (const fn of renderFns) fn();
  };
  const reduced = matchMedia('(prefers-reduced-motion: reduce)');

  const tissueId = uid('tissue');
  const tissueSel = h('select', { id: tissueId });
  const tissueBox = h('div', { class: 'group', id: 'tissue-pick' }, h('label', { for: tissueId }, t('view.showTissue')), tissueSel);
  const showTissue = (t: number) => {
    tissue = t;
    tissueSel.value = String(t);
    view?.setTissue(tissue);
    // The canvas's name follows the tissue shown at once.
    lastLabel = -Infinity;
    if (session.frame) describe(session.frame);
    for (const fn of tissueFns) fn(tissue);
  };
  tissueSel.addEventListener('change', () => showTissue(Number(tissueSel.value)));

  const densityId = uid('density');
  const density = h(
    'select',
    { id: densityId },
    h('option', { value: 'auto', selected: true }, t('view.auto')),
    h('option', { value: 'dots' }, t('view.dots')),
    h('option', { value: 'density' }, t('view.density')),
  );
  density.addEventListener('change', () => view?.setDensity(density.value as DensityMode));

  const motionId = uid('motion');
  const motion = h('input', { type: 'checkbox', id: motionId, checked: reduced.matches });
  motion.addEventListener('change', () => view?.setReducedMotion(motion.checked));
  reduced.addEventListener('change', () => {
    motion.checked = reduced.matches;
    view?.setReducedMotion(reduced.matches);
  });

  const hint = h('p', { class: 'hint' }, t('view.hint'));
  bar.append(
    tissueBox,
    h('div', { class: 'group lab-only' }, h('label', { for: densityId }, t('view.vesiclesAs')), density),
    h('div', { class: 'group lab-only' }, motion, h('label', { for: motionId }, t('view.lessMotion'))),
  );
  legend.before(hint);

  const toScreen = (x: number, y: number): [number, number] => (view ? view.worldToScreen(x, y) : [x, y]);
  /** CSS px per µm at the current zoom. */
  const pxPerUm = () => Math.abs(toScreen(1, 0)[0] - toScreen(0, 0)[0]) || 1;

  let down: { x: number; y: number } | null = null;
  canvas.addEventListener('pointerdown', (e) => {
    down = { x: e.clientX, y: e.clientY };
  });
  canvas.addEventListener('click', (e) => {
    if (!view || !scenario) return;
    // A drag (pan) is not a click.
    if (down && Math.hypot(e.clientX - down.x, e.clientY - down.y) > 4) return;
    const [x, y] = view.clientToWorld(e.clientX, e.clientY);
    const umPerPx = 1 / pxPerUm();
    const t = Object.values(scenario.tissues)[tissue];
    if (x < 0 || y < 0 || x > t.width || y > t.height) return;
    const hit = view.pick(e.clientX, e.clientY);
    const c: ViewClick = { x, y, tissue, cell: hit ? { id: hit.id, index: hit.index } : null, umPerPx };
    for (const fn of clickFns) fn(c);
  });

  let lastLabel = -Infinity;
  const describe = (f: Frame) => {
    const now = performance.now();
    if (now - lastLabel < 2000 || !scenario) return;
    lastLabel = now;
    let cells = 0;
    let dots = 0;
    for (let i = 0; i < f.cells.count; i++) if (f.cells.tissue[i] === tissue) cells++;
    const counted = f.density?.perTissue[tissue];
    if (counted !== undefined) dots = counted;
    else for (let i = 0; i < f.vesicles.count; i++) if (f.vesicles.tissue[i] === tissue) dots++;
    const name = Object.values(scenario.tissues)[tissue].name;
    setAttr(canvas, 'aria-label', t('view.canvasLabel', { tissue: name, cells: formatCount(cells), dots: formatCount(dots) }));
  };

  /** The tick of the last frame of this run (-1: none yet), so a dose is marked once, going forward. */
  let lastTick = -1;
  session.on('load', (info) => {
    // Keep the view (and its zoom) across a Reset unless what it draws has changed.
    const key = (s: Scenario | null) => (s ? JSON.stringify([s.id, s.tissues, s.cellTypes, s.vesicleTypes, s.labels, s.vesiclesPerDot]) : '');
    const fresh = key(scenario) !== key(info.scenario);
    scenario = info.scenario;
    if (fresh || !view) {
      view?.destroy();
      // Its own redraws (zoom, running flashes) come after the animation frame too, as the session's do.
      view = createTissueView(canvas, info.scenario, { afterFrame: true, onRender: rendered, blankUntilFrame: true });
      view.setReducedMotion(motion.checked);
      view.setDensity(density.value as DensityMode);
      view.setQuality(session.quality.level === 'full' ? FULL_QUALITY : REDUCED_QUALITY);
      tissue = 0;
      const tissues = Object.values(info.scenario.tissues);
      replace(tissueSel, ...tissues.map((t, i) => h('option', { value: String(i) }, t.name)));
      tissueBox.hidden = tissues.length < 2;
      // The key (folded away at first) after the run's first picture, a few cell types per task
      // (a cell type with its states' swatches is a dozen SVG elements: 30–45 ms at 4× in one task).
      const made = ++legends;
      afterNextDraw(session, 'legend', () => void inSlices(legendSteps(legend, info.scenario, info.scenario.vesiclesPerDot), () => made !== legends));
      lastLabel = -Infinity;
    } else view.newRun();
    lastTick = -1;
  });
  // Vesicles injected into a tissue (a lesson's button or the inject tool) show where they arrive;
  // a dose into the blood (a button, or one of the scenario's scheduled doses) pulses at the vessels.
  const mark = (e: { vesicleType: string; tissue?: string; x?: number; y?: number; radius?: number }, atTick: number) => {
    if (!view || !scenario) return;
    const type = Object.keys(scenario.vesicleTypes).indexOf(e.vesicleType);
    if (e.tissue === undefined) {
      for (const site of bloodSites(scenario, type)) view.markInjection(site, atTick);
      return;
    }
    const t = Object.keys(scenario.tissues).indexOf(e.tissue);
    const spec = Object.values(scenario.tissues)[t];
    if (spec) view.markInjection({ tissue: t, x: e.x ?? spec.width / 2, y: e.y ?? spec.height / 2, radius: e.radius ?? 20, vesicleType: type }, atTick);
  };
  session.on('sent', (events) => {
    // From the tick it applies at (the engine's, ahead of the page's while playing): the mark
    // starts with the frame that holds the injected vesicles, not the one before.
    for (const e of events) if (e.kind === 'inject') mark(e, e.tick);
  });
  session.on('frame', (f) => {
    const from = lastTick;
    lastTick = f.tick;
    // Only forward, frame by frame (a reset or a jump back shows nothing).
    if (!scenario || from < 0) return;
    for (const d of dosesDue(session.scenario ?? scenario, session.dt, from, f.tick)) mark(d, d.tick - 1);
  });
  session.on('draw', (f) => {
    view?.draw(f);
    describe(f);
  });
  session.on('redraw', () => view?.redraw());
  session.on('quality', (level) => view?.setQuality(level === 'full' ? FULL_QUALITY : REDUCED_QUALITY));

  return {
    get view() {
      return view;
    },
    get tissue() {
      return tissue;
    },
    canvas,
    toScreen,
    onClick: (fn) => clickFns.push(fn),
    onTissue: (fn) => tissueFns.push(fn),
    setTissue: (t) => {
      if (scenario && t !== tissue && t >= 0 && t < Object.keys(scenario.tissues).length) showTissue(t);
    },
    highlight: (ids) => view?.highlight(ids),
    onRender: (fn) => renderFns.push(fn),
  };
}
