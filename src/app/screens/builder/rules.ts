// The experiment's rules in plain words (src/lab/plainRules.ts), redrawn with every edit; each
// number that has a field in the builder is a button that takes the keyboard to that field.
import { partText, plainRules, type Sentence } from '../../../lab/plainRules';
import type { ScenarioFile } from '../../../../lessons/scenarioFile';
import { ruleWords } from '../../../lab/i18n/ruleWords';
import { h } from '../../ui/dom';
import { t } from './messages';

function sentence(s: Sentence, root: HTMLElement): HTMLElement {
  const li = h('li');
  for (const p of s) {
    if (typeof p === 'string') {
      li.append(p);
      continue;
    }
    const field = root.querySelector<HTMLElement>(`[data-path="${CSS.escape(p.path)}"]`);
    if (!field) {
      li.append(h('strong', { class: 'rule-number', 'data-path': p.path }, partText(p, ruleWords())));
      continue;
    }
    const b = h('button', { type: 'button', class: 'rule-number link', title: t('builder.rules.goTo') }, partText(p, ruleWords()));
    b.addEventListener('click', () => {
      field.scrollIntoView({ block: 'center' });
      field.focus();
    });
    li.append(b);
  }
  return li;
}

/** The rules section; call after the fields are in `root`, so numbers can link to them. */
export function rulesSection(s: ScenarioFile, root: HTMLElement): HTMLElement {
  const groups = plainRules(s, ruleWords());
  return h(
    'section',
    { class: 'bsection brules', 'aria-labelledby': 'b-rules-h' },
    h('h3', { id: 'b-rules-h' }, t('builder.rules.heading')),
    groups.length === 0 ? h('p', { class: 'help' }, t('builder.rules.nothing')) : null,
    ...groups.map((g) => h('div', { class: 'rules-group' }, h('h4', {}, g.title), h('ul', {}, ...g.sentences.map((x) => sentence(x, root))))),
  );
}
