// A learner's sketch of an expected curve on a time chart: a dashed line through a few points,
// drawn in the chart's SVG and kept there against the real curve. While editable, a pad over the
// plot lets a mouse or finger drag the curve (each point follows the pointer above it), and each
// point is a slider a keyboard moves (arrows, Page Up/Down, Home/End) in steps of the plot height.
import type { ScaleContinuousNumeric, ScaleLinear, Selection } from 'd3';
import { el } from './dom';
import { formatClock, formatWithUnit } from './format';
import { t } from '../src/i18n/i18n';

export interface SketchInput {
  hours: number[];
  values: number[];
  /** Points from index 1 on can be moved (the first is where the run is now). */
  editable: boolean;
  /** The top of the drawing range while editable (the chart's y axis reaches it). */
  ceiling: number;
  /** What is sketched, e.g. "tumour cells" (names the sliders). */
  label: string;
  /** Called with the new values after each move. */
  onChange?: (values: number[]) => void;
  /** Called when the learner pushed a point past the top and the ceiling rose to make room. */
  onCeiling?: (ceiling: number) => void;
  /** The chart's y axis is logarithmic (the ceiling then rises tenfold, not twofold). */
  log?: boolean;
}

export interface SketchScales {
  x: ScaleLinear<number, number>;
  y: ScaleContinuousNumeric<number, number>;
  /** The chart's value → pixel (log charts draw values ≤ 0 at their floor). */
  yv: (v: number) => number;
  width: number;
  height: number;
  /** The plot's top-left corner within the chart's root box (px). */
  left: number;
  top: number;
  unit: string;
}

/** Steps a keyboard move takes: a twentieth of the plot height, or a fifth with Page Up/Down. */
const STEPS = 20;
/** Least time between two rises of the ceiling while a pointer is held above the plot. */
const GROW_MS = 250;

export interface SketchLayer {
  /** Draws the sketch (or removes it, given null) with the chart's current scales. */
  draw(s: SketchInput | null, k: SketchScales): void;
  /** Moves focus to the first movable point. */
  focus(): boolean;
  destroy(): void;
}

