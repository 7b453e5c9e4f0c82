// The engine run in Node that the browser tests compare the page with: a lesson and seed, with
// events (each carrying the step it applies at), stepped to a given step.
import { expect } from 'vitest';
import { createModel, schedule, stateHash, step, type Model } from '../../sim/index';
import { lesson } from '../../lessons/index';

export type TimedEvent = { tick: number } & Record<string, unknown>;

export function nodeRun(id: string, seed: string, steps: number, events: readonly TimedEvent[] = []): Model {
  const m = createModel(lesson(id)!, seed);
  for (const e of events) expect(schedule(m, e)).toBeNull();
  step(m, steps);
  return m;
}

export const nodeHash = (id: string, seed: string, steps: number, events: readonly TimedEvent[] = []): string => stateHash(nodeRun(id, seed, steps, events));
