// "About this lesson": the lesson's introduction in a short dialog opened from the header — its
// title and whole question, its paragraphs in plain language, what is simplified (said out loud),
// and its sources, with a way on to the model's rules in plain words (modelRules.ts). Text only (textContent): a lesson file is data. Glossary terms in the text
// explain themselves on hover, focus or tap (glossary.ts).
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import type { Session } from '../session';
import { h, replace } from './dom';
import { glossed } from './glossary';
import { mountTextDialog } from './textDialog';
import { t } from '../../i18n/i18n';

export interface About {
  open(): void;
}

function build(s: ScenarioFile): HTMLElement[] {
  const l = s.lesson;
  const out: HTMLElement[] = [h('p', { class: 'about-question' }, s.question)];
  if (!l || l.paragraphs.length === 0) out.push(h('p', {}, t('about.noText')));
  else for (const p of l.paragraphs) out.push(h('p', {}, ...glossed(p)));
  if (l?.simplified) out.push(h('div', { class: 'simplified' }, h('h3', {}, t('about.simplified')), h('p', {}, ...glossed(l.simplified))));
  if (l && l.sources.length > 0) out.push(h('details', {}, h('summary', {}, t('about.sources', { count: l.sources.length })), h('ul', { class: 'sources' }, ...l.sources.map((x) => h('li', {}, x)))));
  return out;
}

export function mountAbout(session: Session, openRules: () => void): About {
  const title = h('h2', { id: 'about-h' }, t('about.heading'));
  const body = h('div', { class: 'about-body' });
  const rules = h('button', { type: 'button', id: 'model-rules-open', 'aria-haspopup': 'dialog' }, t('about.rules'));
  const dialog = mountTextDialog('about', title, [body], [rules]);
  rules.addEventListener('click', () => {
    dialog.close();
    openRules();
  });
  // The text is built when the dialog opens, not when a run loads: most visits never open it, and
  // building it (the glossary's marks) cost the first picture time.
  let unbuilt: ScenarioFile | null = null;
  session.on('load', (info) => {
    title.textContent = info.scenario.title;
    unbuilt = info.scenario;
  });
  return {
    open() {
      if (unbuilt) {
        replace(body, ...build(unbuilt));
        unbuilt = null;
      }
      if (!dialog.open) dialog.showModal();
      body.scrollTop = 0;
    },
  };
}
