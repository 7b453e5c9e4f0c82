// The whole-file schema composes the engine's part (sim/schema.ts) and the lesson's part
// (lessons/schema.ts): a bad lesson field is reported by its path, the engine keeps the lesson
// part as given without reading it, and a run does not depend on it.
import { describe, expect, it } from 'vitest';
import { createModel, parseScenario, stateHash, step } from '../../sim/index';
import { LESSON_FILES } from '../../lessons/index';
import { asScenarioFile, parseScenarioFile } from '../../lessons/scenarioFile';

const raw = () => structuredClone(LESSON_FILES.find((f) => (f as { id: string }).id === 'letters')) as Record<string, unknown> & { lesson: Record<string, unknown> };

describe('scenario files', () => {
  it('every built-in lesson file validates as a whole file', () => {
    for (const f of LESSON_FILES) expect(parseScenarioFile(f).ok, (f as { id: string }).id).toBe(true);
  });

  it('a bad lesson field is reported with its path; the engine part alone does not look at it', () => {
    const f = raw();
    (f.lesson.charts as { title: unknown }[])[0].title = 42;
    const whole = parseScenarioFile(f);
    expect(whole.ok).toBe(false);
    if (!whole.ok) expect(whole.problems.map((p) => p.path)).toContain('lesson.charts.0.title');
    expect(parseScenario(f).ok).toBe(true);
  });

  it('the engine keeps the lesson part as given, and asScenarioFile types it again', () => {
    const file = parseScenarioFile(raw());
    if (!file.ok) throw new Error('letters invalid');
    const engine = parseScenario(file.value);
    if (!engine.ok) throw new Error('engine part invalid');
    expect(engine.value.lesson).toEqual(file.value.lesson);
    expect(asScenarioFile(engine.value)).toEqual(file.value);
  });

  it('the engine ignores the lesson part: without it, the same run (the hash covers the scenario text, so it is put back before hashing)', () => {
    const file = parseScenarioFile(raw());
    if (!file.ok) throw new Error('letters invalid');
    const a = createModel(file.value, '3');
    const b = createModel({ ...file.value, lesson: undefined }, '3');
    step(a, 60);
    step(b, 60);
    expect(b.ledger).toEqual(a.ledger);
    b.scenario = { ...b.scenario, lesson: a.scenario.lesson };
    expect(stateHash(b)).toBe(stateHash(a));
  });
});
