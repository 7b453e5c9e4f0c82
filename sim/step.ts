// One engine step: the rules in their fixed order. Pending events apply first (at the step
// boundary), removals are compacted last, then metrics are sampled when due.
import type { Model } from './model';
import { applyDue } from './events';
import { rebuildGrid } from './grid';
import { dosing } from './rules/dosing';
import { release } from './rules/release';
import { diffuse } from './rules/diffusion';
import { tissueFates } from './rules/fate';
import { bloodExchange } from './rules/blood';
import { uptake } from './rules/uptake';
import { signalling } from './rules/signalling';
import { cellBehaviour } from './rules/cellBehaviour';
import { assertBalanced } from './ledger';
import { sample } from './metrics';

/** The rules in the order they run each step (see docs/implementation-notes.md). */
export const RULES: readonly { name: string; run: (m: Model) => void }[] = [
  { name: 'grid', run: (m) => rebuildGrid(m.tables.grid, m) },
  { name: 'dosing', run: dosing },
  { name: 'release', run: release },
  { name: 'diffusion', run: diffuse },
  { name: 'fate', run: tissueFates },
  { name: 'blood', run: bloodExchange },
  { name: 'uptake', run: uptake },
  { name: 'signalling', run: signalling },
  { name: 'cellBehaviour', run: cellBehaviour },
];

/** Ticks between two metric samples. */
export function sampleEvery(m: Model): number {
  return Math.max(1, Math.round((m.scenario.sampleEveryMinutes * 60) / m.dt));
}

/** Advances the model by n steps. */
export function step(m: Model, n = 1): void {
  const every = sampleEvery(m);
  for (let k = 0; k < n; k++) {
    applyDue(m);
    for (const rule of RULES) rule.run(m);
    m.vesicles.compact();
    m.cells.compact();
    m.tick++;
    if (m.checkLedger) assertBalanced(m);
    if (m.tick % every === 0) sample(m);
  }
}
