// The page's ?bench scene (src/app/benchScene.ts: the letters lesson, 500 cells, packets injected
// at the start, 4 diffusion sub-steps a step) built in Node for the engine benchmarks.
import { lesson } from '../lessons/index';
import { parseScenarioFile } from '../lessons/scenarioFile';
import { benchLetters } from '../src/app/benchScene';
import { createModel, type Model } from '../sim/index';

type CreateModel = (...args: Parameters<typeof createModel>) => Model;

/** A model of the ?bench scene with `packets` packets, after its first step (the injections). */
export function lettersModel(packets: number, create: CreateModel = createModel, stepOnce?: (m: Model) => void): Model {
  const letters = lesson('letters');
  if (!letters) throw new Error('the letters lesson is missing');
  const p = parseScenarioFile({ ...benchLetters(letters, packets), title: 'bench', question: 'bench' });
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  const m = create(p.value, p.value.seed);
  stepOnce?.(m);
  return m;
}
