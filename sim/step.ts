// One engine step: the rules' runs in registry order (sim/rules/index.ts). Pending events apply
// first (at the step boundary), removals are compacted last, then metrics are sampled when due.
import type { Model } from './model';
import { applyDue } from './events';
import { RULES } from './rules/index';
import { assertBalanced } from './ledger';
import { sample } from './metrics';

/** The run functions of the registry's rules, in order (rules without one only build tables). */
const RUNS: readonly ((m: Model) => void)[] = RULES.flatMap((rule) => (rule.run ? [rule.run] : []));

/** Ticks between two metric samples. */
export function sampleEvery(m: Model): number {
  return Math.max(1, Math.round((m.scenario.sampleEveryMinutes * 60) / m.dt));
}

/** Advances the model by n steps. */
export function step(m: Model, n = 1): void {
  const every = sampleEvery(m);
  for (let k = 0; k < n; k++) {
    applyDue(m);
    for (const run of RUNS) run(m);
    m.vesicles.compact();
    m.cells.compact();
    m.tick++;
    if (m.checkLedger) assertBalanced(m);
    if (m.tick % every === 0) sample(m);
  }
}
