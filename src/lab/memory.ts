// How much memory a run would take, estimated from its scenario before anything is built, and a
// plain refusal (saying what to lower) when it would not fit a 4 GB laptop. Shared by the app (a
// link, a run file, a lesson with settings) and the command line. Pure: no DOM, no Node.
import type { Scenario } from '../../sim/schema';
import { DONOR_RING } from '../../sim/state';

/** Where the run lives: the page keeps extra copies (undo, crash recovery, frames in flight). */
export type MemoryHost = 'browser' | 'cli';

/**
 * What one page may use on a 4 GB laptop: the system and the browser itself take the rest.
 * The command line gets the same budget, so a run that works in one works in the other.
 */
export const LAPTOP_BUDGET_BYTES = 1.5 * 1024 ** 3;

/** Bytes a vesicle packet holds in the engine's arrays (x, y: 4 each; tissue, origin tissue, type: 1 each; origin cell, born: 4 each). */
export const ENGINE_BYTES_PER_PACKET = 19;

/**
 * Copies of the engine's arrays in each host. The page: the live run, the copy kept to undo a
 * change, the snapshot kept for crash recovery; plus each frame's positions (8 B) and tissue and
 * type (2 B), in the worker and in the page, and the spatial grid's index (4 B). The command
 * line: the live run, the grid and a snapshot now and then.
 */
const COPIES: Record<MemoryHost, number> = { browser: 3, cli: 2 };
const EXTRA_PER_PACKET: Record<MemoryHost, number> = { browser: 2 * 10 + 4, cli: 4 };

/** What stays whatever the scenario: the page, the engine's code, the timeline's snapshots (96 MB). */
const BASE_BYTES: Record<MemoryHost, number> = { browser: 250 * 1024 ** 2, cli: 120 * 1024 ** 2 };

/**
 * Parsed JSON takes several times its text; the page holds the scenario a few times over (as
 * given, the run's current one, the worker's copies).
 */
const BYTES_PER_TEXT_BYTE = 12;

export interface MemoryEstimate {
  bytes: number;
  packetBytes: number;
  cellBytes: number;
  /** The scenario itself (its lists of signals, barriers, …), from the size of its text. */
  structureBytes: number;
  packets: number;
  cells: number;
}

/** Bytes one cell slot holds: its columns plus per-vesicle-type and per-signal amounts and its donor ring. */
export function bytesPerCell(s: Pick<Scenario, 'vesicleTypes' | 'signals'>): number {
  const nVT = Object.keys(s.vesicleTypes).length;
  const nSignals = Object.keys(s.signals).length;
  // id, x, y, radius, type, state, tissue, dead, born, last uptake, last change; bins (16 B).
  const columns = 4 + 8 * 3 + 4 + 4 + 4 * 3 + 16;
  return columns + 16 * nVT + 8 * nSignals + 4 * DONOR_RING + 1;
}

/**
 * The memory a run of `s` may come to: its arrays at full capacity (they grow up to it as the
 * run goes), in every copy the host keeps, plus the scenario itself when its text size is known.
 */
export function estimateMemory(s: Pick<Scenario, 'limits' | 'vesicleTypes' | 'signals'>, host: MemoryHost = 'browser', textBytes = 0): MemoryEstimate {
  const packets = s.limits.vesicleCapacity;
  const cells = s.limits.cellCapacity;
  const packetBytes = packets * (COPIES[host] * ENGINE_BYTES_PER_PACKET + EXTRA_PER_PACKET[host]);
  const cellBytes = cells * COPIES[host] * bytesPerCell(s);
  const structureBytes = Math.max(0, textBytes) * BYTES_PER_TEXT_BYTE;
  return { bytes: BASE_BYTES[host] + packetBytes + cellBytes + structureBytes, packetBytes, cellBytes, structureBytes, packets, cells };
}

const gb = (n: number) => `${(n / 1024 ** 3).toFixed(1)} GB`;
const count = (n: number) => Math.floor(n).toLocaleString('en-US');

/** The largest value (rounded down to 2 significant digits) that keeps `used + per × n` within `room`. */
function most(room: number, per: number): number {
  const n = Math.max(0, Math.floor(room / per));
  if (n < 100) return n;
  const p = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.floor(n / p) * p;
}

/**
 * Null when a run of `s` fits the budget; otherwise one sentence: what to lower to what (the part
 * that takes the most memory) first, then how much the run would need.
 */
export function memoryProblem(s: Pick<Scenario, 'limits' | 'vesicleTypes' | 'signals'>, host: MemoryHost = 'browser', textBytes = 0, budget = LAPTOP_BUDGET_BYTES): string | null {
  const e = estimateMemory(s, host, textBytes);
  if (e.bytes <= budget) return null;
  const need = `: this run would need about ${gb(e.bytes)} of memory, more than the ${gb(budget)} a 4 GB laptop can give it.`;
  const room = budget - BASE_BYTES[host];
  if (e.structureBytes >= e.packetBytes && e.structureBytes >= e.cellBytes)
    return `The scenario itself is too large (${count(textBytes / 1024)} KB of text); use fewer signals, labels, receptors, barriers or vessels${need}`;
  if (e.packetBytes >= e.cellBytes) {
    const per = e.packetBytes / Math.max(1, e.packets);
    return `Lower the vesicle capacity (limits.vesicleCapacity) from ${count(e.packets)} to at most ${count(most(room - e.cellBytes - e.structureBytes, per))}${need}`;
  }
  const per = e.cellBytes / Math.max(1, e.cells);
  const atMost = most(room - e.packetBytes - e.structureBytes, per);
  const nSignals = Object.keys(s.signals).length;
  const fewer = nSignals > 100 ? `, or use fewer signals (now ${count(nSignals)})` : '';
  return `Lower the cell capacity (limits.cellCapacity) from ${count(e.cells)} to at most ${count(atMost)}${fewer}${need}`;
}
