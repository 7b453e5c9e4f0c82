// Where vesicles were just injected into a tissue: a still ring from the press until the engine
// applies the injection (the next step), then rings that spread from the site and fade, with the
// words "injected here", while the injected kind of dot is drawn larger for a moment (boostedType). With reduced motion: one still ring and the words, no spreading, no size change.
// A dose into the blood pulses along the tissue's vessels instead ("into the blood"), so a student
// sees that it happened. Wall-clock ms, like viz/effects.ts: the marks last the same at any run speed.
import { t } from '../src/i18n/i18n';

/** How long the rings spread (and the dots stay large), and how long the still mark stays with reduced motion, ms. */
export const INJECT_PULSE_MS = 2200;
export const INJECT_STILL_MS = 5000;
/** Side of a freshly injected dot while it is shown large, CSS px. */
export const INJECTED_DOT_PX = 4;
/** Most dots drawn large (one canvas path): past this, a sample in index order. */
const MAX_LARGE_DOTS = 20_000;

export interface InjectSite {
  tissue: number;
  x: number;
  y: number;
  /** Half the side of the injected patch, µm. */
  radius: number;
  /** The injected vesicle type's index (its dots are drawn larger for a moment). */
  vesicleType: number;
  /** A dose into the blood: the vessel (µm) that pulses, in place of rings round (x, y). */
  rect?: { x: number; y: number; width: number; height: number };
}

interface Mark extends InjectSite {
  /** The run's tick when the injection was sent; it arrives with the first later frame. */
  atTick: number;
  /** Wall-clock ms when it arrived (NaN: still waiting). */
  t0: number;
}

export interface InjectDrawOptions {
  tissue: number;
  sx: (x: number) => number;
  sy: (y: number) => number;
  /** CSS px per µm. */
  k: number;
  now: number;
  reducedMotion: boolean;
  fontPx: number;
  /** Ring colour (the injected vesicle type's dot colour). */
  colour: (vesicleType: number) => string;
}

export class InjectMarks {
  private marks: Mark[] = [];

  /** An injection sent at tick `atTick`: it waits (a still ring) until a frame past that tick arrives. */
  add(site: InjectSite, atTick: number): void {
    this.marks.push({ ...site, atTick, t0: NaN });
  }

  /** A new frame: waiting injections whose tick has passed start now; a jump back (reset) drops them. */
  frame(tick: number, now: number): void {
    this.marks = this.marks.filter((m) => tick >= m.atTick);
    for (const m of this.marks) if (Number.isNaN(m.t0) && tick > m.atTick) m.t0 = now;
  }

  /** Progress 0 → 1 of a mark at `now` (≥ 1: over; 0 while it waits). */
  private progress(m: Mark, now: number, reducedMotion: boolean): number {
    if (Number.isNaN(m.t0)) return 0;
    return (now - m.t0) / (reducedMotion ? INJECT_STILL_MS : INJECT_PULSE_MS);
  }

  /** True while a mark is still moving or due to go (a waiting one needs no redraw). */
  active(now: number, reducedMotion: boolean): boolean {
    this.marks = this.marks.filter((m) => this.progress(m, now, reducedMotion) < 1);
    return this.marks.some((m) => !Number.isNaN(m.t0));
  }

  /**
   * The injections of `tissue` whose dots are drawn larger at `now`. Reduced motion keeps the
   * dots' size (a size that changes by itself is motion).
   */
  boosted(tissue: number, now: number, reducedMotion: boolean): InjectSite[] {
    if (reducedMotion) return [];
    return this.marks.filter((m) => m.tissue === tissue && !m.rect && !Number.isNaN(m.t0) && this.progress(m, now, false) < 1);
  }

  clear(): void {
    this.marks = [];
  }

  /** Draws every mark of the shown tissue: spreading, fading rings (or one still ring) and a label. */
  draw(ctx: CanvasRenderingContext2D, o: InjectDrawOptions): void {
    for (const m of this.marks) {
      if (m.tissue !== o.tissue) continue;
      const p = this.progress(m, o.now, o.reducedMotion);
      if (p < 0 || p >= 1) continue;
      if (m.rect) {
        drawBloodMark(ctx, m, p, o);
        continue;
      }
      const x = o.sx(m.x);
      const y = o.sy(m.y);
      const r0 = Math.max(10, m.radius * o.k);
      ctx.save();
      ctx.strokeStyle = o.colour(m.vesicleType);
      const waiting = Number.isNaN(m.t0);
      if (o.reducedMotion || waiting) {
        ctx.beginPath();
        ctx.arc(x, y, r0, 0, 2 * Math.PI);
        ctx.lineWidth = 6;
        ctx.strokeStyle = 'rgba(255,255,255,0.9)';
        ctx.stroke();
        ctx.lineWidth = 3;
        ctx.setLineDash([6, 4]);
        ctx.strokeStyle = o.colour(m.vesicleType);
        ctx.stroke();
      } else {
        // Three rings, one after another, each spreading from the patch's edge to twice its size.
        for (let j = 0; j < 3; j++) {
          const q = p * 1.6 - j * 0.3;
          if (q < 0 || q > 1) continue;
          ctx.globalAlpha = 1 - q;
          ctx.beginPath();
          ctx.arc(x, y, r0 * (1 + q), 0, 2 * Math.PI);
          ctx.lineWidth = 4 * (1 - q) + 4;
          ctx.strokeStyle = 'rgba(255,255,255,0.9)';
          ctx.stroke();
          ctx.lineWidth = 4 * (1 - q) + 1;
          ctx.strokeStyle = o.colour(m.vesicleType);
          ctx.stroke();
        }
      }
      ctx.globalAlpha = o.reducedMotion || waiting ? 1 : Math.min(1, 2 * (1 - p));
      ctx.font = `600 ${o.fontPx}px system-ui, sans-serif`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      ctx.lineWidth = 4;
      ctx.setLineDash([]);
      ctx.strokeStyle = 'rgba(255,255,255,0.9)';
      ctx.fillStyle = '#111';
      const ty = Math.max(o.fontPx + 2, y - r0 - 6);
      const words = waiting ? t('viz.doseHere') : t('viz.injectedHere');
      ctx.strokeText(words, x, ty);
      ctx.fillText(words, x, ty);
      ctx.restore();
    }
  }
}

