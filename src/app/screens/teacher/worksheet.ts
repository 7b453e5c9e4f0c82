// A printable student worksheet for one lesson: the lesson's question, a short link to open it
// (text, no QR code), and predict / observe / explain boxes for each of its prompts — with the
// prompt's choices as tick boxes, and an empty pair of axes to sketch in where the app lets a
// student sketch the curve — and room to answer the question at the end. No answers on it.
import type { PromptSpec } from '../../../../lessons/schema';
import type { ScenarioFile } from '../../../../lessons/scenarioFile';
import { formatClock } from '../../../../viz/format';
import { shortLessonLink } from '../../../lab';
import { h } from '../../ui/dom';
import { t } from './messages';
import { promptTime } from './notes';
import { sketchWindow } from './sketchWindow';

const SVG = 'http://www.w3.org/2000/svg';

const box = (label: string, hint: string) => h('div', { class: 'w-box' }, h('p', { class: 'w-label' }, label ? h('strong', {}, label) : null, label ? ' ' : null, hint), h('div', { class: 'w-space', 'aria-hidden': 'true' }));

/** The choices a student can commit to in the app, as boxes to tick (one). */
function choiceBoxes(p: PromptSpec): HTMLElement | null {
  if (!p.choices || p.choices.length === 0) return null;
  return h(
    'div',
    { class: 'w-choices' },
    h('p', { class: 'w-label' }, h('strong', {}, t('teacher.sheet.tick'))),
    h('ul', { class: 'w-choice-list' }, ...p.choices.map((c) => h('li', { class: 'w-choice' }, h('span', { class: 'w-tick', 'aria-hidden': 'true' }), c.label))),
  );
}

/** An empty pair of axes (time from `from` to `to` hours, the watched metric up) to sketch the curve in. */
function sketchBox(p: PromptSpec, from: number, to: number): HTMLElement {
  const label = p.watch?.label ?? '';
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 640 220');
  svg.setAttribute('class', 'w-axes');
  svg.setAttribute('aria-hidden', 'true');
  const el = (name: string, attrs: Record<string, string | number>, text?: string) => {
    const e = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    svg.append(e);
    return e;
  };
  const [x0, x1, y0, y1] = [56, 620, 190, 14];
  el('line', { x1: x0, y1: y0, x2: x1, y2: y0, stroke: '#000', 'stroke-width': 1.5 });
  el('line', { x1: x0, y1: y0, x2: x0, y2: y1, stroke: '#000', 'stroke-width': 1.5 });
  el('path', { d: `M${x1} ${y0} l-9 -4 v8 z M${x0} ${y1} l-4 9 h8 z`, fill: '#000' });
  for (const [x, hours, anchor] of [
    [x0, from, 'start'],
    [(x0 + x1) / 2, (from + to) / 2, 'middle'],
    [x1, to, 'end'],
  ] as const) {
    el('line', { x1: x, y1: y0, x2: x, y2: y0 + 5, stroke: '#000' });
    el('text', { x, y: y0 + 22, 'text-anchor': anchor, 'font-size': 16 }, formatClock(hours));
  }
  el('text', { x: 20, y: (y0 + y1) / 2, 'text-anchor': 'middle', 'font-size': 16, transform: `rotate(-90 20 ${(y0 + y1) / 2})` }, label);
  return h('div', { class: 'w-sketch' }, h('p', { class: 'w-label' }, h('strong', {}, t('teacher.sheet.sketch')), ' ', t('teacher.sheet.sketchHint', { label, from: formatClock(from), to: formatClock(to) })), svg);
}

export function worksheet(s: ScenarioFile, base: string): HTMLElement {
  const L = s.lesson;
  const id = `w-${s.id}-h`;
  const prompts = L?.prompts ?? [];
  return h(
    'article',
    { class: 'w-sheet', 'aria-labelledby': id, 'data-lesson': s.id },
    h('p', { class: 't-kicker' }, t('teacher.sheet.kicker')),
    h('h2', { id }, s.title),
    h(
      'div',
      { class: 'w-name' },
      h('span', {}, t('teacher.sheet.name'), ' ', h('span', { class: 'w-line' })),
      h('span', {}, t('teacher.sheet.class'), ' ', h('span', { class: 'w-line short' })),
      h('span', {}, t('teacher.sheet.date'), ' ', h('span', { class: 'w-line short' })),
    ),
    h('p', { class: 'w-question' }, h('strong', {}, t('teacher.sheet.question')), ' ', s.question),
    h('p', { class: 'w-link' }, t('teacher.sheet.open'), ' ', h('code', { class: 't-url' }, shortLessonLink(s.id, base)), ' ', t('teacher.sheet.openAfter')),
    h(
      'ol',
      { class: 'w-steps' },
      ...prompts.map((p, i) => {
        const sketch = sketchWindow(prompts, i, L?.hours);
        return h(
          'li',
          { class: 'w-step' },
          h('h3', {}, t('teacher.sheet.step', { n: i + 1, when: promptTime(p.atHours) })),
          h('p', { class: 'w-prompt' }, p.predict),
          choiceBoxes(p),
          sketch ? sketchBox(p, sketch.from, sketch.to) : null,
          box(t('teacher.sheet.predict'), t('teacher.sheet.predictHint')),
          box(t('teacher.sheet.observe'), t('teacher.sheet.observeHint')),
          box(t('teacher.sheet.explain'), t('teacher.sheet.explainHint')),
        );
      }),
    ),
    h('section', { class: 'w-final', 'aria-labelledby': `${id}-end` }, h('h3', { id: `${id}-end` }, t('teacher.sheet.answer')), box('', s.question)),
  );
}
