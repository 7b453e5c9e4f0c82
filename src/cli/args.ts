// Command-line flag parsing: `--name value`, `--name=value`, boolean switches and repeatable
// flags, checked against each command's list of flags so that a typo fails with the allowed names.
import { CliError } from './errors';
import { t } from './messages';
import { closest } from './suggest';

export interface FlagSpec {
  /** 'value': takes one value; 'list': may repeat; 'switch': takes none. */
  kind: 'value' | 'list' | 'switch';
}

export interface ParsedArgs {
  values: Map<string, string>;
  lists: Map<string, string[]>;
  switches: Set<string>;
  positionals: string[];
}

/** Parses argv against the flags a command accepts; throws a CliError naming the problem. */
export function parseArgs(argv: readonly string[], spec: Record<string, FlagSpec>, command: string): ParsedArgs {
  const out: ParsedArgs = { values: new Map(), lists: new Map(), switches: new Set(), positionals: [] };
  const names = Object.keys(spec).map((n) => `--${n}`);
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositionals || !arg.startsWith('-') || arg === '-') {
      out.positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    if (arg === '-h') {
      out.switches.add('help');
      continue;
    }
    const eq = arg.indexOf('=');
    const name = (eq >= 0 ? arg.slice(0, eq) : arg).replace(/^--?/, '');
    const f = spec[name];
    if (!f || !arg.startsWith('--')) {
      const hint = closest(`--${name}`, names, 1);
      const params = { option: eq >= 0 ? arg.slice(0, eq) : arg, command, options: names.join(', ') };
      throw new CliError(hint.length ? t('cli.args.unknownOptionHint', { ...params, hint: hint[0] }) : t('cli.args.unknownOption', params));
    }
    if (f.kind === 'switch') {
      if (eq >= 0) throw new CliError(t('cli.args.noValue', { flag: `--${name}`, arg }));
      out.switches.add(name);
      continue;
    }
    let value: string;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new CliError(t('cli.args.needsValue', { flag: `--${name}`, command }));
      value = next;
      i++;
    }
    if (f.kind === 'list') out.lists.set(name, [...(out.lists.get(name) ?? []), value]);
    else {
      if (out.values.has(name)) throw new CliError(t('cli.args.twice', { flag: `--${name}`, first: out.values.get(name) ?? '', second: value }));
      out.values.set(name, value);
    }
  }
  return out;
}

/** Refuses positional arguments beyond the expected ones. */
export function expectPositionals(args: ParsedArgs, names: readonly string[], command: string): string[] {
  if (args.positionals.length > names.length) {
    const extra = args.positionals[names.length];
    throw new CliError(names.length ? t('cli.args.unexpected', { extra, command, takes: names.join(' ') }) : t('cli.args.unexpectedOptionsOnly', { extra, command }));
  }
  return args.positionals;
}
