// `cellpost scenarios [ID]`: the built-in scenarios with their titles, or one scenario's
// adjustable parameters (the paths --set accepts) with value, unit, range and label.
import { listParameters } from '../../../sim/index';
import { lessons } from '../../../lessons/index';
import { expectPositionals, parseArgs, type FlagSpec } from '../args';
import { EXIT } from '../errors';
import { HELP } from '../help';
import { fmt } from '../numbers';
import { builtInScenario } from '../scenario-source';

const FLAGS: Record<string, FlagSpec> = { help: { kind: 'switch' } };

export function scenariosCommand(argv: readonly string[]): number {
  const args = parseArgs(argv, FLAGS, 'scenarios');
  if (args.switches.has('help')) {
    process.stdout.write(HELP.scenarios);
    return EXIT.ok;
  }
  const [id] = expectPositionals(args, ['ID'], 'scenarios');
  if (id === undefined) {
    const all = lessons();
    const width = Math.max(...all.map((s) => s.id.length));
    process.stdout.write(all.map((s) => `${s.id.padEnd(width)}  ${s.title}\n`).join(''));
    return EXIT.ok;
  }
  const s = builtInScenario(id);
  const params = listParameters(s);
  const width = Math.max(...params.map((p) => p.path.length));
  const unitWidth = Math.max(...params.map((p) => p.unit.length));
  const range = (p: (typeof params)[number]) => `${fmt(p.min)} to ${fmt(p.max)}${p.integer ? ', whole' : ''}`;
  const rangeWidth = Math.max(...params.map((p) => range(p).length));
  const lines = params.map((p) => `${p.path.padEnd(width)}  ${fmt(p.value).padStart(9)} ${p.unit.padEnd(unitWidth)}  ${range(p).padEnd(rangeWidth)}  ${p.label}`);
  const head = `${'path'.padEnd(width)}  ${'value'.padStart(9)} ${'unit'.padEnd(unitWidth)}  ${'allowed'.padEnd(rangeWidth)}  meaning`;
  process.stdout.write(`${s.id} (${s.title}): ${params.length} parameters; change one with --set PATH=VALUE\n\n${head}\n${lines.join('\n')}\n`);
  return EXIT.ok;
}
