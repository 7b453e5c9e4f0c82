// Shared builders for engine tests: a minimal valid scenario to start from, and small helpers
// to run a model and read metrics.
import { parseScenario, createModel, type Model } from '../../sim/index';
import type { Scenario, ScenarioInput } from '../../sim/schema';

/** A one-tissue scenario with no cells, long vesicle half-life and no blood flow; override freely. */
export function baseScenario(over: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    id: 'test',
    title: 'test scene',
    dtSeconds: 10,
    vesiclesPerDot: 1,
    signals: {},
    labels: {},
    receptors: {},
    vesicleTypes: { ev: { name: 'vesicles' } },
    cellTypes: {},
    tissues: { tissue: { name: 'tissue', width: 800, height: 500, diffusion: 0.5, halfLifeHours: 1000 } },
    ...over,
  };
}

export function valid(input: unknown): Scenario {
  const p = parseScenario(input);
  if (!p.ok) throw new Error(p.problems.map((x) => `${x.path}: ${x.message}`).join('\n'));
  return p.value;
}

export function model(over: Partial<ScenarioInput> = {}, seed = '1'): Model {
  return createModel(valid(baseScenario(over)), seed, { checkLedger: true });
}

export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

export function variance(xs: ArrayLike<number>): number {
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i] - m) ** 2;
  return s / (xs.length - 1);
}
