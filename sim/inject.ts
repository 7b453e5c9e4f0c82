// Injecting vesicle packets: into the blood, or scattered around a point of a tissue. Used by
// the inject event and by the scenario's repeated doses (rules/dosing.ts); a leaf module, so the
// rules that inject need not import the event machinery.
import type { Model } from './model';
import { NO_CELL } from './state';

/** Injects packets into the blood (no tissue) or around a point of a tissue. */
export function inject(m: Model, e: { vesicleType: string; packets: number; tissue?: string; x?: number; y?: number; radius?: number }): void {
  const vt = m.index.vesicleTypes.indexOf(e.vesicleType);
  let n = e.packets;
  const room = m.vesicles.room();
  if (e.tissue === undefined) {
    // Straight into the blood (counted against the tissue of origin 0 for blood arithmetic).
    m.blood[vt * m.index.tissues.length] += n;
    m.ledger.injected += n;
    return;
  }
  if (n > room) {
    m.warnings.push({ tick: m.tick, code: 'vesicleCapacity', message: `only ${room} of ${n} injected packets fit the vesicle capacity` });
    n = room;
  }
  const t = m.index.tissues.indexOf(e.tissue);
  const w = m.tables.tissues.width[t];
  const h = m.tables.tissues.height[t];
  const rng = m.rng.events;
  const cx = e.x ?? w / 2;
  const cy = e.y ?? h / 2;
  const r = e.radius ?? 20;
  m.vesicles.reserve(n);
  for (let k = 0; k < n; k++) {
    const x = Math.min(w, Math.max(0, cx + r * (2 * rng.next() - 1)));
    const y = Math.min(h, Math.max(0, cy + r * (2 * rng.next() - 1)));
    m.vesicles.push(x, y, t, vt, NO_CELL, m.tick);
  }
  m.ledger.injected += n;
}
