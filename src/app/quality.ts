// Adaptive drawing quality: watches how long the page's animation frames take while the run
// plays and, when the frame budget is missed, asks the view to draw less (a density layer sooner,
// no effect animation, no redraws between engine frames); after a while it tries full quality
// again and keeps it when the budget is met, waiting longer each time the try fails.
// Pure logic over the timings it is given (no DOM), so it can be tested with made-up clocks.

export type Quality = 'full' | 'reduced';

export interface QualityLimits {
  /** Mean frame interval (ms) above which the budget counts as missed (below ~40 fps). */
  missIntervalMs: number;
  /** Mean drawing time per frame (ms) above which the budget counts as missed. */
  missDrawMs: number;
  /** How long a judgement window lasts (ms). */
  windowMs: number;
  /** First wait before full quality is tried again (ms); doubles after each failed try, up to holdMaxMs. */
  holdMs: number;
  holdMaxMs: number;
}

export const DEFAULT_LIMITS: QualityLimits = { missIntervalMs: 25, missDrawMs: 10, windowMs: 1000, holdMs: 3000, holdMaxMs: 16000 };

export class QualityGovernor {
  /** What the view should draw now. */
  level: Quality = 'full';
  /** True while full quality is being tried again after a reduced spell (the notice stays up). */
  private trying = false;
  private hold: number;
  private retryAt = 0;
  private windowStart = -1;
  private frames = 0;
  private intervalSum = 0;
  private drawSum = 0;
  private pinned = false;

  constructor(private readonly limits: QualityLimits = DEFAULT_LIMITS) {
    this.hold = limits.holdMs;
  }

  /** True while the view draws less, or is trying full quality again (the notice shows). */
  get reduced(): boolean {
    return this.level === 'reduced' || this.trying;
  }

  /**
   * One animation frame while the run plays: its interval since the previous one and the ms
   * spent drawing in it. Returns true when `level` or `reduced` changed.
   */
  note(now: number, intervalMs: number, drawMs: number): boolean {
    if (this.pinned) return false;
    const was = `${this.level}/${this.reduced}`;
    if (this.level === 'reduced' && now >= this.retryAt) {
      // Try full quality again; the notice stays until the try succeeds.
      this.level = 'full';
      this.trying = true;
      this.restartWindow(now);
      return true;
    }
    if (this.windowStart < 0) this.restartWindow(now);
    this.frames++;
    this.intervalSum += Math.min(intervalMs, 250);
    this.drawSum += drawMs;
    if (now - this.windowStart >= this.limits.windowMs && this.frames >= 3) {
      const missed = this.intervalSum / this.frames > this.limits.missIntervalMs || this.drawSum / this.frames > this.limits.missDrawMs;
      if (this.level === 'full' && missed) {
        if (this.trying) this.hold = Math.min(2 * this.hold, this.limits.holdMaxMs);
        this.level = 'reduced';
        this.trying = false;
        this.retryAt = now + this.hold;
      } else if (this.trying && !missed) {
        this.trying = false;
        this.hold = this.limits.holdMs;
      }
      this.restartWindow(now);
    }
    return `${this.level}/${this.reduced}` !== was;
  }

  /** Keeps one level whatever the timings (?quality=full or reduced: comparisons and tests). */
  pin(level: Quality): void {
    this.pinned = true;
    this.level = level;
    this.trying = false;
  }

  /** Starts judging afresh (the run was paused, a new run was loaded). */
  pause(): void {
    this.windowStart = -1;
  }

  private restartWindow(now: number): void {
    this.windowStart = now;
    this.frames = 0;
    this.intervalSum = 0;
    this.drawSum = 0;
  }
}
