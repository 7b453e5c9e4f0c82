// How much memory a run takes, estimated from its scenario before anything is built: one model
// (the bytes of a packet and of a cell slot, from sim/state.ts's arrays; the metric series; how a
// host holds a run) with two uses. memoryProblem: the check before a run is built in the page or
// the command line (copies kept for undo and recovery, frames, the page itself). runMemoryProblem:
// a whole command-line or sweep run (arrays growing by doubling, the series held for its hours).
// Each refuses in plain words, naming what to lower. Pure: no DOM, no Node.
import type { Scenario } from '../../sim/schema';
import { DONOR_RING } from '../../sim/state';
import { num, t } from '../i18n/i18n';

/** Where the run lives: the page keeps extra copies (undo, crash recovery, frames in flight). */
export type MemoryHost = 'browser' | 'cli';

/**
 * What one page or command may use on a 4 GB laptop: the system and the browser itself take the
 * rest. Both hosts get the same budget, so a run that works in one works in the other.
 */
export const LAPTOP_BUDGET_BYTES = 1.5 * 1024 ** 3;
/** The same budget, under the name the whole-run check used. */
export const MEMORY_BUDGET_BYTES = LAPTOP_BUDGET_BYTES;

/** Most cells all placements of a scenario may ask for together (the largest cell capacity). */
export const MAX_PLACED_CELLS = 200_000;

/** Bytes a vesicle packet holds in the engine's arrays (sim/state.ts: x, y: 4 each; tissue, origin tissue, type: 1 each; origin cell, born: 4 each). */
export const ENGINE_BYTES_PER_PACKET = 4 + 4 + 1 + 1 + 1 + 4 + 4;

/**
 * Bytes one cell slot holds (sim/state.ts CellStore and sim/cellBins.ts): id 4; x, y, radius 8
 * each; type, state, tissue, dead 1 each; born, last uptake, last change 4 each; the donor ring
 * and its head; the bins' next, previous and bin (4 each); per vesicle type the bound and taken-up
 * amounts (8 each); per signal its level (8).
 */
export function bytesPerCell(s: Pick<Scenario, 'vesicleTypes' | 'signals'>): number {
  const columns = 4 + 8 * 3 + 1 * 4 + 4 * 3 + 4 * DONOR_RING + 1 + 4 * 3;
  return columns + 16 * Object.keys(s.vesicleTypes).length + 8 * Object.keys(s.signals).length;
}

/** How a host holds a run: copies of the engine's arrays, per-packet extras, fixed costs, growth. */
interface Holding {
  /** Copies of every array (the live run, an undo copy, a recovery snapshot …). */
  copies: number;
  /** Bytes per packet outside the engine's arrays (frames, the vesicle grid's index). */
  extraPerPacket: number;
  /** What stays whatever the scenario: the page, the engine's code, the timeline's snapshots. */
  baseBytes: number;
  /** Arrays grow by doubling: while the last copy is made, old and new are both held (1.5), or are sized once (1). */
  growth: number;
}

/**
 * The page: the live run, the copy kept to undo a change, the snapshot kept for crash recovery;
 * each frame's positions (8 B) and tissue and type (2 B), in the worker and in the page, and the
 * vesicle grid's index (4 B). The command line before it builds a run: the live run, the grid and
 * a snapshot now and then.
 */
const HOLDING: Record<MemoryHost, Holding> = {
  browser: { copies: 3, extraPerPacket: 2 * 10 + 4, baseBytes: 250 * 1024 ** 2, growth: 1 },
  cli: { copies: 2, extraPerPacket: 4, baseBytes: 120 * 1024 ** 2, growth: 1 },
};

/** A whole run as the command line and sweeps step it: one copy whose arrays grow by doubling. */
const WHOLE_RUN: Holding = { copies: 1, extraPerPacket: 0, baseBytes: 0, growth: 1.5 };

/**
 * Parsed JSON takes several times its text; the page holds the scenario a few times over (as
 * given, the run's current one, the worker's copies).
 */
