// Simulated hours and the whole number of engine steps they take, for `cellpost run`, sweeps and
// the app alike: a run of H hours takes round(H·3600 / dtSeconds) steps of its own scenario.

/** Longest run accepted, in simulated hours (about 14 months). */
export const MAX_HOURS = 10_000;

/** Steps that `hours` take at a time step of `dtSeconds` (0 when shorter than half a step). */
export function stepsFor(hours: number, dtSeconds: number): number {
  return Math.round((hours * 3600) / dtSeconds);
}

/**
 * Hours past MAX_HOURS written with just enough decimals to show they are past it
 * ("10000.0003", never "10000" next to "more than 10000"); null when within it.
 */
export function hoursOverLimit(hours: number): string | null {
  if (!(hours > MAX_HOURS)) return null;
  if (!Number.isFinite(hours)) return String(hours);
  for (let d = 0; d < 12; d++) if (Number(hours.toFixed(d)) > MAX_HOURS) return String(Number(hours.toFixed(d)));
  return String(hours);
}
