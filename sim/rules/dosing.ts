// Dosing: the scenario's repeated doses (for example an MSC-vesicle infusion every 12 h) inject
// their packets at the start of each due step, into the blood or around a point of a tissue.
// Doses are scenario parameters, not logged events, so changing a dose interval is a `set`.
import type { Model } from '../model';
import type { Rule } from '../rule';
import { inject } from '../inject';

export interface DosingTable {
  doses: { start: number; stop: number; every: number; spec: Model['scenario']['doses'][number] }[];
}

export function initDosing(m: Model): DosingTable {
  const ticks = (h: number) => Math.round((h * 3600) / m.dt);
  return {
    doses: m.scenario.doses.map((d) => ({ start: ticks(d.startHours), stop: ticks(d.stopHours), every: Math.max(1, ticks(d.everyHours)), spec: d })),
  };
}

export function dosing(m: Model): void {
  for (const d of m.tables.dosing.doses) {
    if (m.tick < d.start || m.tick > d.stop || (m.tick - d.start) % d.every !== 0 || d.spec.packets === 0) continue;
    inject(m, d.spec);
  }
}

export const dosingRule: Rule<'dosing'> = { name: 'dosing', init: initDosing, run: dosing };
