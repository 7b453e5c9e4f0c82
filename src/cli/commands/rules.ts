// `cellpost rules`: prints a scenario's rules in plain words (src/lab/plainRules.ts), the same
// text as the app's "How does the model work?", after any --set changes.
import { plainRules, plainRulesText } from '../../lab/plainRules';
import { expectPositionals, parseArgs, type FlagSpec } from '../args';
import { EXIT } from '../errors';
import { HELP } from '../help';
import { applySet } from '../overrides';
import { loadScenario } from '../run-options';

const FLAGS: Record<string, FlagSpec> = {
  scenario: { kind: 'value' },
  'scenario-file': { kind: 'value' },
  set: { kind: 'list' },
  help: { kind: 'switch' },
};

export function rulesCommand(argv: readonly string[]): number {
  const args = parseArgs(argv, FLAGS, 'rules');
  if (args.switches.has('help')) {
    process.stdout.write(HELP.rules);
    return EXIT.ok;
  }
  expectPositionals(args, [], 'rules');
  let s = loadScenario(args);
  for (const a of args.lists.get('set') ?? []) s = applySet(s, a).scenario;
  process.stdout.write(`${s.title}: the rules in plain words\n\n${plainRulesText(plainRules(s))}\n`);
  return EXIT.ok;
}
