// The vesicle ledger: every packet's fate is counted, and the books must balance after every
// step: released + injected = free in tissue + in blood + bound + taken up + degraded + cleared.
import type { Model } from './model';

export interface Ledger {
  released: number;
  injected: number;
  degraded: number;
  cleared: number;
  takenUp: number;
  delivered: number;
  intravasated: number;
  extravasated: number;
}

export function emptyLedger(): Ledger {
  return { released: 0, injected: 0, degraded: 0, cleared: 0, takenUp: 0, delivered: 0, intravasated: 0, extravasated: 0 };
}

/** The current holdings of every place a packet can be. */
export function holdings(m: Model): { free: number; blood: number; bound: number } {
  let blood = 0;
  for (let i = 0; i < m.blood.length; i++) blood += m.blood[i];
  let bound = 0;
  const b = m.cells.bound;
  const n = m.cells.count * m.cells.nVesicleTypes;
  for (let i = 0; i < n; i++) bound += b[i];
  return { free: m.vesicles.count, blood, bound };
}

/** The imbalance of the books (0 when every packet is accounted for). */
export function imbalance(m: Model): number {
  const h = holdings(m);
  const l = m.ledger;
  return l.released + l.injected - (h.free + h.blood + h.bound + l.takenUp + l.degraded + l.cleared);
}

/** Throws when the books do not balance; used after each step in tests and debug runs. */
export function assertBalanced(m: Model): void {
  const d = imbalance(m);
  if (d !== 0) throw new Error(`vesicle ledger out of balance by ${d} packets at tick ${m.tick}`);
}
