// The phrasebooks of "the rules in plain words" and of the run in words for the current
// language, loaded with the language (English needs none: src/lab/ has them), so English pages do
// not download bokmål's.
import type { PlainWords } from '../plainRules';
import type { DescribeWords } from '../describe';
import type { Lang } from '../../i18n/languages';

let words: PlainWords | undefined;
let describe: DescribeWords | undefined;

/** Loads the phrasebooks for a language (English: none). */
export async function loadRuleWords(lang: Lang): Promise<void> {
  if (lang === 'nb') {
    const [rules, run] = await Promise.all([import('./plainRulesNb'), import('./describeNb')]);
    words = rules.NB_WORDS;
    describe = run.NB_DESCRIBE;
  } else {
    words = undefined;
    describe = undefined;
  }
}

/** The run-in-words phrasebook, or undefined for English. */
export function describeWords(): DescribeWords | undefined {
  return describe;
}

/** The loaded phrasebook, or undefined for English. */
export function ruleWords(): PlainWords | undefined {
  return words;
}
