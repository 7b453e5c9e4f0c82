// The visible cells of a frame grouped by look (cell type and state), for the cell layer to draw
// one group after another. The groups are written into arrays kept from frame to frame (a counting
// sort), so drawing a frame makes no map, list or tuple for the collector.

/** Visible cells by group key: `order` holds the cells' indices, group `key` at [start[key], start[key + 1]). */
export class CellGroups {
  /** Cell indices, sorted by group key and, within a group, by index. */
  order = new Int32Array(64);
  /** Number of cells in `order`. */
  count = 0;
  /** Where each key's cells start in `order` (length keys + 1). */
  start = new Int32Array(9);
  /** Keys in use this frame, rising. */
  keys = new Int32Array(8);
  /** Number of keys in `keys`. */
  keyCount = 0;
  private keyOf = new Int32Array(64);
  private seen = new Int32Array(64);

  /**
   * Starts a grouping of cells 0 … n - 1: the caller writes each cell's group key (a small
   * non-negative integer), or -1 for a cell not drawn, into the array returned, then calls finish(n).
   */
  begin(n: number): Int32Array {
    if (this.keyOf.length < n) {
      this.keyOf = new Int32Array(2 * n);
      this.order = new Int32Array(2 * n);
    }
    return this.keyOf;
  }

  /** Sorts the cells by the keys written since begin(n) (by index within a key). */
  finish(n: number): void {
    const keyOf = this.keyOf;
    let maxKey = -1;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const k = keyOf[i];
      if (k < 0) continue;
      if (k > maxKey) maxKey = k;
      count++;
    }
    this.count = count;
    if (this.start.length < maxKey + 2) this.start = new Int32Array(2 * (maxKey + 2));
    if (this.seen.length < maxKey + 1) this.seen = new Int32Array(2 * (maxKey + 1));
    const start = this.start;
    const seen = this.seen;
    start.fill(0, 0, maxKey + 2);
    for (let i = 0; i < n; i++) {
      const k = keyOf[i];
      if (k >= 0) start[k + 1]++;
    }
    let keyCount = 0;
    for (let k = 0; k <= maxKey; k++) {
      if (start[k + 1] > 0) {
        if (this.keys.length <= keyCount) {
          const grown = new Int32Array(2 * this.keys.length);
          grown.set(this.keys);
          this.keys = grown;
        }
        this.keys[keyCount++] = k;
      }
      start[k + 1] += start[k];
      seen[k] = start[k];
    }
    this.keyCount = keyCount;
    for (let i = 0; i < n; i++) {
      const k = keyOf[i];
      if (k >= 0) this.order[seen[k]++] = i;
    }
  }
}
