// The Learn screen's two views side by side, for a lesson that declares `lesson.sideBySide`: two
// tissues of the one run (organ-address: lung beside liver, a button back to the other tissue),
// or the run without and with the lesson's paired change (block-release: the copy in twin.ts
// follows the session, so the one set of run controls drives both). The left pane is the page's
// own tissue view (#view-canvas: its click, keyboard, inspector and follow tools are unchanged);
// the right pane is a second view of the same frames, or of the copy's. Each pane has a title and
// a count. The Lab keeps the single view with its tissue menu.
import type { Frame, Scenario, EventSpec } from '../../../sim/index';
import { setText } from '../../../viz/dom';
import { createTissueView, FULL_QUALITY, REDUCED_QUALITY, type TissueView } from '../../../viz/tissueView';
import { paramPathOf, pathsSetBy, type Session } from '../session';
import { schemaTools } from '../schemaTools';
import type { ViewPanel } from '../ui/viewPanel';
import type { InspectStage } from '../ui/inspector';
import { mountCellFocus } from '../ui/cellFocus';
import type { MoreDescription } from '../ui/runDescription';
import { sampleAt } from '../../lab/describe';
import { h } from '../ui/dom';
import { withLabel } from '../paired/labels';
import { layoutPanes, type Rect } from './layout';
import { countPhrase, countText, resolveSideBySide, type SideBySide } from './spec';
import { TwinRun } from './twin';
import { installTwinHook } from './hook';
import { later } from '../later';
import { t } from '../../i18n/i18n';
import './sideBySide.css';

/** viz/viewTransform fits the tissue into its canvas with this margin (CSS px). */
const FIT_MARGIN = 4;
/** Space between the two canvases (CSS px): with each view's margin, 10 px between the tissues. */
const GAP = 2;
/** A title band's height (rem): a title and its count, one line each. */
const BAND_REM = 2.75;
/** An overlaid title's distance from its canvas's corner (CSS px). */
const INSET = 6;
/** Below this stage width (CSS px) the panes stack when the page flows (phones). */
const STACK_BELOW = 600;
/** The least width (rem) the toggle needs beside the key on a phone, else it goes under the key. */
const TOGGLE_ROOM_REM = 20;
/** How often a pane's spoken label is brought up to date (ms). */
const LABEL_MS = 2000;

export interface SideBySideDeps {
  /** The stage's canvas box (#canvas-box) and the stage section around it. */
  box: HTMLElement;
  stage: HTMLElement;
  panel: ViewPanel;
  session: Session;
  /** True while the Learn screen shows (the Lab keeps one view). */
  learning(): boolean;
  notify(text: string): void;
  /** Opens the inspector on a cell of the session's run. */
  inspect(id: number): void;
  /** Two panes came or went (the page gives two panes the window's whole width). */
  shown(): void;
}

export interface SideBySideView {
  /** The stage the inspector's card goes beside: the pane used last. */
  readonly stage: InspectStage;
  /** True while two panes show. */
  readonly showing: boolean;
  readonly twin: TwinRun;
  /** Rings cells in the right pane too (when it shows the session's run). */
  highlight(ids: number[]): void;
  /** Lays the panes out again (mode changed, text size changed). */
  refresh(): void;
  /** The second run's part of the run's description in words. */
  readonly describeMore: MoreDescription;
}

const viewKey = (s: Scenario) => JSON.stringify([s.id, s.tissues, s.cellTypes, s.vesicleTypes, s.labels, s.vesiclesPerDot]);

