// Structure-of-arrays stores for vesicle packets and cells. Each store has a capacity and a
// count; removed entries are marked during a step and compacted at its end in index order.
// Arrays grow by doubling up to the scenario's capacity, never beyond it.

/** Marks a removed vesicle (its tissue slot) until compaction. */
export const REMOVED = 255;
/**
 * No cell: the origin cell id of packets no cell released (injected, or back from the blood),
 * an empty slot of a cell's donor ring, and what a cell look-up returns when it finds none.
 */
export const NO_CELL = -1;
/** The tick of something that never happened (a cell's last uptake or state change). */
export const NEVER = -1;

/**
 * True when a frame's `sinceUptake` / `sinceChange` value is an event of the last `steps` steps
 * before the frame: the latest step's events read 1, so 1 ≤ since ≤ steps (NEVER is never in).
 */
export function inLastSteps(since: number, steps: number): boolean {
  return since >= 1 && since <= steps;
}

/** A dose's `stopHours` when its doses have no end: the schema's default, and its largest value. */
export const NO_LAST_DOSE = 100000;

/** Most states a cell type may have (the schema holds it); keys of (type, state) pairs are type × MAX_STATES + state. */
export const MAX_STATES = 16;

/** The vesicle store's columns, one typed array each, in the order hashes and snapshots use. */
export const VESICLE_COLUMNS = [
  { name: 'x', type: Float32Array }, // position (µm)
  { name: 'y', type: Float32Array },
  { name: 'tissue', type: Uint8Array }, // tissue index; REMOVED once the packet is gone
  { name: 'originTissue', type: Uint8Array }, // tissue it was released in (representation in blood)
  { name: 'type', type: Uint8Array }, // vesicle type index
  { name: 'originCell', type: Int32Array }, // id of the cell that released it, or NO_CELL
  { name: 'born', type: Uint32Array }, // tick of release
] as const;

export type VesicleColumnName = (typeof VESICLE_COLUMNS)[number]['name'];
export type VesicleArray = Float32Array | Uint8Array | Int32Array | Uint32Array;

export class VesicleStore {
  count = 0;
  capacity: number;
  x!: Float32Array;
  y!: Float32Array;
  tissue!: Uint8Array;
  originTissue!: Uint8Array;
  type!: Uint8Array;
  originCell!: Int32Array;
  born!: Uint32Array;

  constructor(initial: number, readonly limit: number) {
    this.capacity = Math.min(initial, limit);
    for (const col of VESICLE_COLUMNS) this.setColumn(col.name, new col.type(this.capacity));
  }

  /** Bytes held per packet of capacity. */
  static readonly bytesPerPacket = VESICLE_COLUMNS.reduce((bytes, col) => bytes + col.type.BYTES_PER_ELEMENT, 0);

  /** Every column with its array, in VESICLE_COLUMNS order, for growing, compacting, snapshots and hashing. */
  columns(): { name: VesicleColumnName; array: VesicleArray }[] {
    return VESICLE_COLUMNS.map((col) => ({ name: col.name, array: this[col.name] }));
  }

  private setColumn(name: VesicleColumnName, a: VesicleArray): void {
    (this as unknown as Record<VesicleColumnName, VesicleArray>)[name] = a;
  }

  /** How many more packets fit before the limit. */
  room(): number {
    return this.limit - this.count;
  }

  /** Makes space for n more packets (n must fit the limit). */
  reserve(n: number): void {
    const need = this.count + n;
    if (need <= this.capacity) return;
    let cap = Math.max(this.capacity * 2, 1024);
    while (cap < need) cap *= 2;
    cap = Math.min(cap, this.limit);
    for (const col of VESICLE_COLUMNS) {
      const b = new col.type(cap);
      b.set(this[col.name].subarray(0, this.count));
      this.setColumn(col.name, b);
    }
    this.capacity = cap;
  }

  /** Appends one packet; the caller has reserved room. */
  push(x: number, y: number, tissue: number, type: number, originCell: number, born: number): void {
    const i = this.count++;
    this.x[i] = x;
    this.y[i] = y;
    this.tissue[i] = tissue;
    this.originTissue[i] = tissue;
    this.type[i] = type;
    this.originCell[i] = originCell;
    this.born[i] = born;
  }

