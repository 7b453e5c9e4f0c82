// The one owner of world → screen: d3-scale maps a tissue (µm) onto the canvas (CSS px) so it
// fits with a margin, and d3-zoom adds the user's pan and zoom on top. Everything that draws or
// picks asks this module for coordinates; nothing else keeps its own transform.
import { scaleLinear, select, zoom, zoomIdentity, type ScaleLinear, type ZoomBehavior, type ZoomTransform } from 'd3';

export interface ViewTransform {
  /** Canvas size in CSS px. */
  readonly width: number;
  readonly height: number;
  /** Sets the canvas size (CSS px) and refits; the zoom is kept and re-clamped. */
  setSize(width: number, height: number): void;
  /** Sets the world (tissue) size in µm and resets the zoom to the fitted view. */
  setWorld(width: number, height: number): void;
  /** World µm → screen CSS px scales, zoom included. */
  x(): ScaleLinear<number, number>;
  y(): ScaleLinear<number, number>;
  /** CSS px per µm, zoom included. */
  k(): number;
  worldToScreen(x: number, y: number): [number, number];
  screenToWorld(sx: number, sy: number): [number, number];
  /** Back to the fitted view. */
  reset(): void;
  /** Multiplies the zoom by `factor` about the canvas centre (keyboard zoom). */
  zoomBy(factor: number): void;
  /** Animated double-click zoom on or off (off for reduced motion). */
  setAnimated(on: boolean): void;
  /** Removes the zoom listeners. */
  detach(): void;
}

/** Empty space kept around the tissue in the fitted view, CSS px. */
const MARGIN = 4;
const MAX_ZOOM = 60;

/**
 * Fits a `worldW × worldH` µm tissue into the canvas and attaches d3-zoom to `el` (wheel, drag,
 * double-click, pinch). `onChange` runs after every pan or zoom.
 */
export function createViewTransform(el: Element, onChange: () => void): ViewTransform {
  let width = 1;
  let height = 1;
  let worldW = 1;
  let worldH = 1;
  let baseX = scaleLinear();
  let baseY = scaleLinear();
  let t: ZoomTransform = zoomIdentity;
  let zx = baseX;
  let zy = baseY;

  const behaviour: ZoomBehavior<Element, unknown> = zoom<Element, unknown>()
    .scaleExtent([1, MAX_ZOOM])
    .on('zoom', (event: { transform: ZoomTransform }) => {
      t = event.transform;
      rescale();
      onChange();
    });
  const selection = select(el);
  selection.call(behaviour);

  function rescale(): void {
    zx = t.rescaleX(baseX);
    zy = t.rescaleY(baseY);
  }

  function refit(): void {
    const s = Math.max(1e-9, Math.min((width - 2 * MARGIN) / worldW, (height - 2 * MARGIN) / worldH));
    const ox = (width - worldW * s) / 2;
    const oy = (height - worldH * s) / 2;
    baseX = scaleLinear().domain([0, worldW]).range([ox, ox + worldW * s]);
    baseY = scaleLinear().domain([0, worldH]).range([oy, oy + worldH * s]);
    behaviour.extent([
      [0, 0],
      [width, height],
    ]);
    behaviour.translateExtent([
      [Math.min(0, ox), Math.min(0, oy)],
      [Math.max(width, ox + worldW * s), Math.max(height, oy + worldH * s)],
    ]);
    rescale();
  }

  /** Applies a transform through d3-zoom (which clamps it and fires 'zoom'). */
  function apply(next: ZoomTransform): void {
    selection.call(behaviour.transform, next);
  }

  return {
    get width() {
      return width;
    },
    get height() {
      return height;
    },
    setSize(w, h) {
      width = Math.max(1, w);
      height = Math.max(1, h);
      refit();
      apply(t);
    },
    setWorld(w, h) {
      worldW = Math.max(1e-6, w);
      worldH = Math.max(1e-6, h);
      refit();
      apply(zoomIdentity);
    },
    x: () => zx,
    y: () => zy,
    k: () => Math.abs(zx(1) - zx(0)),
    worldToScreen: (x, y) => [zx(x), zy(y)],
    screenToWorld: (sx, sy) => [zx.invert(sx), zy.invert(sy)],
    reset: () => apply(zoomIdentity),
    zoomBy(factor) {
      selection.call(behaviour.scaleBy, factor, [width / 2, height / 2]);
    },
    setAnimated(on) {
      behaviour.duration(on ? 250 : 0);
    },
    detach() {
      selection.on('.zoom', null);
    },
  };
}
