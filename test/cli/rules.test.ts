// `cellpost rules` prints the same plain-words text as the app (src/lab/plainRules.ts), follows
// --set, and refuses a bad scenario or path with one line and exit 2. The first command line runs
// through the real `cellpost` process, the others in-process (test/cli/inProcess.ts).
import { describe, expect, it } from 'vitest';
import { lesson } from '../../lessons/index';
import { plainRules, plainRulesText } from '../../src/lab/plainRules';
import { cli } from './helpers';
import { cliHere } from './inProcess';

describe('cellpost rules', () => {
  it('prints the lesson’s rules in plain words, as the app shows them', async () => {
    const r = await cli(['rules', '--scenario', 'organ-address']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(plainRulesText(plainRules(lesson('organ-address')!)));
  });
  it('follows --set', async () => {
    const r = await cliHere(['rules', '--scenario', 'letters', '--set', 'tissues.tissue.halfLifeHours=5']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Half of the free vesicles break down every 5 h.');
  });
  it('refuses an unknown scenario with one line', async () => {
    const r = await cliHere(['rules', '--scenario', 'letterz']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/did you mean letters/);
  });
});