  /** Drops every packet marked REMOVED, keeping the others in index order (runs moved with copyWithin). */
  compact(): void {
    const tissue = this.tissue;
    // The tissue column read four bytes at a time: kept runs are long, so most of the search
    // for the next removed packet tests whole words (see nextRemoved).
    const words = new Uint32Array(tissue.buffer, tissue.byteOffset, tissue.length >>> 2);
    const cols = this.columns();
    const n = this.count;
    let j = 0;
    let i = 0;
    while (i < n) {
      while (i < n && tissue[i] === REMOVED) i++;
      const start = i;
      i = nextRemoved(tissue, words, i, n);
      if (i > start) {
        if (start !== j) for (const c of cols) c.array.copyWithin(j, start, i);
        j += i - start;
      }
    }
    this.count = j;
  }
}

/**
 * Index of the first packet at or after i (below n) whose tissue byte is REMOVED (255), or n.
 * `words` views the same bytes as 32-bit words; a word holds a 255 byte exactly when its
 * complement holds a zero byte, which (v − 0x01010101) & ~v & 0x80808080 detects.
 */
function nextRemoved(tissue: Uint8Array, words: Uint32Array, i: number, n: number): number {
  while (i < n && (i & 3) !== 0) {
    if (tissue[i] === REMOVED) return i;
    i++;
  }
  if (i >= n) return n;
  let w = i >>> 2;
  const wn = n >>> 2;
  while (w < wn) {
    const x = words[w];
    if (((~x - 0x01010101) & x & 0x80808080) !== 0) break;
    w++;
  }
  for (i = w << 2; i < n; i++) if (tissue[i] === REMOVED) return i;
  return n;
}

/** Why a cell died (for kill counts). */
export const enum DeathCause {
  None = 0,
  Signal = 1,
  Contact = 2,
  Background = 3,
  Removed = 4,
}

/** How many DeathCause values there are, None included: counts of deaths are kept per [cellType × DEATH_CAUSES + cause]. */
export const DEATH_CAUSES = DeathCause.Removed + 1;

/** How many recent donor cell ids each cell remembers. */
export const DONOR_RING = 8;

export class CellStore {
  count = 0;
  capacity: number;
  nextId = 0;
  id: Int32Array;
  x: Float64Array;
  y: Float64Array;
  radius: Float64Array;
  type: Uint8Array;
  state: Uint8Array;
  tissue: Uint8Array;
  dead: Uint8Array;
  born: Uint32Array;
  lastUptake: Int32Array;
  lastChange: Int32Array;
  /** Bound (surface) packets per vesicle type: [cell * nVesicleTypes + type]. */
  bound: Float64Array;
  /** Packets internalised over the cell's life, per vesicle type. */
  uptake: Float64Array;
  /** Internal signal levels: [cell * nSignals + signal]. */
  signals: Float64Array;
  /** The last DONOR_RING donor cell ids, newest at donorHead - 1. */
  donors: Int32Array;
  donorHead: Uint8Array;

  constructor(initial: number, readonly limit: number, readonly nVesicleTypes: number, readonly nSignals: number) {
    this.capacity = Math.max(1, Math.min(initial, limit));
    const c = this.capacity;
    this.id = new Int32Array(c);
    this.x = new Float64Array(c);
    this.y = new Float64Array(c);
    this.radius = new Float64Array(c);
    this.type = new Uint8Array(c);
    this.state = new Uint8Array(c);
    this.tissue = new Uint8Array(c);
    this.dead = new Uint8Array(c);
    this.born = new Uint32Array(c);
    this.lastUptake = new Int32Array(c).fill(NEVER);
    this.lastChange = new Int32Array(c).fill(NEVER);
    this.bound = new Float64Array(c * nVesicleTypes);
    this.uptake = new Float64Array(c * nVesicleTypes);
    this.signals = new Float64Array(c * nSignals);
    this.donors = new Int32Array(c * DONOR_RING).fill(NO_CELL);
    this.donorHead = new Uint8Array(c);
  }

