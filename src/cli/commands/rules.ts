// `cellpost rules`: prints a scenario's rules in plain words (src/lab/plainRules.ts), the same
// text as the app's "How does the model work?", after any --set changes; in bokmål with the
// phrasebook src/lab/i18n/plainRulesNb.ts and the lesson's translated names.
import { plainRules, plainRulesText } from '../../lab/plainRules';
import { language } from '../../i18n/i18n';
import { localLesson } from '../../lab/i18n/lessonOverlays';
import { loadRuleWords, ruleWords } from '../../lab/i18n/ruleWords';
import { expectPositionals, parseArgs, type FlagSpec } from '../args';
import { EXIT } from '../errors';
import { HELP } from '../help';
import { t } from '../messages';
import { applySet } from '../overrides';
import { loadScenario } from '../run-options';

const FLAGS: Record<string, FlagSpec> = {
  scenario: { kind: 'value' },
  'scenario-file': { kind: 'value' },
  set: { kind: 'list' },
  help: { kind: 'switch' },
};

export async function rulesCommand(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, FLAGS, 'rules');
  if (args.switches.has('help')) {
    process.stdout.write(HELP('rules'));
    return EXIT.ok;
  }
  expectPositionals(args, [], 'rules');
  let s = loadScenario(args);
  for (const a of args.lists.get('set') ?? []) s = applySet(s, a).scenario;
  await loadRuleWords(language());
  const local = localLesson(s);
  const words = ruleWords();
  process.stdout.write(`${t('cli.rules.title', { title: local.title })}\n\n${plainRulesText(plainRules(local, words), words)}\n`);
  return EXIT.ok;
}
