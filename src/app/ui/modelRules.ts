// "How does the model work?": the current run's rules in plain words (src/lab/plainRules.ts) in a
// dialog, grouped by cell kind, vesicles, places and blood. The numbers are the run's live values;
// in Lab mode each one that is a setting on the Settings panel is a button that goes to its field.
// Text only (textContent): names in a scenario file are data.
type Phrasebook = typeof import('../../lab/plainRules');
import type { Session } from '../session';
// The phrasebook loads the first time the dialog opens (few visits open it): not in the first load.
import type { RuleGroup, Sentence } from '../../lab/plainRules';
import { h, replace } from './dom';
import { mountTextDialog } from './textDialog';
import { ruleWords } from '../../lab/i18n/ruleWords';
import { t } from '../../i18n/i18n';

export interface ModelRules {
  open(): void;
}

/** The settings field for a path, if the Settings panel shows it (Lab mode). */
function fieldFor(path: string): HTMLElement | null {
  const el = document.querySelector<HTMLElement>(`#settings [data-path="${CSS.escape(path)}"]`);
  return el && el.offsetParent !== null ? el : null;
}

function sentence(s: Sentence, go: (path: string) => void, partText: Phrasebook['partText']): HTMLElement {
  const li = h('li');
  for (const p of s) {
    if (typeof p === 'string') li.append(p);
    else if (fieldFor(p.path)) li.append(h('button', { type: 'button', class: 'rule-number link', 'data-path': p.path, title: t('rules.goTo', { path: p.path }), onclick: () => go(p.path) }, partText(p, ruleWords())));
    else li.append(h('strong', { class: 'rule-number', 'data-path': p.path }, partText(p, ruleWords())));
  }
  return li;
}

function group(g: RuleGroup, go: (path: string) => void, partText: Phrasebook['partText']): HTMLElement {
  return h('section', { class: `rules-group rules-${g.kind}` }, h('h3', {}, g.title), h('ul', {}, ...g.sentences.map((s) => sentence(s, go, partText))));
}

export function mountModelRules(session: Session): ModelRules {
  const title = h('h2', { id: 'model-rules-h' }, t('rules.heading'));
  const intro = h('p', { class: 'help' }, t('rules.intro'));
  // Focusable, so the keyboard can scroll a long list (it may hold no button in Learn mode).
  const body = h('div', { class: 'about-body model-rules-body', tabindex: 0, role: 'region', 'aria-label': t('rules.label') });
  const dialog = mountTextDialog('model-rules', title, [intro, body]);

  const go = (path: string) => {
    dialog.close();
    const field = fieldFor(path);
    const input = field?.querySelector<HTMLElement>('input, select') ?? field;
    input?.scrollIntoView({ block: 'center' });
    input?.focus();
  };
  let phrasebook: Phrasebook | null = null;
  let loading: Promise<void> | null = null;
  const render = () => {
    const words = phrasebook;
    if (session.scenario && words) replace(body, ...words.plainRules(session.scenario, ruleWords()).map((g) => group(g, go, words.partText)));
  };
  // Live: drawn again when a run loads and whenever a setting changes during it.
  session.on('load', () => dialog.open && render());
  session.on('scenario', () => dialog.open && render());
  return {
    open() {
      loading ??= import('../../lab/plainRules').then(
        (m) => {
          phrasebook = m;
        },
        (e: unknown) => {
          loading = null;
          replace(body, h('p', { class: 'help' }, t('load.rulesFailed', { error: e instanceof Error ? e.message : String(e) })));
        },
      );
      if (phrasebook) render();
      else void loading.then(() => dialog.open && render());
      if (!dialog.open) dialog.showModal();
      body.scrollTop = 0;
    },
  };
}
