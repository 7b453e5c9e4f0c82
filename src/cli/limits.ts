// Limits the CLI enforces on its inputs, in one place so the help text and checks agree.

/** Longest run the CLI accepts, in simulated hours (about 14 months). */
export const MAX_HOURS = 10000;

/** Default checkpoint spacing in simulated hours for --save-run. */
export const CHECKPOINT_HOURS = 1;

/** Most moments `run --cells-every` may write (start, every interval, end). */
export const MAX_CELL_TABLES = 10000;
