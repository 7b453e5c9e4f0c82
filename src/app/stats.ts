// Rates the page measures about itself, over a sliding second: animation frames the page kept up
// with, paints of the tissue view, new frames from the engine, simulated hours per wall-clock
// second, and the engine's step cost.
export interface StatsReport {
  /** Animation-frame callbacks in the last second: the rate the page keeps up with the display. */
  displayFps: number;
  /** Paints of the tissue view in the last second (identical pictures are not painted again). */
  drawFps: number;
  framesPerSecond: number;
  simHoursPerSecond: number;
  stepMs: number;
  drawMs: number;
  vesicles: number;
  cells: number;
  /** 'reduced' while the page draws less to keep within its frame budget (quality.ts). */
  quality: 'full' | 'reduced';
  /** Frame buffer stores the worker made for this run (a handful when buffers are reused). */
  buffersMade: number;
}

const WINDOW_MS = 1000;

export class Stats {
  private draws: number[] = [];
  private ticks: number[] = [];
  private frames: { at: number; hours: number }[] = [];
  private drawMs = 0;
  private stepMs = 0;
  vesicles = 0;
  cells = 0;
  quality: 'full' | 'reduced' = 'full';
  buffersMade = 0;

  /** An animation-frame callback ran (whether or not it painted). */
  noteAnimationFrame(at: number): void {
    this.ticks.push(at);
    this.trim(at);
  }

  noteDraw(at: number, ms: number): void {
    this.draws.push(at);
    this.drawMs = 0.9 * this.drawMs + 0.1 * ms;
    this.trim(at);
  }

  noteFrame(at: number, hours: number, stepMsPerStep: number): void {
    this.frames.push({ at, hours });
    if (stepMsPerStep > 0) this.stepMs = 0.8 * this.stepMs + 0.2 * stepMsPerStep;
    this.trim(at);
  }

  private trim(now: number): void {
    while (this.ticks.length > 0 && now - this.ticks[0] > WINDOW_MS) this.ticks.shift();
    while (this.draws.length > 0 && now - this.draws[0] > WINDOW_MS) this.draws.shift();
    while (this.frames.length > 0 && now - this.frames[0].at > WINDOW_MS) this.frames.shift();
  }

  report(now: number): StatsReport {
    this.trim(now);
    const f = this.frames;
    const span = f.length > 1 ? (f[f.length - 1].at - f[0].at) / 1000 : 0;
    return {
      displayFps: this.ticks.length,
      drawFps: this.draws.length,
      framesPerSecond: f.length,
      simHoursPerSecond: span > 0 ? (f[f.length - 1].hours - f[0].hours) / span : 0,
      stepMs: this.stepMs,
      drawMs: this.drawMs,
      vesicles: this.vesicles,
      cells: this.cells,
      quality: this.quality,
      buffersMade: this.buffersMade,
    };
  }
}
