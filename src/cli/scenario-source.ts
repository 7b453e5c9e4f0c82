// Where a run's scenario comes from: a built-in lesson by id (--scenario) or a JSON file
// (--scenario-file), validated by the engine's schema; problems become one clear line.
import { type Problem } from '../../sim/index';
import { parseScenarioFile, type ScenarioFile } from '../../lessons/scenarioFile';
import { parseJsonText } from '../lab';
import { lesson, lessonIds } from '../../lessons/index';
import { CliError } from './errors';
import { readText } from './files';
import { t } from './messages';
import { n } from './numbers';
import { closest } from './suggest';

/** One line for a list of problems: the first, and how many more. */
export function firstProblem(problems: readonly Problem[], more: string): string {
  const p = problems[0];
  const first = p.path === '(file)' ? p.message : t('cli.problems.at', { path: p.path, message: p.message });
  if (problems.length === 1) return first;
  const others = problems.length - 1;
  return more === '' ? t('cli.problems.andMore', { first, others, shown: n(others) }) : t('cli.problems.andMoreHow', { first, others, shown: n(others), more });
}

export function builtInScenario(id: string): ScenarioFile {
  const s = lesson(id);
  if (s) return s;
  const ids = lessonIds();
  const hint = closest(id, ids, 1);
  throw new CliError(hint.length ? t('cli.scenario.unknownHint', { id, hint: hint[0], ids: ids.join(', ') }) : t('cli.scenario.unknown', { id, ids: ids.join(', ') }));
}

export function scenarioFromFile(file: string): ScenarioFile {
  const json = parseJsonText(readText(file, t('cli.file.scenario')));
  if (!json.ok) throw new CliError(t('cli.scenario.fileProblem', { file, problem: firstProblem(json.problems, '') }));
  const o = json.value as Record<string, unknown> | null;
  if (o && typeof o === 'object' && 'format' in o && o.format === 'cellpost-run')
    throw new CliError(t('cli.scenario.isRunFile', { file }));
  const parsed = parseScenarioFile(json.value);
  if (!parsed.ok) throw new CliError(t('cli.scenario.fileInvalid', { file, problem: firstProblem(parsed.problems, t('cli.problems.validateForAll', { file })) }));
  return parsed.value;
}
