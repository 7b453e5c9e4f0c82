// The `cellpost` command's dispatcher: picks the command, runs it, and turns every failure into
// one line on stderr and an exit code (docs/cli.md), never a stack. main.ts runs it for the
// process; tests call runCli() in-process. The language (--lang, CELLPOST_LANG, the locale) is
// set first, for everything the command prints for people.
import { ENGINE_VERSION } from '../../sim/index';
import { setLanguage } from '../i18n/i18n';
import { CliError, EXIT } from './errors';
import { HELP, type HelpTopic } from './help';
import { chooseLanguage } from './language';
import { loadLessonWords } from './lessonWords';
import { t } from './messages';
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
    const topic = rest[0] !== undefined && Object.hasOwn(COMMANDS, rest[0]) ? (rest[0] as HelpTopic) : 'main';
    process.stdout.write(HELP(topic));
    return EXIT.ok;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${t('cli.version', { version: packageVersion(), engine: ENGINE_VERSION })}\n`);
    return EXIT.ok;
  }
  const commands = Object.keys(COMMANDS).join(', ');
  if (command === undefined) throw new CliError(t('cli.error.missingCommand', { commands }));
  const run = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) {
    const hint = closest(command, Object.keys(COMMANDS), 1);
    throw new CliError(hint.length ? t('cli.error.unknownCommandHint', { command, hint: hint[0], commands }) : t('cli.error.unknownCommand', { command, commands }));
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
    process.stderr.write(`cellpost: ${t('cli.error.internal', { message: oneLine(msg) })}\n`);
    return EXIT.internal;
  }
}


/** Runs a command line to its end: the exit code, every failure reported as one line. */
export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const choice = chooseLanguage(argv, env);
    await setLanguage(choice.lang);
    await loadLessonWords(choice.lang);
    if (choice.badEnv !== undefined) process.stderr.write(`cellpost: ${t('cli.warning.badLangEnv', { value: choice.badEnv })}\n`);
    if (choice.badFlag === '') throw new CliError(t('cli.error.langNeedsValue'));
    if (choice.badFlag !== undefined) throw new CliError(t('cli.error.unknownLang', { value: choice.badFlag }));
    return await main(choice.argv);
  } catch (e) {
    return report(e);
  }
}