const BYTES_PER_TEXT_BYTE = 12;
/** A number in a JavaScript array of doubles. */
const SAMPLE_BYTES = 8;

const n = (o: object | undefined) => (o ? Object.keys(o).length : 0);

/** How many metrics a run of the scenario reports (sim/metrics.ts reporters(), counted without a model). */
export function metricCount(s: Scenario): number {
  const cellTypes = Object.values(s.cellTypes);
  const nC = cellTypes.length;
  const nV = n(s.vesicleTypes);
  const nT = n(s.tissues);
  const nS = n(s.signals);
  let k = 0;
  for (const ct of cellTypes) k += 1 + (ct.states.length > 1 ? ct.states.length : 0);
  if (nT > 1) k += nC * nT + nT;
  k += nC * 4 + 3 + 2 * nV + (s.lesson?.detectionLimitPerMl !== undefined ? nV : 0);
  k += nC * (1 + (nV > 1 ? nV : 0)) + nC * nS + 8 + 2;
  return k;
}

/** What the model counts, part by part. */
interface Parts {
  packets: number;
  cells: number;
  packetBytes: number;
  cellBytes: number;
  /** The scenario itself (its lists of signals, barriers, …), from the size of its text. */
  structureBytes: number;
  /** The metric series held for the run's hours (0 when not held). */
  seriesBytes: number;
  samples: number;
  metrics: number;
  baseBytes: number;
}

/** The one model: the memory a run of `s` may come to, held as `h` says. */
function model(s: Pick<Scenario, 'limits' | 'vesicleTypes' | 'signals'>, h: Holding, o: { textBytes?: number; positionCopies?: number; series?: { hours: number; scenario: Scenario } }): Parts {
  const packets = s.limits.vesicleCapacity;
  const cells = s.limits.cellCapacity;
  const packetBytes = packets * (h.copies * ENGINE_BYTES_PER_PACKET + h.extraPerPacket + 8 * (o.positionCopies ?? 0)) * h.growth;
  const cellBytes = cells * h.copies * bytesPerCell(s) * h.growth;
  const structureBytes = Math.max(0, o.textBytes ?? 0) * BYTES_PER_TEXT_BYTE;
  let samples = 0;
  let metrics = 0;
  let seriesBytes = 0;
  if (o.series) {
    samples = Math.floor((Math.max(0, o.series.hours) * 60) / o.series.scenario.sampleEveryMinutes) + 1;
    metrics = metricCount(o.series.scenario);
    seriesBytes = samples * (metrics + 1) * SAMPLE_BYTES * h.growth;
  }
  return { packets, cells, packetBytes, cellBytes, structureBytes, seriesBytes, samples, metrics, baseBytes: h.baseBytes };
}

// ── Use 1: the check before a run is built (page or command line) ──

export interface MemoryEstimate {
  bytes: number;
  packetBytes: number;
  cellBytes: number;
  /** The scenario itself (its lists of signals, barriers, …), from the size of its text. */
  structureBytes: number;
  packets: number;
  cells: number;
}

/**
 * The memory a run of `s` may come to in `host`: its arrays at full capacity (they grow up to it
 * as the run goes), in every copy the host keeps, plus the scenario itself when its text size is known.
 */
export function estimateMemory(s: Pick<Scenario, 'limits' | 'vesicleTypes' | 'signals'>, host: MemoryHost = 'browser', textBytes = 0): MemoryEstimate {
  const p = model(s, HOLDING[host], { textBytes });
  return { bytes: p.baseBytes + p.packetBytes + p.cellBytes + p.structureBytes, packetBytes: p.packetBytes, cellBytes: p.cellBytes, structureBytes: p.structureBytes, packets: p.packets, cells: p.cells };
}

const gb = (b: number) => `${num(b / 1024 ** 3, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} GB`;
const count = (x: number) => num(Math.floor(x));

/** The largest value (rounded down to 2 significant digits) that keeps `per × n` within `room`. */
function most(room: number, per: number): number {
  const k = Math.max(0, Math.floor(room / per));
  if (k < 100) return k;
  const p = 10 ** (Math.floor(Math.log10(k)) - 1);
  return Math.floor(k / p) * p;
}

