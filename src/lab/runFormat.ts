// The run-file format's name, version, size limits and text: apart from the schema (runfile.ts),
// so a page can check a file's size, name the format or save a run without loading the schema.
import type { RunFile } from './runfile';
export const RUN_FORMAT = 'cellpost-run';
/** The run-file version this engine reads and writes (docs/run-file.md, "Versioning"). */
export const RUN_VERSION = 1;
/** Larger inputs are refused before parsing. */
export const MAX_RUN_FILE_BYTES = 50 * 1024 * 1024;
/** Most steps a run file may cover (10 000 h at the smallest time step is 3.6e8). */
export const MAX_TICKS = 1_000_000_000;

/** The text of a run file: JSON with two-space indents and a final newline. */
export function runFileText(f: RunFile): string {
  return `${JSON.stringify(f, null, 2)}\n`;
}
