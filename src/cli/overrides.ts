// --set path=value: changes one scenario value before the run. Numbers are checked against the
// parameter's range, unit and label from the schema; label and receptor lists and the scheduled
// events take JSON; any other path is refused (sim/params.ts), with the closest settings suggested.
import { getAtPath, listParameters, listSettings, parameterAt, setAtPath } from '../../sim/index';
import { parseScenarioFile, type ScenarioFile } from '../../lessons/scenarioFile';
import { inRange, parseNumber } from '../lab';
import type { ParamInfo } from '../../sim/index';
import { CliError } from './errors';
import { firstProblem } from './scenario-source';
import { t } from './messages';
import { n } from './numbers';
import { closest } from './suggest';

/** "between 0 and 50 µm²/s", "a whole number between 1 and 8" in the current language. */
export function rangeWords(p: Pick<ParamInfo, 'min' | 'max' | 'unit' | 'integer'>): string {
  const unit = ['', '0–1', 'fraction'].includes(p.unit) ? '' : ` ${p.unit}`;
  return t('cli.set.range', { whole: p.integer ? 'yes' : 'no', min: n(p.min), max: n(p.max), unit });
}

function unknownPath(s: ScenarioFile, path: string, flag: string): CliError {
  const params = listParameters(s).map((p) => p.path);
  let hint = closest(path, params);
  if (hint.length === 0) hint = closest(path, listSettings(s).map((p) => p.path));
  return new CliError(hint.length ? t('cli.set.unknownPathHint', { flag, path, hint: hint.join(', '), id: s.id }) : t('cli.set.unknownPath', { flag, path, id: s.id }));
}

/** The value a --set text stands for at this path, checked against the parameter's range. */
function valueFor(s: ScenarioFile, path: string, text: string, flag: string): unknown {
  const info = parameterAt(s, path);
  if (info) {
    const x = parseNumber(text);
    const params = { path, label: info.label, range: rangeWords(info), text };
    if (x === undefined) throw new CliError(t('cli.set.notNumberInRange', params));
    if (!inRange(info, x)) throw new CliError(t('cli.set.outOfRange', params));
    return x;
  }
  const current = getAtPath(s, path);
  if (current === undefined) throw unknownPath(s, path, flag);
  if (typeof current === 'number') {
    const x = parseNumber(text);
    if (x === undefined) throw new CliError(t('cli.set.notNumber', { path, text }));
    return x;
  }
  if (typeof current === 'string') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const example = JSON.stringify(current).slice(0, 60);
    throw new CliError(t('cli.set.notJson', { path, example, text: JSON.stringify(text), flag }));
  }
}

/** Splits "path=value" and applies it, returning the re-validated scenario (flag names the option in errors). */
export function applySet(s: ScenarioFile, assignment: string, flag = '--set'): { scenario: ScenarioFile; path: string; value: unknown } {
  const eq = assignment.indexOf('=');
  if (eq <= 0) throw new CliError(t('cli.set.needsAssignment', { assignment }));
  const path = assignment.slice(0, eq).trim();
  const value = valueFor(s, path, assignment.slice(eq + 1), flag);
  let next: unknown;
  try {
    next = setAtPath(s, path, value);
  } catch (e) {
    throw new CliError(t('cli.set.refused', { flag, path, message: (e as Error).message }));
  }
  const parsed = parseScenarioFile(next);
  if (!parsed.ok) throw new CliError(t('cli.set.invalid', { flag, assignment, problem: firstProblem(parsed.problems, t('cli.problems.fixFirst')) }));
  return { scenario: parsed.value, path, value };
}
