// `cellpost validate FILE`: says whether a file is a valid scenario or run file (it tells
// which by "format": "cellpost-run") and prints every problem with its path; exit 0 or 2.
import { ENGINE_VERSION, type Problem } from '../../../sim/index';
import { parseScenarioFile } from '../../../lessons/scenarioFile';
import { parseJsonText, parseRunFile } from '../../lab';
import { expectPositionals, parseArgs, type FlagSpec } from '../args';
import { CliError, EXIT } from '../errors';
import { readText } from '../files';
import { HELP } from '../help';
import { fmtHours } from '../numbers';

const FLAGS: Record<string, FlagSpec> = { help: { kind: 'switch' } };

function looksLikeRunFile(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && ('format' in v || ('checkpoints' in v && 'stopTick' in v));
}

function report(file: string, kind: string, problems: readonly Problem[]): number {
  const n = problems.length;
  const lines = [`${file}: not a valid ${kind} (${n} problem${n === 1 ? '' : 's'})`, ...problems.map((p) => `  ${p.path}: ${p.message}`)];
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.usage;
}

export function validateCommand(argv: readonly string[]): number {
  const args = parseArgs(argv, FLAGS, 'validate');
  if (args.switches.has('help')) {
    process.stdout.write(HELP.validate);
    return EXIT.ok;
  }
  const [file] = expectPositionals(args, ['FILE'], 'validate');
  if (file === undefined) throw new CliError('missing the file to check: cellpost validate FILE');
  const json = parseJsonText(readText(file));
  if (!json.ok) return report(file, 'JSON file', json.problems);
  if (looksLikeRunFile(json.value)) {
    const r = parseRunFile(json.value);
    if (!r.ok) return report(file, 'run file', r.problems);
    const f = r.value;
    const hours = (f.stopTick * f.scenario.dtSeconds) / 3600;
    const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
    process.stdout.write(
      `${file}: valid run file: ${f.scenario.id}, seed ${f.seed}, ${f.stopTick} steps (${fmtHours(hours)}), ${n(f.events.length, 'event')}, ${n(f.checkpoints.length, 'checkpoint')}, engine ${f.engineVersion}\n`,
    );
    if (f.engineVersion !== ENGINE_VERSION) process.stdout.write(`  note: recorded with engine ${f.engineVersion}; this is engine ${ENGINE_VERSION}, so a replay may not match its hashes\n`);
    return EXIT.ok;
  }
  const s = parseScenarioFile(json.value);
  if (!s.ok) return report(file, 'scenario file', s.problems);
  process.stdout.write(`${file}: valid scenario file: ${s.value.id} (${s.value.title})\n`);
  return EXIT.ok;
}
