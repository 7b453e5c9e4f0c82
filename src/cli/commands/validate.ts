// `cellpost validate FILE`: says whether a file is a valid scenario or run file (it tells
// which by "format": "cellpost-run") and prints every problem with its path; exit 0 or 2.
import { ENGINE_VERSION, type Problem } from '../../../sim/index';
import { parseScenarioFile } from '../../../lessons/scenarioFile';
import { parseJsonText, parseRunFile } from '../../lab';
import { expectPositionals, parseArgs, type FlagSpec } from '../args';
import { CliError, EXIT } from '../errors';
import { readText } from '../files';
import { HELP } from '../help';
import { lessonTitle } from '../lessonWords';
import { t } from '../messages';
import { fmtHours, n } from '../numbers';

const FLAGS: Record<string, FlagSpec> = { help: { kind: 'switch' } };

function looksLikeRunFile(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && ('format' in v || ('checkpoints' in v && 'stopTick' in v));
}

function report(file: string, kind: 'json' | 'run' | 'scenario', problems: readonly Problem[]): number {
  const count = problems.length;
  const lines = [t('cli.validate.invalid', { file, kind, count, shown: n(count) }), ...problems.map((p) => `  ${t('cli.problems.at', { path: p.path, message: p.message })}`)];
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.usage;
}

export function validateCommand(argv: readonly string[]): number {
  const args = parseArgs(argv, FLAGS, 'validate');
  if (args.switches.has('help')) {
    process.stdout.write(HELP('validate'));
    return EXIT.ok;
  }
  const [file] = expectPositionals(args, ['FILE'], 'validate');
  if (file === undefined) throw new CliError(t('cli.validate.missingFile'));
  const json = parseJsonText(readText(file));
  if (!json.ok) return report(file, 'json', json.problems);
  if (looksLikeRunFile(json.value)) {
    const r = parseRunFile(json.value);
    if (!r.ok) return report(file, 'run', r.problems);
    const f = r.value;
    const hours = (f.stopTick * f.scenario.dtSeconds) / 3600;
    const counts = { steps: f.stopTick, shownSteps: n(f.stopTick), events: f.events.length, shownEvents: n(f.events.length), checkpoints: f.checkpoints.length, shownCheckpoints: n(f.checkpoints.length) };
    process.stdout.write(`${t('cli.validate.validRun', { file, id: f.scenario.id, seed: f.seed, hours: fmtHours(hours), engine: f.engineVersion, ...counts })}\n`);
    if (f.engineVersion !== ENGINE_VERSION) process.stdout.write(`  ${t('cli.validate.otherEngine', { recorded: f.engineVersion, engine: ENGINE_VERSION })}\n`);
    return EXIT.ok;
  }
  const s = parseScenarioFile(json.value);
  if (!s.ok) return report(file, 'scenario', s.problems);
  process.stdout.write(`${t('cli.validate.validScenario', { file, id: s.value.id, title: lessonTitle(s.value.id, s.value.title) })}\n`);
  return EXIT.ok;
}
