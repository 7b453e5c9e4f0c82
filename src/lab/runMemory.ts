// The command line's memory estimate of a whole run (its arrays at capacity and its metric series
// for the hours asked), and its refusal; the page's check before it builds a run is memory.ts.
import type { Scenario } from '../../sim/schema';

/** What one run may use: a 4 GB laptop keeps about 1.5 GiB for the page's or the command's engine. */
export const MEMORY_BUDGET_BYTES = 1.5 * 2 ** 30;

/** Most cells all placements of a scenario may ask for together (the largest cell capacity). */
export const MAX_PLACED_CELLS = 200_000;

/** Bytes per vesicle packet of capacity (sim/state.ts VESICLE_COLUMNS: x, y, tissue, origin tissue, type, origin cell, born). */
const PACKET_BYTES = 4 + 4 + 1 + 1 + 1 + 4 + 4;
/** Bytes per cell of capacity before the per-vesicle-type and per-signal columns (sim/state.ts CellStore, donors ring of 8, bins). */
const CELL_BYTES = 4 + 8 + 8 + 8 + 1 + 1 + 1 + 1 + 4 + 4 + 4 + 8 * 4 + 1 + 3 * 4;
/** Arrays grow by doubling: while the last copy is made, old and new are both held. */
const GROWTH = 1.5;
/** A number in a JavaScript array of doubles. */
const SAMPLE_BYTES = 8;

export interface RunMemoryPart {
  what: string;
  bytes: number;
  /** What to lower to shrink this part. */
  lower: string;
}

export interface RunMemoryEstimate {
  bytes: number;
  parts: RunMemoryPart[];
}

export interface RunMemoryOptions {
  /** Simulated hours of the run (for the metric series). */
  hours: number;
  /** false when the host writes the series out as it goes (the command line) instead of holding it. */
  keepSeries: boolean;
  /** Extra copies of every packet's position the host keeps (the app's frames); 0 by default. */
  positionCopies?: number;
}

const count = (o: object | undefined) => (o ? Object.keys(o).length : 0);

/** How many metrics a run of the scenario reports (sim/metrics.ts reporters(), counted without a model). */
export function metricCount(s: Scenario): number {
  const cellTypes = Object.values(s.cellTypes);
  const nC = cellTypes.length;
  const nV = count(s.vesicleTypes);
  const nT = count(s.tissues);
  const nS = count(s.signals);
  let n = 0;
  for (const ct of cellTypes) n += 1 + (ct.states.length > 1 ? ct.states.length : 0);
  if (nT > 1) n += nC * nT + nT;
  n += nC * 4 + 3 + 2 * nV + (s.lesson?.detectionLimitPerMl !== undefined ? nV : 0);
  n += nC * (1 + (nV > 1 ? nV : 0)) + nC * nS + 8 + 2;
  return n;
}

/** The most memory a run of the scenario can take, part by part. */
export function estimateRunMemory(s: Scenario, o: RunMemoryOptions): RunMemoryEstimate {
  const nV = count(s.vesicleTypes);
  const nS = count(s.signals);
  const packets = s.limits.vesicleCapacity;
  const cells = s.limits.cellCapacity;
  const parts: RunMemoryPart[] = [
    {
      what: `${packets.toLocaleString('en-US')} vesicle packets of capacity`,
      bytes: packets * (PACKET_BYTES + 8 * (o.positionCopies ?? 0)) * GROWTH,
      lower: 'limits.vesicleCapacity (or vesiclesPerDot, so fewer packets are needed)',
    },
    {
      what: `${cells.toLocaleString('en-US')} cells of capacity with ${nS} signals and ${nV} vesicle types each`,
      bytes: cells * (CELL_BYTES + 16 * nV + 8 * nS) * GROWTH,
      lower: 'limits.cellCapacity or the number of signals',
    },
  ];
  if (o.keepSeries) {
    const samples = Math.floor((Math.max(0, o.hours) * 60) / s.sampleEveryMinutes) + 1;
    const metrics = metricCount(s);
    parts.push({
      what: `${samples.toLocaleString('en-US')} samples of ${metrics.toLocaleString('en-US')} metrics`,
      bytes: samples * (metrics + 1) * SAMPLE_BYTES * GROWTH,
      lower: 'the hours, or sample less often (a larger sampleEveryMinutes)',
    });
  }
  return { bytes: parts.reduce((a, p) => a + p.bytes, 0), parts };
}

/** "1.2 GB" / "340 MB" for a byte count. */
export function fmtBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(1)} GB`;
  return `${Math.max(1, Math.round(bytes / 2 ** 20))} MB`;
}

/**
 * Why a run of the scenario should not start (too much memory, or placements asking for more
 * cells than any run can hold), naming what to lower; null when it fits.
 */
export function runMemoryProblem(s: Scenario, o: RunMemoryOptions, budget = MEMORY_BUDGET_BYTES): string | null {
  let placed = 0;
  for (const t of Object.values(s.tissues)) for (const p of t.cells) placed += p.count;
  if (placed > MAX_PLACED_CELLS)
    return `the placements ask for ${placed.toLocaleString('en-US')} cells in all, more than the ${MAX_PLACED_CELLS.toLocaleString('en-US')} any run can hold; lower the counts in tissues.*.cells`;
  const e = estimateRunMemory(s, o);
  if (e.bytes <= budget) return null;
  const biggest = [...e.parts].sort((a, b) => b.bytes - a.bytes)[0];
  return `this run could need about ${fmtBytes(e.bytes)} of memory, more than the ${fmtBytes(budget)} a 4 GB laptop can give it (most of it for ${biggest.what}, ${fmtBytes(biggest.bytes)}); lower ${biggest.lower}`;
}
