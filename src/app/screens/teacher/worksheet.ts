// A printable student worksheet for one lesson: the lesson's question, a short link to open it
// (text, no QR code), and predict / observe / explain boxes for each of its three prompts, with
// room to answer the question at the end. The prompts' answers are not on it.
import type { ScenarioFile } from '../../../../lessons/scenarioFile';
import { shortLessonLink } from '../../../lab';
import { h } from '../../ui/dom';
import { promptTime } from './notes';

const box = (label: string, hint: string) => h('div', { class: 'w-box' }, h('p', { class: 'w-label' }, h('strong', {}, label), ` ${hint}`), h('div', { class: 'w-space', 'aria-hidden': 'true' }));

export function worksheet(s: ScenarioFile, base: string): HTMLElement {
  const L = s.lesson;
  const id = `w-${s.id}-h`;
  return h(
    'article',
    { class: 'w-sheet', 'aria-labelledby': id, 'data-lesson': s.id },
    h('p', { class: 't-kicker' }, 'Cellpost worksheet'),
    h('h2', { id }, s.title),
    h('div', { class: 'w-name' }, h('span', {}, 'Name: ', h('span', { class: 'w-line' })), h('span', {}, 'Class: ', h('span', { class: 'w-line short' })), h('span', {}, 'Date: ', h('span', { class: 'w-line short' }))),
    h('p', { class: 'w-question' }, h('strong', {}, 'The question: '), s.question),
    h('p', { class: 'w-link' }, 'Open the lesson: ', h('code', { class: 't-url' }, shortLessonLink(s.id, base)), ' — the run pauses at each step below and asks you first.'),
    h(
      'ol',
      { class: 'w-steps' },
      ...(L?.prompts ?? []).map((p, i) =>
        h(
          'li',
          { class: 'w-step' },
          h('h3', {}, `Step ${i + 1}, ${promptTime(p.atHours)}`),
          h('p', { class: 'w-prompt' }, p.predict),
          box('Predict:', 'what do you think will happen, and why?'),
          box('Observe:', 'what did the run show? Use the tissue and the charts.'),
          box('Explain:', 'why did it happen? Was your prediction right?'),
        ),
      ),
    ),
    h('section', { class: 'w-final', 'aria-labelledby': `${id}-end` }, h('h3', { id: `${id}-end` }, 'Your answer to the question'), box('', s.question)),
  );
}
