// The worked example of docs/build-your-own.md, built with the builder's edits and run: the
// figures the how-to states (seed 1, 6 h: 38 of 80 readers switched; no uptake without the receptor;
// the rules' sentences it quotes) hold, so the text cannot drift from the builder.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createModel, hoursToSteps, measure, step } from '../../../sim/index';
import { blankScenario, edit, startHistory, type Edit } from '../../../src/lab/builder/index';
import { plainRules, plainRulesText } from '../../../src/lab/plainRules';
import type { ScenarioFile } from '../../../lessons/scenarioFile';

const STEPS: Edit[] = [
  { op: 'set', path: 'title', value: 'Who reads the letters?' },
  { op: 'addCellKind', name: 'Sender', role: 'sender' },
  { op: 'addCellKind', name: 'Reader', role: 'reader' },
  { op: 'addLabel', name: 'tag' },
  { op: 'addReceptor', name: 'tag reader' },
  { op: 'setAffinity', label: 'tag', receptor: 'tag-reader', value: 1 },
  { op: 'addSignal', name: 'message' },
  { op: 'addVesicleKind', name: 'letters' },
  { op: 'toggleLabel', vesicle: 'letters', label: 'tag', on: true },
  { op: 'setCargo', vesicle: 'letters', signal: 'message', amount: 1 },
  { op: 'setRelease', cell: 'sender', vesicle: 'letters', perHour: 300 },
  { op: 'toggleReceptor', cell: 'reader', receptor: 'tag-reader', on: true },
  { op: 'addSwitch', cell: 'reader', signal: 'message' },
  { op: 'place', tissue: 'tissue', placement: { type: 'sender', count: 10, cluster: { x: 300, y: 200, radius: 40 } } },
  { op: 'place', tissue: 'tissue', placement: { type: 'reader', count: 80 } },
  { op: 'addChart', title: 'Readers switched', metrics: ['cells.reader.switched'] },
];

function build(extra: Edit[] = []): ScenarioFile {
  let h = startHistory(blankScenario());
  for (const e of [...STEPS, ...extra]) {
    const r = edit(h, e);
    if (r.problem) throw new Error(`${r.problem.path}: ${r.problem.message}`);
    h = r.history;
  }
  return h.present;
}

function after(s: ScenarioFile, hours: number): Record<string, number> {
  const m = createModel(s, '1');
  step(m, hoursToSteps(m, hours));
  return measure(m);
}

describe('the how-to’s worked example', () => {
  const doc = readFileSync(resolve(import.meta.dirname, '../../../docs/build-your-own.md'), 'utf8').replace(/\s+/g, ' ');

  it('says what its rules say', () => {
    const rules = plainRulesText(plainRules(build()));
    for (const quoted of ['Releases 300 letters an hour per cell.', 'When alive, it switches to switched once “message” is above 5 (half speed there; steepness 3), at up to 2 per hour.']) {
      expect(rules).toContain(quoted);
      expect(doc).toContain(quoted);
    }
  });

  it('switches 38 of 80 readers in 6 h (seed 1); without the receptor the readers take up no letters', () => {
    expect(after(build(), 6)['cells.reader.switched']).toBe(38);
    expect(doc).toContain('38 of the 80 readers switched');
    const without = after(build([{ op: 'toggleReceptor', cell: 'reader', receptor: 'tag-reader', on: false }]), 1);
    expect(without['uptake.reader']).toBe(0);
    expect(without['cells.reader.switched']).toBe(0);
  });
});
