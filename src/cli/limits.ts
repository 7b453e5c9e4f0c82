// Limits of the CLI's own (the longest run, MAX_HOURS, is the lab's, shared with the app).

/** Default checkpoint spacing in simulated hours for --save-run. */
export const CHECKPOINT_HOURS = 1;

/** Most moments `run --cells-every` may write (start, every interval, end). */
export const MAX_CELL_TABLES = 10000;
