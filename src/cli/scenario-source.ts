// Where a run's scenario comes from: a built-in lesson by id (--scenario) or a JSON file
// (--scenario-file), validated by the engine's schema; problems become one clear line.
import { type Problem } from '../../sim/index';
import { parseScenarioFile, type ScenarioFile } from '../../lessons/scenarioFile';
import { parseJsonText } from '../lab';
import { lesson, lessonIds } from '../../lessons/index';
import { CliError } from './errors';
import { readText } from './files';
import { closest } from './suggest';

/** One line for a list of problems: the first, and how many more. */
export function firstProblem(problems: readonly Problem[], more: string): string {
  const p = problems[0];
  const rest = problems.length > 1 ? ` (and ${problems.length - 1} more; ${more})` : '';
  return `${p.path === '(file)' ? '' : `${p.path}: `}${p.message}${rest}`;
}

export function builtInScenario(id: string): ScenarioFile {
  const s = lesson(id);
  if (s) return s;
  const ids = lessonIds();
  const hint = closest(id, ids, 1);
  throw new CliError(`unknown scenario "${id}"${hint.length ? ` (did you mean ${hint[0]}?)` : ''}; built-in scenarios: ${ids.join(', ')}`);
}

export function scenarioFromFile(file: string): ScenarioFile {
  const json = parseJsonText(readText(file, 'scenario file'));
  if (!json.ok) throw new CliError(`scenario file ${file}: ${firstProblem(json.problems, '')}`);
  const o = json.value as Record<string, unknown> | null;
  if (o && typeof o === 'object' && 'format' in o && o.format === 'cellpost-run')
    throw new CliError(`${file} is a run file, not a scenario; use \`cellpost replay ${file}\``);
  const parsed = parseScenarioFile(json.value);
  if (!parsed.ok) throw new CliError(`scenario file ${file} is not valid: ${firstProblem(parsed.problems, `run \`cellpost validate ${file}\` for all`)}`);
  return parsed.value;
}
