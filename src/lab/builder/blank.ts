// Where a built experiment starts: a blank tissue (one empty tissue, no cells yet) or a copy of a
// built-in lesson to change ("Make a copy to change"). Both come back validated, with every
// default filled in, so each later edit compares like with like.
import { parseScenarioFile, type ScenarioFile } from '../../../lessons/scenarioFile';
import { t } from './messages';

/** The blank experiment: one tissue, no cell kinds, nothing placed (its title and tissue named in the reader's language). */
export function blankScenario(): ScenarioFile {
  const p = parseScenarioFile({
    id: 'my-experiment',
    title: t('builder.default.title'),
    question: '',
    seed: '1',
    vesiclesPerDot: 1,
    vesicleTypes: {},
    cellTypes: {},
    tissues: { tissue: { name: t('builder.default.tissue'), width: 600, height: 400 } },
    lesson: { hours: 24 },
  });
  if (!p.ok) throw new Error(`the blank experiment is invalid: ${p.problems.map((x) => `${x.path}: ${x.message}`).join('; ')}`);
  return p.value;
}

/**
 * A copy of a lesson to change: its own id and title, and without the parts that belong to the
 * original lesson only (its checked claims, teacher notes and cohort), which a change would make
 * untrue.
 */
export function copyOfLesson(s: ScenarioFile): ScenarioFile {
  const copy = structuredClone(s);
  copy.id = `${s.id}-copy`.slice(0, 40);
  copy.title = t('builder.default.copyTitle', { title: s.title }).slice(0, 80);
  if (copy.lesson) {
    delete copy.lesson.claims;
    delete copy.lesson.claimRuns;
    delete copy.lesson.teacher;
    delete copy.lesson.cohort;
    // A prompt's claim checked the lesson's own runs; the copy keeps its choices without it.
    for (const p of copy.lesson.prompts ?? []) delete p.claim;
  }
  const p = parseScenarioFile(copy);
  return p.ok ? p.value : structuredClone(s);
}
