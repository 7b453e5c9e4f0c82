// The overlay over the tissue canvas: the path of a followed vesicle (a white line with a dark
// edge, a ring where it is now, a cross where it ended). Drawn when what it shows may have moved:
// the tissue view drew (pan, zoom, a resize, a new frame, another tissue), the followed vesicle
// changed, or the overlay's own box changed size. It asks for no animation frames of its own, so a
// paused page with nothing followed does no work here (and it never forces a layout); with nothing
// to draw its backing store keeps the size it had (an empty canvas is clear at any size).
import type { FollowReport } from '../../../workers/protocol';

/** Draws the overlay again now (after the tissue view drew, or the followed vesicle changed). */
export interface Overlay {
  update(): void;
}

export function mountOverlay(canvas: HTMLCanvasElement, toScreen: (x: number, y: number) => [number, number], current: () => FollowReport | null, tissue: () => number): Overlay {
  const ctx0 = canvas.getContext('2d');
  if (!ctx0) return { update: () => undefined };
  const ctx: CanvasRenderingContext2D = ctx0;
  let drawnSomething = false;
  // The canvas's CSS size, kept by a ResizeObserver (which also reports it once, after the first
  // layout): reading clientWidth at each drawing — or here, while the page is still being built —
  // would force a layout.
  let cssW = 0;
  let cssH = 0;
  new ResizeObserver(() => {
    cssW = canvas.clientWidth;
    cssH = canvas.clientHeight;
    update();
  }).observe(canvas);

  function update(): void {
    const r = current();
    if (!r || r.path.length < 2 || r.tissueIndex !== tissue()) {
      // Nothing to show: the store keeps its size (a new one, at every change of the stage's size,
      // cost the compositor's next commit a new shared image of the canvas's size, drawn or not).
      if (drawnSomething) ctx.clearRect(0, 0, canvas.width, canvas.height);
      drawnSomething = false;
      return;
    }
    const dpr = devicePixelRatio || 1;
    const w = Math.round(cssW * dpr);
    const hgt = Math.round(cssH * dpr);
    if (canvas.width !== w || canvas.height !== hgt) {
      canvas.width = w;
      canvas.height = hgt;
    }
    drawnSomething = true;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.lineJoin = 'round';
    ctx.beginPath();
    for (let k = 0; k < r.path.length; k += 2) {
      const [x, y] = toScreen(r.path[k], r.path[k + 1]);
      if (k === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.strokeStyle = '#1d1d1f';
    ctx.lineWidth = 4;
    ctx.stroke();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2;
    ctx.stroke();
    const n = r.path.length;
    const [ex, ey] = toScreen(r.path[n - 2], r.path[n - 1]);
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = '#1d1d1f';
    if (r.fate === 'free') {
      ctx.beginPath();
      ctx.arc(ex, ey, 7, 0, 2 * Math.PI);
      ctx.stroke();
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 1.2;
      ctx.stroke();
    } else {
      ctx.beginPath();
      ctx.moveTo(ex - 6, ey - 6);
      ctx.lineTo(ex + 6, ey + 6);
      ctx.moveTo(ex + 6, ey - 6);
      ctx.lineTo(ex - 6, ey + 6);
      ctx.stroke();
    }
  }
  return { update };
}
