// The phrasebook of "the rules in plain words" for the current language, loaded with the language
// (English needs none: src/lab/plainRules.ts has it), so English pages do not download bokmål's.
import type { PlainWords } from '../lab/plainRules';
import type { Lang } from './languages';

let words: PlainWords | undefined;

/** Loads the phrasebook for a language (English: none). */
export async function loadRuleWords(lang: Lang): Promise<void> {
  words = lang === 'nb' ? (await import('./plainRulesNb')).NB_WORDS : undefined;
}

/** The loaded phrasebook, or undefined for English. */
export function ruleWords(): PlainWords | undefined {
  return words;
}
