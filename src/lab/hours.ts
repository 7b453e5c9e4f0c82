// Simulated hours and the whole number of engine steps they take, for `cellpost run`, sweeps and
// the app alike: a run of H hours takes round(H·3600 / dtSeconds) steps of its own scenario.

/** Longest run accepted, in simulated hours (about 14 months). */
export const MAX_HOURS = 10_000;

/** Steps that `hours` take at a time step of `dtSeconds` (0 when shorter than half a step). */
export function stepsFor(hours: number, dtSeconds: number): number {
  return Math.round((hours * 3600) / dtSeconds);
}
