// How long the worker steps before it makes a frame. Making a frame of a million packets costs
// a tenth to a fifth of a step there (copying the positions and binning the density), so one frame
// per step would spend a large share of the worker on pictures: the worker instead steps for at
// least FRAME_SHARE times a frame's cost between frames. Small runs (a frame of a millisecond or
// two) are unchanged: the page's own budget per request is the longer.

/** Stepping time per frame, as a multiple of a frame's cost: frames take at most about 1/11 of the worker. */
export const FRAME_SHARE = 10;
/** Weight of the newest frame's cost in the running estimate. */
const WEIGHT = 0.25;

export class FrameSpacing {
  private frameMs = 0;

  /** A frame was made in `ms` of wall time. */
  note(ms: number): void {
    if (!(ms >= 0) || !Number.isFinite(ms)) return;
    this.frameMs = this.frameMs === 0 ? ms : (1 - WEIGHT) * this.frameMs + WEIGHT * ms;
  }

  /** Wall time (ms) to step before the next frame; 0 until a frame has been made. */
  stepMsPerFrame(): number {
    return FRAME_SHARE * this.frameMs;
  }

  /** A new run: its frames may cost anything. */
  clear(): void {
    this.frameMs = 0;
  }
}
