// The sound layer's only audio code: one AudioContext, made when sound is first turned on, and two
// short sounds through one soft master gain — a tick (a 25 ms blip) and a tone (a 0.3 s note with
// a gentle attack and fade). Turning sound off suspends the context; nothing plays until it resumes.

/** The master volume: quiet, for a classroom. */
const MASTER_GAIN = 0.12;

export class Voice {
  private readonly ctx: AudioContext;
  private readonly master: GainNode;

  constructor() {
    this.ctx = new AudioContext();
    this.master = this.ctx.createGain();
    this.master.gain.value = MASTER_GAIN;
    this.master.connect(this.ctx.destination);
  }

  get running(): boolean {
    return this.ctx.state === 'running';
  }

  resume(): void {
    void this.ctx.resume().catch(() => undefined);
  }

  suspend(): void {
    void this.ctx.suspend().catch(() => undefined);
  }

  /** A soft click at `hz`, `level` 0–1. */
  tick(hz: number, level = 0.5): void {
    this.note(hz, 0.025, 0.003, 0.5 * level, 'triangle');
  }

  /** A short note at `hz`. */
  tone(hz: number): void {
    this.note(hz, 0.3, 0.03, 0.8, 'sine');
  }

  private note(hz: number, seconds: number, attack: number, peak: number, type: OscillatorType): void {
    if (this.ctx.state !== 'running') return;
    const t = this.ctx.currentTime;
    const osc = this.ctx.createOscillator();
    const env = this.ctx.createGain();
    osc.type = type;
    osc.frequency.value = hz;
    env.gain.setValueAtTime(0, t);
    env.gain.linearRampToValueAtTime(peak, t + attack);
    env.gain.exponentialRampToValueAtTime(0.001, t + seconds);
    osc.connect(env).connect(this.master);
    osc.start(t);
    osc.stop(t + seconds + 0.02);
    osc.onended = () => env.disconnect();
  }
}
