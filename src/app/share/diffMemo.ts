// The run's link needs the settings that turn the lesson into the run's starting scenario
// (settingsDiff, src/lab/share/diff.ts): one walk when the run starts from the lesson as it is, but
// for a start with changed numbers a walk over every parameter, a validation and two canonical copies
// of the scenario, tens of ms on a slow machine. The link is rebuilt at every answer, stop and event
// of a run whose start does not change, so the last answer is kept and given again while the
// lesson and the starting scenario are the same (compared by their JSON text, a fraction of the cost).
import type { Scenario } from '../../../sim/schema';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import type { Overrides } from '../../lab';

type Diff = (base: ScenarioFile, scenario: Scenario) => Overrides | null;

/**
 * `diff` remembered for its last lesson and starting scenario. `base` is a lesson's own file,
 * the same for the same id in one page (lessons/library.ts), so its id stands for it. Each call
 * gets its own copy of the settings.
 */
export function rememberedDiff(diff: Diff): Diff {
  let lastKey: string | null = null;
  let last: Overrides | null = null;
  return (base, scenario) => {
    const key = `${base.id}\n${JSON.stringify(scenario)}`;
    if (key !== lastKey) {
      last = diff(base, scenario);
      lastKey = key;
    }
    return last ? new Map(last) : null;
  };
}
