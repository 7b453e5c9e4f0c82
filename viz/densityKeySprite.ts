// The density key's fixed part (pale panel, colour bar, title, "few") as one cached bitmap. Drawn
// as text and gradient on the page's canvas every frame it cost the 1M scene's frame task a style
// and layout pass (setting the canvas font) and tens of ms of text work at a slow CPU; now it is
// built once per text size and scale on an OffscreenCanvas and copied. The changing top count is
// drawn apart (a cached text sprite), so a new count never rebuilds the panel.
import { frozen, type Sprite } from './sprites';

type Ctx = CanvasRenderingContext2D;

/** The panel sprite, anchored at the colour bar's top-left corner, and the bar's width (CSS px). */
export interface KeyPanel {
  sprite: Sprite;
  width: number;
}

/** How the panel is painted; the caller's geometry, so the sprite and the fallback paths agree. */
export interface KeyPanelStyle {
  title: string;
  font: string;
  px: number;
  ink: string;
  halo: string;
  colour: (t: number) => string;
}

const panels = new Map<string, KeyPanel | null>();
/** Panels kept before the cache starts again (text size × scale × language: a handful). */
const MAX_PANELS = 16;

/** The panel at `scale` device px per CSS px, or null where it cannot be made (no OffscreenCanvas). */
export function keyPanel(style: KeyPanelStyle, scale: number): KeyPanel | null {
  if (typeof OffscreenCanvas !== 'function') return null;
  const key = `${scale}|${style.px}|${style.font}|${style.title}`;
  const hit = panels.get(key);
  if (hit !== undefined) return hit;
  if (panels.size >= MAX_PANELS) panels.clear();
  const probe = new OffscreenCanvas(1, 1).getContext('2d') as unknown as Ctx | null;
  if (!probe) return null;
  probe.font = style.font;
  const { px } = style;
  const w = Math.max(9 * px, Math.ceil(probe.measureText(style.title).width));
  const line = 1.3 * px;
  // Panel box relative to the bar's top-left corner (x, y): the same box drawDensityKey's paths draw.
  const left = 6;
  const top = 2.1 * line + 4;
  const boxW = w + 12;
  const boxH = 2.1 * line + 18;
  const cw = Math.max(1, Math.ceil(boxW * scale));
  const ch = Math.max(1, Math.ceil(boxH * scale));
  const canvas = new OffscreenCanvas(cw, ch);
  const ctx = canvas.getContext('2d') as unknown as Ctx | null;
  if (!ctx) {
    panels.set(key, null);
    return null;
  }
  ctx.setTransform(scale, 0, 0, scale, left * scale, top * scale);
  const g = ctx.createLinearGradient(0, 0, w, 0);
  for (let i = 0; i <= 8; i++) g.addColorStop(i / 8, style.colour(i / 8));
  ctx.fillStyle = 'rgba(255,255,255,0.88)';
  ctx.fillRect(-left, -top, boxW, boxH);
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, w, 8);
  ctx.lineWidth = 1;
  ctx.strokeStyle = style.ink;
  ctx.strokeRect(0, 0, w, 8);
  ctx.font = style.font;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = style.halo;
  ctx.strokeText(style.title, 0, -line - 4);
  ctx.fillStyle = style.ink;
  ctx.fillText(style.title, 0, -line - 4);
  ctx.fillText('few', 0, -4);
  const panel = { sprite: { canvas: frozen(canvas), ax: Math.round(left * scale), ay: Math.round(top * scale) }, width: w };
  panels.set(key, panel);
  return panel;
}
