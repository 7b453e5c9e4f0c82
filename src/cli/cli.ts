// The `cellpost` command's dispatcher: picks the command, runs it, and turns every failure into
// one line on stderr and an exit code (docs/cli.md), never a stack. main.ts runs it for the
// process; tests call runCli() in-process.
import { ENGINE_VERSION } from '../../sim/index';
import { CliError, EXIT } from './errors';
import { HELP } from './help';
import { closest } from './suggest';
import { packageVersion } from './version';
import { scenariosCommand } from './commands/scenarios';
import { runCommand } from './commands/run';
import { replayCommand } from './commands/replay';
import { validateCommand } from './commands/validate';
import { sweepCommand } from './commands/sweep';
import { mergeCommand } from './commands/merge';
import { rulesCommand } from './commands/rules';
import { classCommand } from './commands/class';

const COMMANDS: Record<string, (argv: readonly string[]) => number | Promise<number>> = {
  scenarios: scenariosCommand,
  run: runCommand,
  replay: replayCommand,
  validate: validateCommand,
  sweep: sweepCommand,
  merge: mergeCommand,
  rules: rulesCommand,
  class: classCommand,
};

export function main(argv: readonly string[]): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    const topic = rest[0] !== undefined && rest[0] in COMMANDS ? rest[0] : 'main';
    process.stdout.write(HELP[topic]);
    return EXIT.ok;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`cellpost ${packageVersion()} (engine ${ENGINE_VERSION})\n`);
    return EXIT.ok;
  }
  if (command === undefined) throw new CliError(`missing command; commands: ${Object.keys(COMMANDS).join(', ')} (see cellpost --help)`);
  const run = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) {
    const hint = closest(command, Object.keys(COMMANDS), 1);
    throw new CliError(`unknown command "${command}"${hint.length ? ` (did you mean ${hint[0]}?)` : ''}; commands: ${Object.keys(COMMANDS).join(', ')} (see cellpost --help)`);
  }
  return run(rest);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, '; ').slice(0, 2000);
}

/** Writes a failure as one line on stderr and returns its exit code. */
export function report(e: unknown): number {
  if (e instanceof CliError) {
    process.stderr.write(`cellpost: ${oneLine(e.message)}\n`);
    return e.code;
  } else {
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`cellpost: internal error: ${oneLine(msg)} (please report this, with the command you ran)\n`);
    return EXIT.internal;
  }
}


/** Runs a command line to its end: the exit code, every failure reported as one line. */
export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (e) {
    return report(e);
  }
}
