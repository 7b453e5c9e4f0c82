// Doses that go into the blood, made visible on the stage: where they show (each vessel of each
// tissue pulses; a tissue without a vessel, its outline) and which of the scenario's scheduled
// doses fell between two frames (the engine gives the due ones at the start of their step).
import type { Scenario } from '../../../sim/index';
import type { InjectSite } from '../../../viz/injectMarks';

/** One site per vessel of every tissue (a tissue without vessels: its whole outline). */
export function bloodSites(scenario: Scenario, vesicleType: number): InjectSite[] {
  return Object.values(scenario.tissues).flatMap((tissue, t) => {
    const rects = tissue.vessels.length > 0 ? tissue.vessels.map((v) => ({ x: v.x, y: v.y, width: Math.min(v.width, tissue.width - v.x), height: Math.min(v.height, tissue.height - v.y) })) : [{ x: 0, y: 0, width: tissue.width, height: tissue.height }];
    return rects.map((rect) => ({ tissue: t, x: rect.x + rect.width / 2, y: rect.y + rect.height / 2, radius: 0, vesicleType, rect }));
  });
}

export interface DueDose {
  vesicleType: string;
  tissue?: string;
  x?: number;
  y?: number;
  /** The step it was given at. */
  tick: number;
}

/**
 * The scheduled doses given at steps `from` ≤ tick < `to` (a frame at tick n shows the state after
 * step n − 1), as rules/dosing.ts gives them: from the first dose on, every interval, until the
 * last, when the dose is not empty. The latest of each dose only (a long jump shows one mark).
 */
export function dosesDue(scenario: Scenario, dtSeconds: number, from: number, to: number): DueDose[] {
  if (!(to > from)) return [];
  const ticks = (hours: number) => Math.round((hours * 3600) / dtSeconds);
  const due: DueDose[] = [];
  for (const d of scenario.doses) {
    if (d.packets === 0) continue;
    const start = ticks(d.startHours);
    const stop = ticks(d.stopHours);
    const every = Math.max(1, ticks(d.everyHours));
    const last = Math.min(to - 1, stop);
    if (last < start || last < from) continue;
    const tick = start + Math.floor((last - start) / every) * every;
    if (tick < from) continue;
    due.push({ vesicleType: d.vesicleType, tissue: d.tissue, x: d.x, y: d.y, tick });
  }
  return due;
}
