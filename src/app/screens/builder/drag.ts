// Dragging out a cluster on the stage: with "Place by clicking" on and the shape "a cluster",
// press on the tissue at the cluster's centre and drag to its edge; a dashed circle shows it, and
// letting go places the cluster with that radius. The drag is kept from the view's pan and zoom.
import { h } from '../../ui/dom';

export interface DragDeps {
  /** True when a drag should draw a cluster (building, Lab, placing by clicking, shape cluster). */
  armed(): boolean;
  /** Client px → world µm of the tissue shown, or null before the view exists. */
  toWorld(clientX: number, clientY: number): [number, number] | null;
  /** Places a cluster at (x, y) µm with this radius (µm). */
  place(x: number, y: number, radius: number): void;
}

/** Smallest drag (CSS px) that counts as drawing a cluster; shorter ones are clicks. */
const MIN_DRAG_PX = 5;

export function mountClusterDrag(box: HTMLElement, d: DragDeps): void {
  const ring = h('div', { class: 'bdrag', 'aria-hidden': 'true' });
  ring.hidden = true;
  box.append(ring);
  let start: { cx: number; cy: number; wx: number; wy: number } | null = null;

  const radiusTo = (cx: number, cy: number): number => {
    if (!start) return 0;
    const w = d.toWorld(cx, cy);
    return w ? Math.hypot(w[0] - start.wx, w[1] - start.wy) : 0;
  };
  const show = (cx: number, cy: number) => {
    if (!start) return;
    const r = box.getBoundingClientRect();
    const px = Math.hypot(cx - start.cx, cy - start.cy);
    ring.hidden = px < MIN_DRAG_PX;
    ring.style.left = `${start.cx - r.left - px}px`;
    ring.style.top = `${start.cy - r.top - px}px`;
    ring.style.width = ring.style.height = `${2 * px}px`;
  };

  box.addEventListener(
    'mousedown',
    (e) => {
      if (e.button !== 0 || !d.armed() || !(e.target instanceof HTMLCanvasElement)) return;
      const w = d.toWorld(e.clientX, e.clientY);
      if (!w) return;
      // The view's pan would take this drag: it is the cluster's instead.
      e.stopPropagation();
      e.preventDefault();
      start = { cx: e.clientX, cy: e.clientY, wx: w[0], wy: w[1] };
    },
    true,
  );
  window.addEventListener('mousemove', (e) => {
    if (start) show(e.clientX, e.clientY);
  });
  window.addEventListener('mouseup', (e) => {
    if (!start) return;
    const s = start;
    const far = Math.hypot(e.clientX - s.cx, e.clientY - s.cy) >= MIN_DRAG_PX;
    const radius = radiusTo(e.clientX, e.clientY);
    start = null;
    ring.hidden = true;
    // A short press is a click: the view's click handler places the cluster with the tool's radius.
    if (far && radius >= 1) d.place(s.wx, s.wy, radius);
  });
}