  /** Every per-cell array with its stride and the value of an empty slot, for growing, compacting, snapshots and hashing. */
  columns(): { name: string; array: Float64Array | Int32Array | Uint8Array | Uint32Array; stride: number; empty: number }[] {
    return [
      { name: 'id', array: this.id, stride: 1, empty: 0 },
      { name: 'x', array: this.x, stride: 1, empty: 0 },
      { name: 'y', array: this.y, stride: 1, empty: 0 },
      { name: 'radius', array: this.radius, stride: 1, empty: 0 },
      { name: 'type', array: this.type, stride: 1, empty: 0 },
      { name: 'state', array: this.state, stride: 1, empty: 0 },
      { name: 'tissue', array: this.tissue, stride: 1, empty: 0 },
      { name: 'dead', array: this.dead, stride: 1, empty: DeathCause.None },
      { name: 'born', array: this.born, stride: 1, empty: 0 },
      { name: 'lastUptake', array: this.lastUptake, stride: 1, empty: NEVER },
      { name: 'lastChange', array: this.lastChange, stride: 1, empty: NEVER },
      { name: 'bound', array: this.bound, stride: this.nVesicleTypes, empty: 0 },
      { name: 'uptake', array: this.uptake, stride: this.nVesicleTypes, empty: 0 },
      { name: 'signals', array: this.signals, stride: this.nSignals, empty: 0 },
      { name: 'donors', array: this.donors, stride: DONOR_RING, empty: NO_CELL },
      { name: 'donorHead', array: this.donorHead, stride: 1, empty: 0 },
    ];
  }

  private setColumn(name: string, a: unknown): void {
    (this as unknown as Record<string, unknown>)[name] = a;
  }

  /** Makes space for one more cell; false when the limit is reached. */
  reserveOne(): boolean {
    if (this.count < this.capacity) return true;
    if (this.capacity >= this.limit) return false;
    const cap = Math.min(this.limit, this.capacity * 2);
    for (const col of this.columns()) {
      const Ctor = col.array.constructor as new (n: number) => typeof col.array;
      const b = new Ctor(cap * col.stride);
      if (col.empty !== 0) b.fill(col.empty);
      b.set(col.array.subarray(0, this.count * col.stride));
      this.setColumn(col.name, b);
    }
    this.capacity = cap;
    return true;
  }

  /** Adds a cell and returns its index, or NO_CELL when the limit is reached. */
  add(x: number, y: number, radius: number, type: number, state: number, tissue: number, born: number): number {
    if (!this.reserveOne()) return NO_CELL;
    const i = this.count++;
    this.id[i] = this.nextId++;
    this.x[i] = x;
    this.y[i] = y;
    this.radius[i] = radius;
    this.type[i] = type;
    this.state[i] = state;
    this.tissue[i] = tissue;
    this.dead[i] = DeathCause.None;
    this.born[i] = born;
    this.lastUptake[i] = NEVER;
    this.lastChange[i] = NEVER;
    this.bound.fill(0, i * this.nVesicleTypes, (i + 1) * this.nVesicleTypes);
    this.uptake.fill(0, i * this.nVesicleTypes, (i + 1) * this.nVesicleTypes);
    this.signals.fill(0, i * this.nSignals, (i + 1) * this.nSignals);
    this.donors.fill(NO_CELL, i * DONOR_RING, (i + 1) * DONOR_RING);
    this.donorHead[i] = 0;
    return i;
  }

  /** Remembers that cell i took up a packet from donor cell id d. */
  noteDonor(i: number, d: number): void {
    const h = this.donorHead[i];
    this.donors[i * DONOR_RING + h] = d;
    this.donorHead[i] = (h + 1) % DONOR_RING;
  }

  /** Drops every cell marked dead, keeping the others in index order. */
  compact(): void {
    const n = this.count;
    const cols = this.columns();
    let j = 0;
    for (let i = 0; i < n; i++) {
      if (this.dead[i] !== DeathCause.None) continue;
      if (i !== j) for (const c of cols) c.array.copyWithin(j * c.stride, i * c.stride, (i + 1) * c.stride);
      j++;
    }
    this.count = j;
  }

  /** Index of the cell with this id, or NO_CELL. */
  indexOf(id: number): number {
    for (let i = 0; i < this.count; i++) if (this.id[i] === id) return i;
    return NO_CELL;
  }
}
