// The lesson's text: its paragraphs in plain language, what is simplified (said out loud), and
// its sources, in a section that starts open and can be folded away. Glossary terms in the
// text explain themselves on hover, focus or tap (glossary.ts).
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import type { Session } from '../session';
import { h, replace } from './dom';
import { glossed } from './glossary';

function build(s: ScenarioFile): HTMLElement[] {
  const l = s.lesson;
  const out: HTMLElement[] = [];
  if (!l || l.paragraphs.length === 0) out.push(h('p', {}, s.question || 'Press Play and watch which cells the vesicles reach.'));
  else for (const p of l.paragraphs) out.push(h('p', {}, ...glossed(p)));
  if (l?.simplified) out.push(h('div', { class: 'simplified' }, h('h3', {}, 'What is simplified'), h('p', {}, ...glossed(l.simplified))));
  if (l && l.sources.length > 0) out.push(h('details', {}, h('summary', {}, `Sources (${l.sources.length})`), h('ul', { class: 'sources' }, ...l.sources.map((x) => h('li', {}, x)))));
  return out;
}

export function mountAbout(root: HTMLElement, session: Session): void {
  const body = h('div', { class: 'about-body' });
  const details = h('details', { open: true }, h('summary', {}, h('h2', { id: 'about-h' }, 'About this lesson')), body);
  root.append(details);
  let id = '';
  session.on('load', (info) => {
    if (info.scenario.id === id) return;
    id = info.scenario.id;
    replace(body, ...build(info.scenario));
  });
}