/**
 * Null when a run of `s` fits the budget; otherwise one sentence: what to lower to what (the part
 * that takes the most memory) first, then how much the run would need.
 */
export function memoryProblem(s: Pick<Scenario, 'limits' | 'vesicleTypes' | 'signals'>, host: MemoryHost = 'browser', textBytes = 0, budget = LAPTOP_BUDGET_BYTES): string | null {
  const e = estimateMemory(s, host, textBytes);
  if (e.bytes <= budget) return null;
  const need = { need: gb(e.bytes), budget: gb(budget) };
  const room = budget - HOLDING[host].baseBytes;
  if (e.structureBytes >= e.packetBytes && e.structureBytes >= e.cellBytes) return t('memory.scenarioTooLarge', { kb: count(textBytes / 1024), ...need });
  if (e.packetBytes >= e.cellBytes) {
    const per = e.packetBytes / Math.max(1, e.packets);
    return t('memory.lowerVesicles', { from: count(e.packets), to: count(most(room - e.cellBytes - e.structureBytes, per)), ...need });
  }
  const per = e.cellBytes / Math.max(1, e.cells);
  const atMost = most(room - e.packetBytes - e.structureBytes, per);
  const nSignals = Object.keys(s.signals).length;
  if (nSignals > 100) return t('memory.lowerCellsOrSignals', { from: count(e.cells), to: count(atMost), signals: count(nSignals), ...need });
  return t('memory.lowerCells', { from: count(e.cells), to: count(atMost), ...need });
}

// ── Use 2: a whole command-line or sweep run ──

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

/** The most memory a whole run of the scenario can take, part by part. */
export function estimateRunMemory(s: Scenario, o: RunMemoryOptions): RunMemoryEstimate {
  const p = model(s, WHOLE_RUN, { positionCopies: o.positionCopies, series: o.keepSeries ? { hours: o.hours, scenario: s } : undefined });
  const parts: RunMemoryPart[] = [
    { what: `${p.packets.toLocaleString('en-US')} vesicle packets of capacity`, bytes: p.packetBytes, lower: 'limits.vesicleCapacity (or vesiclesPerDot, so fewer packets are needed)' },
    { what: `${p.cells.toLocaleString('en-US')} cells of capacity with ${n(s.signals)} signals and ${n(s.vesicleTypes)} vesicle types each`, bytes: p.cellBytes, lower: 'limits.cellCapacity or the number of signals' },
  ];
  if (o.keepSeries)
    parts.push({ what: `${p.samples.toLocaleString('en-US')} samples of ${p.metrics.toLocaleString('en-US')} metrics`, bytes: p.seriesBytes, lower: 'the hours, or sample less often (a larger sampleEveryMinutes)' });
  return { bytes: parts.reduce((a, q) => a + q.bytes, 0), parts };
}

/** "1.2 GB" / "340 MB" for a byte count. */
export function fmtBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(1)} GB`;
  return `${Math.max(1, Math.round(bytes / 2 ** 20))} MB`;
}

/**
 * Why a whole run of the scenario should not start (too much memory, or placements asking for
 * more cells than any run can hold), naming what to lower; null when it fits.
 */
export function runMemoryProblem(s: Scenario, o: RunMemoryOptions, budget = MEMORY_BUDGET_BYTES): string | null {
  let placed = 0;
  for (const t of Object.values(s.tissues)) for (const p of t.cells) placed += p.count;
  if (placed > MAX_PLACED_CELLS)
    return t('memory.tooManyPlaced', { placed: count(placed), most: count(MAX_PLACED_CELLS) });
  const e = estimateRunMemory(s, o);
  if (e.bytes <= budget) return null;
  const biggest = [...e.parts].sort((a, b) => b.bytes - a.bytes)[0];
  return t('memory.runTooLarge', { need: fmtBytes(e.bytes), budget: fmtBytes(budget), what: biggest.what, bytes: fmtBytes(biggest.bytes), lower: biggest.lower });
}
