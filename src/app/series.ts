// The metric series the page has received so far: each frame carries only the samples added
// since the page's count, and this store appends them (and starts over on reset).
import type { Frame } from '../../sim/index';

export class SeriesStore {
  names: string[] = [];
  units: string[] = [];
  t: number[] = [];
  values: number[][] = [];

  reset(names: string[], units: string[]): void {
    this.names = names;
    this.units = units;
    this.t = [];
    this.values = names.map(() => []);
  }

  /** Appends a frame's new samples; returns true when there were any. */
  append(samples: Frame['samples']): boolean {
    if (samples.t.length === 0) return false;
    if (samples.from < this.t.length) {
      this.t.length = samples.from;
      for (const v of this.values) v.length = samples.from;
    }
    this.t.push(...samples.t);
    samples.values.forEach((v, k) => this.values[k]?.push(...v));
    return true;
  }

  /** The series of one metric by name (empty when unknown). */
  get(name: string): number[] {
    const k = this.names.indexOf(name);
    return k < 0 ? [] : this.values[k];
  }

  /** The latest value of one metric, or NaN. */
  last(name: string): number {
    const v = this.get(name);
    return v.length > 0 ? v[v.length - 1] : NaN;
  }
}
