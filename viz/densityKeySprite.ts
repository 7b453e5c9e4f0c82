// The density key's fixed part (pale panel, colour bar, title, "few") as one cached bitmap. Drawn
// as text and gradient on the page's canvas every frame it cost the 1M scene's frame task a style
// and layout pass (setting the canvas font) and tens of ms of text work at a slow CPU; now it is
// built once per text size and scale on an OffscreenCanvas and copied. The changing top count is
// drawn apart (a cached text sprite), so a new count never rebuilds the panel.
import { frozen, measuringContext, spriteContext, type Sprite } from './sprites';

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
  const measure = measuringContext();
  if (!measure) return null;
  const w = keyBarWidth(measure, style);
  const { left, top, boxW, boxH } = keyBox(style, w);
  const cw = Math.max(1, Math.ceil(boxW * scale));
  const ch = Math.max(1, Math.ceil(boxH * scale));
  const canvas = new OffscreenCanvas(cw, ch);
  const ctx = spriteContext(canvas);
  if (!ctx) {
    panels.set(key, null);
    return null;
  }
  ctx.setTransform(scale, 0, 0, scale, left * scale, top * scale);
  paintKeyPanel(ctx, style, w);
  const panel = { sprite: { canvas: frozen(canvas), ax: Math.round(left * scale), ay: Math.round(top * scale) }, width: w };
  panels.set(key, panel);
  return panel;
}

/** The colour bar's width for the title (CSS px): nine text sizes, or the title's width if longer. */
export function keyBarWidth(ctx: Ctx, style: KeyPanelStyle): number {
  ctx.font = style.font;
  return Math.max(9 * style.px, Math.ceil(ctx.measureText(style.title).width));
}

/** The panel's box around a bar `w` wide: its margin left of and above the bar's top-left corner, and its size (CSS px). */
function keyBox(style: KeyPanelStyle, w: number): { left: number; top: number; boxW: number; boxH: number } {
  const line = 1.3 * style.px;
  return { left: 6, top: 2.1 * line + 4, boxW: w + 12, boxH: 2.1 * line + 18 };
}

/** Paints the panel (box, colour bar, title, "few") with the bar's top-left corner at (0, 0) of `ctx`'s transform. */
export function paintKeyPanel(ctx: Ctx, style: KeyPanelStyle, w: number): void {
  const line = 1.3 * style.px;
  const { left, top, boxW, boxH } = keyBox(style, w);
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
}
