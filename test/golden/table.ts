// The golden-hash table (test/golden/hashes.json): each lesson's state hash after HASH_STEPS steps
// from HASH_SEED, keyed by the ENGINE_VERSION that produced it. Read by the golden test, written
// only by `npm run golden:update` (test/golden/update.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const TABLE_PATH = fileURLToPath(new URL('./hashes.json', import.meta.url));

export interface GoldenEntry {
  seed: string;
  steps: number;
  /** lesson id → state hash */
  hashes: Record<string, string>;
}

/** engine version → its golden hashes */
export type GoldenTable = Record<string, GoldenEntry>;

export function readTable(): GoldenTable {
  try {
    return JSON.parse(readFileSync(TABLE_PATH, 'utf8')) as GoldenTable;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(`${TABLE_PATH} is not readable JSON: ${(e as Error).message}`);
  }
}

/** The lessons whose hash differs between two runs (missing on either side counts). */
export function changedLessons(want: Record<string, string>, got: Record<string, string>): string[] {
  const ids = [...new Set([...Object.keys(want), ...Object.keys(got)])];
  return ids.filter((id) => want[id] !== got[id]);
}

export const BUMP_MESSAGE =
  "the engine's results changed: bump ENGINE_VERSION in sim/version.ts and regenerate this table together (npm run golden:update)";
