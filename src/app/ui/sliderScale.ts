// Slider positions ↔ parameter values. Narrow ranges are linear; wide ones (0–50 µm²/s diffusion,
// 0–100 000 EV/h release) are logarithmic, with position 0 meaning exactly the minimum (e.g. 0),
// so the slider is useful near typical values as well as for a fraction of 0–1.
export const STEPS = 1000;

export interface SliderScale {
  toPosition(value: number): number;
  toValue(position: number): number;
  log: boolean;
}

export function sliderScale(min: number, max: number, integer = false): SliderScale {
  const log = min > 0 ? max / min > 1000 : max >= 50;
  const tidy = (v: number) => {
    const c = Math.min(max, Math.max(min, v));
    if (integer) return Math.round(c);
    return Number(c.toPrecision(3));
  };
  if (!log) {
    return {
      log,
      toPosition: (v) => Math.round(((v - min) / (max - min || 1)) * STEPS),
      toValue: (p) => tidy(min + (p / STEPS) * (max - min)),
    };
  }
  const lo = min > 0 ? min : max / 1e5;
  const span = Math.log(max / lo);
  return {
    log,
    toPosition: (v) => (v <= min ? 0 : Math.max(min > 0 ? 0 : 1, Math.round((Math.log(Math.max(v, lo) / lo) / span) * STEPS))),
    toValue: (p) => (p <= 0 ? min : tidy(lo * Math.exp((p / STEPS) * span))),
  };
}