export function createSketchLayer(plot: Selection<SVGGElement, unknown, null, undefined>, root: HTMLElement): SketchLayer {
  const g = plot.append('g').attr('class', 'cpv-sketch').attr('aria-hidden', 'true');
  const path = g.append('path').attr('fill', 'none').attr('stroke', '#6a3d9a').attr('stroke-width', 2.5).attr('stroke-dasharray', '7 4');
  const pad = el('div', { class: 'cpv-sketch-pad' });
  pad.hidden = true;
  root.appendChild(pad);
  let handles: HTMLElement[] = [];
  let input: SketchInput | null = null;
  let scales: SketchScales | null = null;

  /** A point moves between the axis' bottom and the sketch's ceiling. */
  const bounds = (): [number, number] => {
    const d = scales!.y.domain() as [number, number];
    return [Math.min(d[0], d[1]), Math.max(Math.min(d[0], d[1]), input?.ceiling ?? 0)];
  };
  const clampValue = (v: number) => {
    const [lo, hi] = bounds();
    return Math.min(hi, Math.max(lo, v));
  };
  const set = (i: number, v: number) => {
    if (!input || !scales || i < 1 || i >= input.values.length || !Number.isFinite(v)) return;
    input.values[i] = clampValue(v);
    draw(input, scales);
    input.onChange?.([...input.values]);
  };
  /** Raises the ceiling (a point pushed past the top), at most every GROW_MS while dragging. */
  let grownAt = 0;
  const raise = (now: number) => {
    if (!input || now - grownAt < GROW_MS) return;
    grownAt = now;
    input.ceiling *= input.log ? 10 : 2;
    input.onCeiling?.(input.ceiling);
  };
  /** The value `steps` keyboard steps above v (pixel steps, so log charts move by factors). */
  const stepFrom = (v: number, steps: number) => {
    const k = scales!;
    return k.y.invert(k.yv(v) - (steps * k.height) / STEPS);
  };

  const onKey = (i: number) => (e: KeyboardEvent) => {
    if (!input) return;
    const v = input.values[i];
    const [lo, hi] = bounds();
    const moves: Record<string, () => number> = {
      ArrowUp: () => stepFrom(v, 1),
      ArrowRight: () => stepFrom(v, 1),
      ArrowDown: () => stepFrom(v, -1),
      ArrowLeft: () => stepFrom(v, -1),
      PageUp: () => stepFrom(v, 4),
      PageDown: () => stepFrom(v, -4),
      Home: () => lo,
      End: () => hi,
    };
    const move = moves[e.key];
    if (!move) return;
    // The page's own arrow keys (→ steps the run) must not act on a point's key.
    e.preventDefault();
    e.stopPropagation();
    const up = e.key === 'ArrowUp' || e.key === 'ArrowRight' || e.key === 'PageUp';
    // Up at the top makes room: the ceiling rises, the axis follows, and the point moves into it.
    if (up && v >= hi * 0.999) {
      raise(Infinity);
      set(i, Math.min(input.ceiling, Math.max(stepFrom(v, 1), v * (input.log ? 2 : 1.1))));
      return;
    }
    set(i, move());
  };

  // Dragging: each movable point follows the pointer while it is above that point's time.
  let dragging = false;
  const follow = (e: PointerEvent) => {
    if (!input || !scales) return;
    const box = pad.getBoundingClientRect();
    const px = e.clientX - box.left;
    const py = e.clientY - box.top;
    let best = -1;
    let dist = Infinity;
    for (let i = 1; i < input.hours.length; i++) {
      const d = Math.abs(scales.x(input.hours[i]) - px);
      if (d < dist) {
        dist = d;
        best = i;
      }
    }
    // Dragged above the plot: more room at the top.
    if (py < 0) raise(e.timeStamp);
    if (best >= 1) set(best, scales.y.invert(Math.max(0, py)));
  };
  const stop = () => (dragging = false);
  /** The pad and each point start a drag and follow the pointer until it is released. */
  const draggable = (target: HTMLElement) => {
    target.addEventListener('pointerdown', (e) => {
      if (!input?.editable) return;
      dragging = true;
      target.setPointerCapture(e.pointerId);
      e.preventDefault();
      follow(e);
    });
    target.addEventListener('pointermove', (e) => {
      if (dragging) follow(e);
    });
    target.addEventListener('pointerup', stop);
    target.addEventListener('pointercancel', stop);
  };
  draggable(pad);

  function syncHandles(s: SketchInput, k: SketchScales): void {
    const want = s.editable ? s.hours.length - 1 : 0;
    if (handles.length !== want) {
      for (const h of handles) h.remove();
      handles = [];
      for (let i = 1; i <= want; i++) {
        const h = el('div', { class: 'cpv-sketch-point', role: 'slider', tabindex: '0', 'aria-orientation': 'vertical' });
        h.addEventListener('keydown', onKey(i));
        draggable(h);
        root.appendChild(h);
        handles.push(h);
      }
    }
    const [lo, hi] = bounds();
    handles.forEach((h, j) => {
      const i = j + 1;
      const v = s.values[i];
      h.style.left = `${k.left + k.x(s.hours[i])}px`;
      h.style.top = `${k.top + k.yv(v)}px`;
      h.setAttribute('aria-label', t('viz.sketchPoint', { what: s.label, time: formatClock(s.hours[i]) }));
      h.setAttribute('aria-valuemin', String(lo));
      h.setAttribute('aria-valuemax', String(hi));
      h.setAttribute('aria-valuenow', String(v));
      h.setAttribute('aria-valuetext', formatWithUnit(v, k.unit));
    });
  }

  function draw(s: SketchInput | null, k: SketchScales): void {
    input = s;
    scales = k;
    if (!s || s.hours.length < 2) {
      path.attr('d', null);
      g.selectAll('circle').remove();
      pad.hidden = true;
      for (const h of handles) h.remove();
      handles = [];
      return;
    }
    const d = s.hours.map((h, i) => `${i === 0 ? 'M' : 'L'}${k.x(h)},${k.yv(s.values[i])}`).join('');
    path.attr('d', d);
    g.selectAll('circle')
      .data(s.hours.map((h, i) => [k.x(h), k.yv(s.values[i])]))
      .join('circle')
      .attr('cx', (p) => p[0])
      .attr('cy', (p) => p[1])
      .attr('r', 4)
      .attr('fill', '#fff')
      .attr('stroke', '#6a3d9a')
      .attr('stroke-width', 2);
    pad.hidden = !s.editable;
    pad.style.left = `${k.left}px`;
    pad.style.top = `${k.top}px`;
    pad.style.width = `${k.width}px`;
    pad.style.height = `${k.height}px`;
    syncHandles(s, k);
  }

  return {
    draw,
    focus() {
      const h = handles[0];
      h?.focus();
      return h !== undefined;
    },
    destroy() {
      pad.remove();
      for (const h of handles) h.remove();
      g.remove();
    },
  };
}
