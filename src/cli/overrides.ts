// --set path=value: changes one scenario value before the run. Numbers are checked against the
// parameter's range, unit and label from the schema; label and receptor lists and the scheduled
// events take JSON; any other path is refused (sim/params.ts), with the closest settings suggested.
import { getAtPath, listParameters, listSettings, parameterAt, setAtPath } from '../../sim/index';
import { parseScenarioFile, type ScenarioFile } from '../../lessons/scenarioFile';
import { inRange, parseNumber, rangeText } from '../lab';
import { CliError } from './errors';
import { firstProblem } from './scenario-source';
import { closest } from './suggest';

function unknownPath(s: ScenarioFile, path: string, flag: string): CliError {
  const params = listParameters(s).map((p) => p.path);
  let hint = closest(path, params);
  if (hint.length === 0) hint = closest(path, listSettings(s).map((p) => p.path));
  const see = `\`cellpost scenarios ${s.id}\` lists every adjustable path`;
  return new CliError(`unknown ${flag} path "${path}"${hint.length ? `; did you mean ${hint.join(', ')}?` : ''} (${see})`);
}

/** The value a --set text stands for at this path, checked against the parameter's range. */
function valueFor(s: ScenarioFile, path: string, text: string, flag: string): unknown {
  const info = parameterAt(s, path);
  if (info) {
    const x = parseNumber(text);
    const head = `${path} (${info.label}) must be ${rangeText(info)}`;
    if (x === undefined) throw new CliError(`${head}; got "${text}", which is not a number`);
    if (!inRange(info, x)) throw new CliError(`${head}; got ${text}`);
    return x;
  }
  const current = getAtPath(s, path);
  if (current === undefined) throw unknownPath(s, path, flag);
  if (typeof current === 'number') {
    const x = parseNumber(text);
    if (x === undefined) throw new CliError(`${path} must be a number; got "${text}"`);
    return x;
  }
  if (typeof current === 'string') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const example = JSON.stringify(current).slice(0, 60);
    throw new CliError(`${path} takes a JSON value like ${example}; got ${JSON.stringify(text)}, which is not valid JSON (quote it for the shell: ${flag} '${path}=…')`);
  }
}

/** Splits "path=value" and applies it, returning the re-validated scenario (flag names the option in errors). */
export function applySet(s: ScenarioFile, assignment: string, flag = '--set'): { scenario: ScenarioFile; path: string; value: unknown } {
  const eq = assignment.indexOf('=');
  if (eq <= 0) throw new CliError(`--set needs path=value, e.g. --set tissues.tissue.diffusion=2; got "${assignment}"`);
  const path = assignment.slice(0, eq).trim();
  const value = valueFor(s, path, assignment.slice(eq + 1), flag);
  let next: unknown;
  try {
    next = setAtPath(s, path, value);
  } catch (e) {
    throw new CliError(`${flag} ${path}: ${(e as Error).message}`);
  }
  const parsed = parseScenarioFile(next);
  if (!parsed.ok) throw new CliError(`${flag} ${assignment} makes the scenario invalid: ${firstProblem(parsed.problems, 'fix the first one first')}`);
  return { scenario: parsed.value, path, value };
}