export function mountSideBySide(d: SideBySideDeps): SideBySideView {
  const { box, stage, panel, session } = d;
  const twin = new TwinRun(session);
  let spec: SideBySide | null = null;
  /** organ-address: both tissues, or the single view with the other tissue. */
  let both = true;
  /** The pane used last (0 left, 1 right): the inspector's card goes beside it. */
  let active: 0 | 1 = 0;
  let viewB: TissueView | null = null;
  let keyB = '';
  let showing = false;
  /** The stage's height cap (its max-height) the titles' place was last decided under (layout()). */
  let decidedUnder = '';
  const filling = matchMedia('(orientation: landscape) and (min-width: 900px)');
  const reduced = matchMedia('(prefers-reduced-motion: reduce)');

  const canvasB = h('canvas', { id: 'sbs-canvas', class: 'sbs-canvas', role: 'img', 'aria-label': t('sideBySide.secondView') });
  const head = (k: 0 | 1): HTMLElement =>
    h('div', { class: 'sbs-head', id: `sbs-head-${k}` }, h('h2', { class: 'sbs-title', id: `sbs-title-${k}` }), h('p', { class: 'sbs-count', id: `sbs-count-${k}` }));
  const heads: [HTMLElement, HTMLElement] = [head(0), head(1)];
  const titleEl = (k: 0 | 1) => heads[k].querySelector('h2')!;
  const countEl = (k: 0 | 1) => heads[k].querySelector('p')!;
  const bothBtn = h('button', { type: 'button', class: 'small', id: 'sbs-both', 'aria-pressed': 'true' });
  const otherBtn = h('button', { type: 'button', class: 'small', id: 'sbs-other', 'aria-pressed': 'false' });
  const toggle = h('div', { class: 'sbs-toggle', role: 'group', 'aria-label': t('sideBySide.show') }, bothBtn, otherBtn);
  for (const el of [canvasB, ...heads, toggle]) el.hidden = true;
  // The second view after the main canvas and its overlay, before the key, so the key stays on
  // top. The toggle goes where the eye meets it (placeToggle).
  panel.canvas.before(toggle);
  box.querySelector('#overlay-canvas')?.after(canvasB, heads[0], heads[1]);
  /** The keyboard on the right view: mounted with the first lesson that shows two tissues. */
  let keysB = false;
  const mountKeysB = () => {
    if (keysB) return;
    keysB = true;
    mountCellFocus(
      box,
      {
        canvas: canvasB,
        get tissue() {
          return showing && spec?.kind === 'tissues' ? spec.panes[1].tissue : -1;
        },
        toScreen: (x, y) => (viewB ? viewB.worldToScreen(x, y) : [x, y]),
      },
      session,
      (id) => {
        active = 1;
        d.inspect(id);
      },
      'sbs-cell-focus-status',
    );
  };

  const mainCanvas = panel.canvas;
  const overlay = box.querySelector<HTMLCanvasElement>('#overlay-canvas');
  for (const ev of ['pointerdown', 'focus'] as const) {
    mainCanvas.addEventListener(ev, () => (active = 0));
    canvasB.addEventListener(ev, () => (active = 1));
  }

  // ── Clicks on the right pane ──
  let down: { x: number; y: number } | null = null;
  canvasB.addEventListener('pointerdown', (e) => {
    down = { x: e.clientX, y: e.clientY };
  });
  canvasB.addEventListener('click', (e) => {
    if (!viewB || !spec || !showing) return;
    if (down && Math.hypot(e.clientX - down.x, e.clientY - down.y) > 4) return;
    if (spec.kind === 'paired') {
      d.notify(t('sideBySide.watchOnly', { run: withLabel(spec.decl.label), view: leftTitle() }));
      return;
    }
    const hit = viewB.pick(e.clientX, e.clientY);
    if (hit) d.inspect(hit.id);
    else d.notify(t('sideBySide.noCell'));
  });

  /** The first tissue neither pane shows (organ-address: the primary tumour). */
  const otherTissue = (s: SideBySide): number => {
    const n = Object.keys(session.scenario.tissues).length;
    for (let t = 0; t < n; t++) if (!s.panes.some((p) => p.tissue === t)) return t;
    return 0;
  };

  // ── Placing things ──
  const place = (el: HTMLElement, r: Rect | null) => {
    const s = el.style;
    if (!r) {
      s.left = s.top = s.right = s.bottom = '';
      if (el instanceof HTMLCanvasElement) s.width = s.height = '100%';
      else s.width = s.height = '';
      return;
    }
    s.left = `${r.left}px`;
    s.top = `${r.top}px`;
    s.width = `${r.width}px`;
    s.height = `${r.height}px`;
    s.right = s.bottom = 'auto';
  };

  const tissueSize = (): { w: number; h: number } => {
    const tissues = Object.values(session.scenario.tissues);
    const ts = spec ? spec.panes.map((p) => tissues[p.tissue]) : [tissues[0]];
    return { w: Math.max(...ts.map((t) => t.width)), h: Math.max(...ts.map((t) => t.height)) };
  };

  const key = () => box.querySelector<HTMLElement>('#key-toggle');

  const rootPx = () => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  function layout(): void {
    if (!showing) {
      layoutSingle();
      return;
    }
    const fill = filling.matches;
    // Everything is read before anything is written, so the page is laid out at most once here (in
    // a resize observer's report, where its layout is clean, not at all): a write followed by a
    // read laid the page out again inside the animation frame. On a flowing page (a phone) the
    // caption's room is written first: the toggle's place, read below, follows it.
    if (!fill) writeCaptionRoom(captionRoom());
    const room = fill ? captionRoom() : null;
    const t = tissueSize();
    // On a flowing page the toggle keeps a row above the panes; where the stage fills the window
    // it sits over the stage's lower-right corner (sideBySide.css).
    const top = !fill && spec?.kind === 'tissues' && !toggle.hidden ? toggle.offsetTop + toggle.offsetHeight + 4 : 0;
    const input = {
      width: box.clientWidth,
      height: box.clientHeight,
      tissueW: t.w,
      tissueH: t.h,
      head: Math.round(BAND_REM * rootPx()),
      top,
      gap: GAP,
      margin: FIT_MARGIN,
      stackBelow: STACK_BELOW,
    };
    const frame = box.offsetHeight - box.clientHeight;
    const boxWidth = box.offsetWidth;
    const cap = fill ? getComputedStyle(box).maxHeight : '';
    // The key's button sits over the stage's top-right corner: a title under it keeps clear. Its
    // place in the box does not change with the box's height, all that the writes below change.
    const k = key()?.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    const kb = k && k.width > 0 ? { bottom: k.bottom - b.top - box.clientTop, left: k.left - b.left - box.clientLeft } : null;
    // ── Writes only from here ──
    if (room) writeCaptionRoom(room);
    if (fill) {
      // The stage asks for the height of a row across its whole width, titles in bands; the
      // stylesheet caps it, and the layout then picks what draws the tissue largest in what it got.
      // Titles go over the canvases when their bands would not fit: the stage then asks no more
      // than the row itself needs, and leaves the rest to the band under it.
      decidedUnder = cap;
      const most = parseFloat(cap) - frame;
      let want = layoutPanes({ ...input, fitWidth: true, stackBelow: 0 }).height;
      if (want > most) want = layoutPanes({ ...input, head: 0, fitWidth: true, stackBelow: 0 }).height;
      box.style.setProperty('--panes-aspect', `${boxWidth} / ${want + frame}`);
      box.style.height = box.style.aspectRatio = box.style.maxHeight = '';
    }
    const L = layoutPanes(fill ? { ...input, overlay: true } : { ...input, fitWidth: true });
    if (!fill) {
      box.style.height = `${L.height}px`;
      box.style.aspectRatio = 'auto';
      box.style.maxHeight = 'none';
      box.style.removeProperty('--panes-aspect');
    }
    stage.dataset.sbsArrangement = L.arrangement;
    stage.dataset.sbsTitles = L.titles;
    place(mainCanvas, L.canvases[0]);
    if (overlay) place(overlay, L.canvases[0]);
    place(canvasB, L.canvases[1]);
    heads.forEach((el, i) => {
      const r = L.heads[i];
      const over = L.titles === 'overlay';
      el.classList.toggle('sbs-over', over);
      const clear = (right: number) => (kb && r.top < kb.bottom && right > kb.left - 4 ? right - kb.left + 8 : 0);
      if (over) {
        // A label over the canvas's top-left corner, as wide as its words (up to the canvas's width).
        place(el, null);
        el.style.left = `${r.left + INSET}px`;
        el.style.top = `${r.top + INSET}px`;
        el.style.maxWidth = `${Math.max(0, r.width - 2 * INSET - clear(r.left + r.width - INSET))}px`;
        el.style.paddingRight = '';
      } else {
        place(el, r);
        el.style.maxWidth = '';
        const pad = clear(r.left + r.width);
        el.style.paddingRight = pad ? `${pad}px` : '';
      }
    });
  }

  /** What the caption's and the toggle's room depend on (reads only; writeCaptionRoom writes it). */
  interface CaptionRoom {
    toggleW: number;
    key: { w: number; h: number } | null;
    belowKey: boolean;
  }
  function captionRoom(): CaptionRoom {
    const fill = filling.matches;
    const toggleW = fill && !toggle.hidden ? toggle.offsetWidth : 0;
    const k = key();
    const kw = k ? k.offsetWidth : 0;
    if (!k || kw === 0) return { toggleW, key: null, belowKey: false };
    // Beside the key the toggle's buttons would wrap word by word: it takes a row under the key.
    return { toggleW, key: { w: kw, h: k.offsetHeight }, belowKey: !fill && box.clientWidth - kw < TOGGLE_ROOM_REM * rootPx() };
  }
  /**
   * The run's caption keeps clear of the toggle over the stage's lower-right corner, and the
   * toggle, at the top of a phone's stage, of the key's button (sideBySide.css).
   */
  function writeCaptionRoom(r: CaptionRoom): void {
    if (r.toggleW > 0) box.style.setProperty('--sbs-toggle-w', `${r.toggleW}px`);
    else box.style.removeProperty('--sbs-toggle-w');
    if (!r.key) return;
    box.style.setProperty('--sbs-key-w', `${r.key.w}px`);
    box.style.setProperty('--sbs-key-h', `${r.key.h}px`);
    toggle.classList.toggle('sbs-below-key', r.belowKey);
  }
  function keepCaptionClear(): void {
    writeCaptionRoom(captionRoom());
  }

  /**
   * The other tissue alone, on a flowing page (a phone): under the toggle, not behind it. On a
   * landscape screen the view fills the stage and the toggle sits over its corner.
   */
  function layoutSingle(): void {
    keepCaptionClear();
    if (filling.matches || toggle.hidden || spec?.kind !== 'tissues') return;
    const t = Object.values(session.scenario.tissues)[otherTissue(spec)];
    const top = toggle.offsetTop + toggle.offsetHeight + 4;
    const width = box.clientWidth;
    const height = Math.ceil((width * t.height) / t.width);
    box.style.height = `${top + height}px`;
    box.style.aspectRatio = 'auto';
    box.style.maxHeight = 'none';
    place(mainCanvas, { left: 0, top, width, height });
    if (overlay) place(overlay, { left: 0, top, width, height });
  }

  function unlayout(): void {
    for (const el of [mainCanvas, canvasB, ...heads]) place(el, null);
    for (const el of heads) {
      el.classList.remove('sbs-over');
      el.style.maxWidth = el.style.paddingRight = '';
    }
    if (overlay) place(overlay, null);
    box.style.height = box.style.aspectRatio = box.style.maxHeight = '';
    box.style.removeProperty('--panes-aspect');
    delete stage.dataset.sbsArrangement;
    delete stage.dataset.sbsTitles;
  }
  /**
   * Tab meets the toggle where a reader's eye does: on a landscape screen it is drawn over the
   * stage's lower-right corner, so it comes after the views and the key (and just before the run
   * controls under the stage); on a phone it is a row above the panes, so it comes before them.
   */
  function placeToggle(): void {
    const keyEl = box.querySelector('#key');
    const after = filling.matches && keyEl ? keyEl : null;
    if (after ? after.nextElementSibling === toggle : toggle.nextElementSibling === mainCanvas) return;
    const hadFocus = toggle.contains(document.activeElement);
    const focused = document.activeElement as HTMLElement | null;
    if (after) after.after(toggle);
    else mainCanvas.before(toggle);
    if (hadFocus) focused?.focus();
  }
  new ResizeObserver(() => layout()).observe(box);
  /**
   * Where titles go depends on the stage's height cap (the stylesheet's max-height: the window's
   * height less the band's room under the stage), and the cap can change while the stage keeps
   * its size: the prompt card's room (--band-room, ui/sideFit.ts) settles after the first layout,
   * and a window resized back keeps the height the narrower window gave it. Then the panes are laid
   * out again under the new cap, so a page resized to a size looks as a fresh load there does
   * (before, whichever of titles over the views or in a band came first stayed). Checked in a task
   * of its own (the cap is a style read; the room is written inside an animation frame).
   */
  const capChanged = () =>
    later('sbs-cap', () => {
      if (showing && filling.matches && getComputedStyle(box).maxHeight !== decidedUnder) layout();
    });
  new MutationObserver(capChanged).observe(box, { attributes: true, attributeFilter: ['style'] });
  window.addEventListener('resize', capChanged);
  filling.addEventListener('change', () => {
    placeToggle();
    layout();
  });

  // ── Counts and labels ──
  let lastLabel = 0;
  function showCounts(k: 0 | 1, f: Frame | null): void {
    if (!spec || !f) return;
    const p = spec.panes[k];
    const el = countEl(k);
    const first = el.textContent === '';
    const text = countText(f, p.tissue, p.count);
    // Only a changed count is written, into the text node already there (a replaced node costs the page a layout).
    setText(el, text);
    if (k === 1 && first) labelB(true);
  }
  function labelB(force = false): void {
    if (!spec) return;
    const now = performance.now();
    if (!force && now - lastLabel < LABEL_MS) return;
    lastLabel = now;
    const how =
      spec.kind === 'paired'
        ? t('sideBySide.howPaired', { view: leftTitle() })
        : t('sideBySide.howKeys');
    const count = countEl(1).textContent ?? '';
    canvasB.setAttribute('aria-label', count ? t('sideBySide.viewLabel', { title: spec.panes[1].title, count, how }) : t('sideBySide.viewLabelNoCount', { title: spec.panes[1].title, how }));
  }

  // ── Showing ──
  function apply(): void {
    // Two panes show from the lesson's load on, so the views' first backing stores are made at the
    // panes' size (the geometry loaded a moment later used to show one view first, whose store the
    // first stop then made anew).
    const want = spec !== null && d.learning() && (spec.kind === 'paired' || both);
    stage.classList.toggle('sbs-tissues', spec?.kind === 'tissues');
    placeToggle();
    toggle.hidden = !(spec?.kind === 'tissues' && d.learning());
    bothBtn.setAttribute('aria-pressed', String(both));
    otherBtn.setAttribute('aria-pressed', String(!both));
    if (spec?.kind === 'tissues' && d.learning()) panel.setTissue(both ? spec.panes[0].tissue : otherTissue(spec));
    const changed = showing !== want;
    showing = want;
    stage.classList.toggle('sbs-on', want);
    // The same on the lesson's grid, for the strip's band (sideBySide.css): a class, not a `:has()`.
    stage.parentElement?.classList.toggle('sbs-panes', want);
    stage.parentElement?.classList.toggle('sbs-panes-tissues', want && spec?.kind === 'tissues');
    if (changed) d.shown();
    canvasB.hidden = !want;
    // One label a pane: its title names what it shows, so the canvases draw no tissue name under it.
    panel.view?.showName(!want);
    viewB?.showName(!want);
    heads.forEach((el) => (el.hidden = !want));
    canvasB.tabIndex = want && spec?.kind === 'tissues' ? 0 : -1;
    if (spec?.kind === 'paired' && want) twin.setActive(spec.decl);
    else twin.setActive(null);
    if (want) {
      layout();
      viewB?.resize();
      showCounts(0, session.frame);
      showCounts(1, spec?.kind === 'paired' ? twin.frame : session.frame);
      labelB(true);
    } else {
      unlayout();
      layoutSingle();
      if (active === 1) active = 0;
    }
  }


  bothBtn.addEventListener('click', () => {
    both = true;
    apply();
  });
  otherBtn.addEventListener('click', () => {
    both = false;
    apply();
  });

  /** The scenario the session's run started from (at its load), to tell a change made since. */
  let started: Scenario | null = null;
  /**
   * The left pane's title. A paired lesson calls it "without" the change ("Without the drug"), true
   * while the session's run has what it started with at the settings the paired change sets. Once a
   * button sets them ("Release-blocking drug (90 %)"), it says that button; other ways, that the run
   * was changed. (The second run keeps its own change: twin.ts does not copy those events.)
   */
  function leftTitle(): string {
    if (!spec) return '';
    if (spec.kind !== 'paired') return spec.panes[0].title;
    const now = session.scenario;
    const { getAtPath } = schemaTools();
    const paths = pathsSetBy(spec.decl.events);
    const same = (path: string) => started !== null && getAtPath(now, path) === getAtPath(started, path);
    if (paths.every(same)) return spec.panes[0].title;
    const sets = (e: EventSpec) => {
      const q = paramPathOf(e);
      return q !== null && paths.includes(q.path) && getAtPath(now, q.path) === q.value;
    };
    const button = now.lesson?.interventions.find((b) => b.events.some(sets));
    return button ? withLabel(button.label, true) : t('sideBySide.yourChange');
  }
  session.on('scenario', () => {
    if (spec?.kind === 'paired') titleEl(0).textContent = leftTitle();
  });
  session.on('load', (info) => {
    started = info.scenario;
    const next = resolveSideBySide(info.scenario);
    const k = viewKey(info.scenario);
    if (!next) {
      viewB?.destroy();
      viewB = null;
      keyB = '';
    } else if (k !== keyB || !viewB) {
      viewB?.destroy();
      // The second view draws in a task of its own after each animation frame: the frame's task
      // then holds the first view's drawing only (two views in one task made it long at 4× slowdown).
      viewB = createTissueView(canvasB, info.scenario, { afterFrame: true });
      viewB.setReducedMotion(reduced.matches);
      viewB.setQuality(session.quality.level === 'full' ? FULL_QUALITY : REDUCED_QUALITY);
      keyB = k;
      both = true;
    } else viewB.newRun();
    if (JSON.stringify(next) !== JSON.stringify(spec)) both = true;
    spec = next;
    if (spec?.kind === 'tissues') mountKeysB();
    if (spec) {
      titleEl(0).textContent = leftTitle();
      titleEl(1).textContent = spec.panes[1].title;
      if (spec.kind === 'tissues') {
        bothBtn.textContent = t('sideBySide.both', { first: spec.panes[0].title, second: spec.panes[1].title.toLowerCase() });
        otherBtn.textContent = spec.otherLabel;
      }
      viewB?.setTissue(spec.panes[1].tissue);
      countEl(0).textContent = countEl(1).textContent = '';
    }
    apply();
  });
  reduced.addEventListener('change', () => viewB?.setReducedMotion(reduced.matches));

  const drawnTissue = (f: Frame) => {
    if (!showing || spec?.kind !== 'tissues') return;
    showCounts(1, f);
    labelB();
  };
  session.on('draw', (f) => {
    if (!showing || !spec) return;
    showCounts(0, f);
    if (spec.kind === 'tissues') viewB?.drawNext(f, drawnTissue);
  });
  // The second run's frames can come faster than the screen refreshes (it catches up in chunks):
  // only the newest is drawn, at the next animation frame and in the same redraw as the view's
  // running effects (never twice in one frame). A frame passed over, or drawn over, gives its
  // buffers back to the copy's worker.
  let queuedB: Frame | null = null;
  const drawnB = (f: Frame) => {
    if (queuedB === f) queuedB = null;
    twin.drawn(f);
    if (!showing || spec?.kind !== 'paired') return;
    showCounts(1, f);
    labelB();
  };
  twin.on('frame', (f) => {
    if (!showing || spec?.kind !== 'paired' || !viewB) return;
    if (queuedB && queuedB !== f) twin.release(queuedB);
    queuedB = f;
    viewB.drawNext(f, drawnB);
  });
  session.on('quality', (level) => viewB?.setQuality(level === 'full' ? FULL_QUALITY : REDUCED_QUALITY));
  twin.on('failure', (msg) => d.notify(t('sideBySide.stopped', { problem: msg })));

  const stageProxy: InspectStage = {
    get canvas() {
      return showing && active === 1 ? canvasB : mainCanvas;
    },
    toScreen(x, y) {
      const right = showing && active === 1 && viewB !== null;
      const c = right ? canvasB : mainCanvas;
      const [sx, sy] = right ? viewB!.worldToScreen(x, y) : panel.toScreen(x, y);
      return [sx + c.offsetLeft + c.clientLeft, sy + c.offsetTop + c.clientTop];
    },
    tissue: () => (showing && active === 1 && spec ? spec.panes[1].tissue : panel.tissue),
  };

  installTwinHook(twin);

  // The run in words: each hour's sentence ends with the copy's count at that hour, once the copy is there.
  const moreFns: (() => void)[] = [];
  twin.on('frame', () => moreFns.forEach((fn) => fn()));
  const describeMore: MoreDescription = {
    text(hour) {
      if (!showing || spec?.kind !== 'paired' || !twin.ok) return '';
      const series = twin.series;
      const k = sampleAt(series, hour);
      if (k < 0 || series.t[series.t.length - 1] < hour - 1e-9) return null;
      const p = spec.panes[1];
      const n = series.get(p.count.metric)[k];
      const of = series.get(p.count.total)[k];
      if (n === undefined || of === undefined) return '';
      return `${p.title}: ${countPhrase(p.count, n, of)}.`;
    },
    onChange: (fn) => moreFns.push(fn),
  };

  return {
    stage: stageProxy,
    get showing() {
      return showing;
    },
    twin,
    highlight(ids) {
      if (showing && spec?.kind === 'tissues') viewB?.highlight(ids);
    },
    refresh: () => {
      if (spec) apply();
      viewB?.resize();
    },
    describeMore,
  };
}
