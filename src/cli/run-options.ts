// Options shared by `run` and `sweep`: the scenario (--scenario or --scenario-file), the seed and
// the number of simulated hours, each checked with a one-line error.
import type { ScenarioFile } from '../../lessons/scenarioFile';
import type { ParsedArgs } from './args';
import { CliError } from './errors';
import { MAX_HOURS, parseNumber, stepsFor } from '../lab';
import { t } from './messages';
import { fmtHours, n } from './numbers';
import { MAX_CELL_TABLES } from './limits';
import { builtInScenario, scenarioFromFile } from './scenario-source';

export function loadScenario(args: ParsedArgs): ScenarioFile {
  const id = args.values.get('scenario');
  const file = args.values.get('scenario-file');
  if (id !== undefined && file !== undefined) throw new CliError(t('cli.run.scenarioBoth'));
  if (file !== undefined) return scenarioFromFile(file);
  if (id === undefined) throw new CliError(t('cli.run.scenarioMissing'));
  return builtInScenario(id);
}

export function readSeed(args: ParsedArgs, s: ScenarioFile): string {
  const seed = args.values.get('seed');
  if (seed === undefined) return s.seed;
  if (seed.trim() === '' || seed.length > 100) throw new CliError(t('cli.run.seedLength', { seed: `${seed.slice(0, 20)}${seed.length > 20 ? '…' : ''}` }));
  return seed;
}

/** Hours and the whole number of steps they take, refusing negative, absurd or too-short runs. */
export function readHours(args: ParsedArgs, s: ScenarioFile): { hours: number; steps: number } {
  const text = args.values.get('hours');
  const hours = text === undefined ? (s.lesson?.hours ?? 24) : parseNumber(text);
  const max = n(MAX_HOURS);
  if (hours === undefined) throw new CliError(t('cli.run.hoursNotNumber', { max, text: text ?? '' }));
  if (hours <= 0) throw new CliError(t('cli.run.hoursRange', { max, text: text ?? '' }));
  if (hours > MAX_HOURS) throw new CliError(t('cli.run.hoursOver', { max, text: text ?? '' }));
  const steps = stepsFor(hours, s.dtSeconds);
  if (steps < 1) throw new CliError(t('cli.run.hoursShort', { flag: '--hours', text: text ?? '', dt: n(s.dtSeconds), least: fmtHours(s.dtSeconds / 3600) }));
  return { hours, steps };
}

/** Steps between the moments --cells-every writes (0: --cells only at the end). */
export function readCellsEvery(args: ParsedArgs, s: ScenarioFile, steps: number): number {
  const text = args.values.get('cells-every');
  if (text === undefined) return 0;
  if (args.values.get('cells') === undefined) throw new CliError(t('cli.run.cellsEveryNeedsCells'));
  const hours = parseNumber(text);
  if (hours === undefined || hours <= 0) throw new CliError(t('cli.run.cellsEveryNumber', { text }));
  const every = Math.round((hours * 3600) / s.dtSeconds);
  if (every < 1) throw new CliError(t('cli.run.hoursShort', { flag: '--cells-every', text, dt: n(s.dtSeconds), least: fmtHours(s.dtSeconds / 3600) }));
  const moments = Math.floor(steps / every) + 2;
  if (moments > MAX_CELL_TABLES) throw new CliError(t('cli.run.cellsEveryTooMany', { text, moments: n(moments), max: n(MAX_CELL_TABLES) }));
  return every;
}