export interface InjectedDotOptions {
  site: InjectSite;
  sx: (x: number) => number;
  sy: (y: number) => number;
  colour: string;
}

/** How far from the site (µm, beyond the patch) a dot still counts as just injected there. */
const PATCH_SLACK_UM = 5;

/**
 * The frame's dots of the injected kind inside the injected patch (a square of side 2·radius,
 * which the dots have barely left a moment later) as large squares with a white edge, over the cells.
 */
export function drawInjectedDots(ctx: CanvasRenderingContext2D, v: { count: number; xy: Float32Array; tissue: Uint8Array; type: Uint8Array }, o: InjectedDotOptions): void {
  const n = Math.min(v.count, v.tissue.length, v.type.length, v.xy.length >> 1);
  const { tissue, vesicleType, x: cx, y: cy } = o.site;
  const reach = o.site.radius + PATCH_SLACK_UM;
  const inside = (i: number) => v.tissue[i] === tissue && v.type[i] === vesicleType && Math.abs(v.xy[2 * i] - cx) <= reach && Math.abs(v.xy[2 * i + 1] - cy) <= reach;
  let total = 0;
  for (let i = 0; i < n; i++) if (inside(i)) total++;
  if (total === 0) return;
  const every = Math.max(1, Math.ceil(total / MAX_LARGE_DOTS));
  const s = INJECTED_DOT_PX;
  ctx.save();
  ctx.beginPath();
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (!inside(i)) continue;
    if (k++ % every !== 0) continue;
    ctx.rect(o.sx(v.xy[2 * i]) - s / 2, o.sy(v.xy[2 * i + 1]) - s / 2, s, s);
  }
  ctx.lineWidth = 1;
  ctx.strokeStyle = 'rgba(255,255,255,0.95)';
  ctx.stroke();
  ctx.fillStyle = o.colour;
  ctx.fill();
  ctx.restore();
}

/**
 * A dose into the blood, at one vessel: its outline glows in the dose's colour and widens a few
 * times, fading, with the words "into the blood" over it (still, with reduced motion or while the
 * dose waits for the next step).
 */
function drawBloodMark(ctx: CanvasRenderingContext2D, m: InjectSite, p: number, o: InjectDrawOptions): void {
  const r = m.rect!;
  const x0 = o.sx(r.x);
  const y0 = o.sy(r.y);
  const w = Math.max(4, o.sx(r.x + r.width) - x0);
  const hgt = Math.max(4, o.sy(r.y + r.height) - y0);
  const still = o.reducedMotion || p === 0;
  ctx.save();
  const outline = (grow: number, alpha: number, width: number) => {
    ctx.globalAlpha = alpha;
    ctx.lineWidth = width + 3;
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    ctx.strokeRect(x0 - grow, y0 - grow, w + 2 * grow, hgt + 2 * grow);
    ctx.lineWidth = width;
    ctx.strokeStyle = o.colour(m.vesicleType);
    ctx.strokeRect(x0 - grow, y0 - grow, w + 2 * grow, hgt + 2 * grow);
  };
  if (still) {
    ctx.setLineDash([6, 4]);
    outline(3, 1, 3);
    ctx.setLineDash([]);
  } else {
    // Three pulses, one after another, each widening by 14 px and fading.
    for (let j = 0; j < 3; j++) {
      const q = p * 1.6 - j * 0.3;
      if (q < 0 || q > 1) continue;
      outline(2 + 14 * q, 1 - q, 4 * (1 - q) + 1.5);
    }
  }
  ctx.globalAlpha = still ? 1 : Math.min(1, 2 * (1 - p));
  ctx.font = `600 ${o.fontPx}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 4;
  ctx.strokeStyle = 'rgba(255,255,255,0.95)';
  ctx.fillStyle = '#111';
  const words = t('prompt.bloodDose');
  // Over the middle of the vessel (a tall vessel: a third of the way down, clear of the labels).
  const ty = hgt > 3 * o.fontPx ? y0 + hgt / 3 : y0 + hgt / 2;
  ctx.strokeText(words, x0 + w / 2, ty);
  ctx.fillText(words, x0 + w / 2, ty);
  ctx.restore();
}
