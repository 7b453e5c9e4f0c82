// ROC curves and the area under them (AUC) for two groups of values, ties counting half, and a
// multi-marker score: each marker as a z-score against the reference group, signed by the
// direction the cases moved, summed. Signs and scales are learnt on a training half and judged
// on the held-out half, so the score's AUC is not flattered by fitting. Pure arithmetic.

export interface RocPoint {
  /** False-positive rate: share of reference values at or above the threshold. */
  fpr: number;
  /** True-positive rate: share of case values at or above the threshold. */
  tpr: number;
  threshold: number;
}

/**
 * P(case > reference) + ½·P(case = reference) over all pairs: the Mann–Whitney form of the AUC.
 * 0.5 means no separation, 1 perfect separation with cases higher, 0 perfect with cases lower.
 */
export function auc(cases: readonly number[], reference: readonly number[]): number {
  if (cases.length === 0 || reference.length === 0) return NaN;
  const all = [...cases.map((v) => ({ v, c: 1 })), ...reference.map((v) => ({ v, c: 0 }))].sort((a, b) => a.v - b.v);
  // Mid-ranks (1-based) over tie groups; the rank sum of the cases gives U.
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j + 1 < all.length && all[j + 1].v === all[i].v) j++;
    const mid = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) if (all[k].c === 1) rankSum += mid;
    i = j + 1;
  }
  const n1 = cases.length;
  const u = rankSum - (n1 * (n1 + 1)) / 2;
  return u / (n1 * reference.length);
}

/**
 * The ROC curve: one point per distinct value, from the highest threshold down, starting at
 * (0, 0) and ending at (1, 1). A value shared by both groups gives a diagonal step, so the
 * trapezoid area under the points equals auc().
 */
export function rocCurve(cases: readonly number[], reference: readonly number[]): RocPoint[] {
  const values = [...new Set([...cases, ...reference])].sort((a, b) => b - a);
  const pts: RocPoint[] = [{ fpr: 0, tpr: 0, threshold: Infinity }];
  const c = [...cases].sort((a, b) => b - a);
  const r = [...reference].sort((a, b) => b - a);
  let ic = 0;
  let ir = 0;
  for (const t of values) {
    while (ic < c.length && c[ic] >= t) ic++;
    while (ir < r.length && r[ir] >= t) ir++;
    pts.push({ fpr: ir / r.length, tpr: ic / c.length, threshold: t });
  }
  return pts;
}

/** Area under a ROC curve by trapezoids. */
export function areaUnder(points: readonly RocPoint[]): number {
  let a = 0;
  for (let k = 1; k < points.length; k++) a += ((points[k].fpr - points[k - 1].fpr) * (points[k].tpr + points[k - 1].tpr)) / 2;
  return a;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs: readonly number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) * (x - m), 0) / Math.max(1, xs.length - 1));
};

/** A z-score model: per marker the reference mean and SD, and +1 or −1 for the cases' direction. */
export interface ZModel {
  mean: number[];
  sd: number[];
  sign: number[];
}

/**
 * Learns the z-score model from training rows (one row per run, one column per marker): mean and
 * SD of the reference group, and the sign of (case mean − reference mean). A marker whose
 * reference SD is 0 uses the SD of all training values, and drops out (SD 0 → weight 0) if that is 0 too.
 */
export function fitZ(cases: readonly number[][], reference: readonly number[][]): ZModel {
  const nM = (reference[0] ?? cases[0] ?? []).length;
  const out: ZModel = { mean: [], sd: [], sign: [] };
  for (let k = 0; k < nM; k++) {
    const r = reference.map((row) => row[k]);
    const c = cases.map((row) => row[k]);
    let s = sd(r);
    if (!(s > 0)) s = sd([...r, ...c]);
    out.mean.push(mean(r));
    out.sd.push(s > 0 ? s : 0);
    out.sign.push(mean(c) >= mean(r) ? 1 : -1);
  }
  return out;
}

/** The multi-marker score of one run: Σ sign·(x − mean)/sd over the markers in use. */
export function zScore(model: ZModel, row: readonly number[], use?: readonly boolean[]): number {
  let s = 0;
  for (let k = 0; k < row.length; k++) {
    if (use && !use[k]) continue;
    if (model.sd[k] > 0) s += (model.sign[k] * (row[k] - model.mean[k])) / model.sd[k];
  }
  return s;
}

/** Deterministic halves: even positions train, odd positions test. */
export function splitHalves<T>(xs: readonly T[]): { train: T[]; test: T[] } {
  return { train: xs.filter((_, i) => i % 2 === 0), test: xs.filter((_, i) => i % 2 === 1) };
}

export interface MarkerResult {
  /** Direction learnt on the training half: +1 if cases run higher, −1 if lower. */
  sign: number;
  /** AUC on the test half of sign·value. */
  auc: number;
}

export interface Evaluation {
  markers: MarkerResult[];
  /** The summed signed z-score over the markers in use, on the test half. */
  score: { auc: number; roc: RocPoint[]; cases: number[]; reference: number[] };
  model: ZModel;
  n: { trainCases: number; trainReference: number; testCases: number; testReference: number };
}

/**
 * Fits on the even-position runs of each group and judges on the odd ones: each marker's AUC
 * (with the direction from training) and the summed z-score's AUC and ROC curve. `use` picks the
 * markers that enter the score (all by default); every marker still gets its own AUC.
 */
export function evaluate(cases: readonly number[][], reference: readonly number[][], use?: readonly boolean[]): Evaluation {
  const c = splitHalves(cases);
  const r = splitHalves(reference);
  const model = fitZ(c.train, r.train);
  const markers = model.sign.map((sign, k) => ({
    sign,
    auc: auc(
      c.test.map((row) => sign * row[k]),
      r.test.map((row) => sign * row[k]),
    ),
  }));
  const sc = c.test.map((row) => zScore(model, row, use));
  const sr = r.test.map((row) => zScore(model, row, use));
  return {
    markers,
    score: { auc: auc(sc, sr), roc: rocCurve(sc, sr), cases: sc, reference: sr },
    model,
    n: { trainCases: c.train.length, trainReference: r.train.length, testCases: c.test.length, testReference: r.test.length },
  };
}
