// The ?bench scene as plain data, shared by the page's speed test (src/app/bench.ts) and the
// engine benchmarks in Node (bench/lettersScene.ts): the letters lesson with 500 cells and
// `packets` long-lived packets injected at the start in eight discs.
import type { ScenarioFile } from '../../lessons/scenarioFile';

/** The raw scenario (before validation, without a title or question) built from the letters lesson. */
export function benchLetters(letters: ScenarioFile, packets: number): Omit<ScenarioFile, 'title' | 'question'> {
  const tissue = letters.tissues.tissue;
  tissue.halfLifeHours = 1000;
  tissue.cells = [
    { type: 'sender', count: 20, cluster: { x: 400, y: 250, radius: 80 } },
    { type: 'reader', count: 240 },
    { type: 'bystander', count: 240 },
  ];
  const events: ScenarioFile['events'] = [];
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 2; j++)
      events.push({ kind: 'inject', tick: 0, vesicleType: 'letter', packets: Math.round(packets / 8), tissue: 'tissue', x: 100 + 200 * i, y: 125 + 250 * j, radius: 110 });
  return { ...letters, id: 'bench', events, limits: { vesicleCapacity: Math.max(2_000_000, 2 * packets), cellCapacity: 10_000 } };
}
