// The `cellpost` command (bin/cellpost.js loads this through tsx): picks the command, runs it,
// and turns every failure into one line on stderr and an exit code (docs/cli.md), never a stack.
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

const COMMANDS: Record<string, (argv: readonly string[]) => number | Promise<number>> = {
  scenarios: scenariosCommand,
  run: runCommand,
  replay: replayCommand,
  validate: validateCommand,
  sweep: sweepCommand,
  merge: mergeCommand,
  rules: rulesCommand,
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

// A closed pipe (cellpost … | head) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

function report(e: unknown): void {
  if (e instanceof CliError) {
    process.stderr.write(`cellpost: ${oneLine(e.message)}\n`);
    process.exitCode = e.code;
  } else {
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`cellpost: internal error: ${oneLine(msg)} (please report this, with the command you ran)\n`);
    process.exitCode = EXIT.internal;
  }
}

try {
  const result = main(process.argv.slice(2));
  if (typeof result === 'number') process.exitCode = result;
  else result.then((code) => (process.exitCode = code), report);
} catch (e) {
  report(e);
}
