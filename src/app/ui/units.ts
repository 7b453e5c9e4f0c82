// Speeds the run can go at, in simulated hours per wall-clock second, and how to say them
// ("30 min/s", "2 h/s"). Clock and number formats come from viz/format.ts.
export const SPEEDS = [1 / 60, 5 / 60, 10 / 60, 0.5, 1, 2, 4, 8] as const;
export const DEFAULT_SPEED = 1;

/** "30 min per second" style text for a speed (hours per second). */
export function formatSpeed(hoursPerSecond: number, short = true): string {
  const per = short ? '/s' : ' per second';
  if (hoursPerSecond < 1) {
    const min = hoursPerSecond * 60;
    return `${min >= 10 ? Math.round(min) : Number(min.toFixed(1))} min${per}`;
  }
  return `${Number(hoursPerSecond.toFixed(1))} h${per}`;
}
