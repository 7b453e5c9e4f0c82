// Predict → observe → explain: the lesson's prompts, each tied to a moment of the run. The run
// pauses by itself at a prompt's time (and at the lesson's suggested length); the learner commits
// a prediction (src/app/predict/answer.ts), plays on to observe, then opens the explanation. Once
// the run has passed the prompt (or the explanation is open) the answer is locked, and once the
// run reaches the next stop it is set beside what happened (src/app/predict/outcome.ts). The card
// is compact, so a landscape window shows the whole predict step at once: one heading line with a
// small predict → observe → explain stepper (its "Explain" opens the explanation), the question,
// the choices as chips, and the status line. The heading row is kept from card to card and the
// next step of the same prompt changes only what differs (see `show`).
import type { PromptSpec } from '../../../lessons/schema';
import { formatClock } from '../../../viz/format';
import { t } from '../../i18n/i18n';
import type { Session } from '../session';
import type { Charts } from './charts';
import { arrange, h } from './dom';
import { setAttr, setText } from '../../../viz/dom';
import { glossed } from './glossary';
import { later } from '../later';
import { mountAnswer, type AnswerItem } from '../predict/answer';
import { extremesIn, outcomeLines, valueAt, type Observed } from '../predict/outcome';
import { resultBox } from '../predict/resultBox';
import '../predict/predict.css';

export function mountPrompts(root: HTMLElement, session: Session, atEnd: (hours: number) => void, charts?: Charts): void {
  /** The lesson's prompts in time order, each with its index in the lesson (what a prediction names). */
  let items: AnswerItem[] = [];
  let shown = -1;
  let endTick = -1;
  let endHours = 0;
  /** The furthest step this run has reached: a prompt it passed is observed, its answer locked. */
  let furthest = 0;
  /** Prompts (by index) whose explanation was opened: the answer is then locked. */
  let revealed = new Set<number>();
  let cardKey = '';
  const answer = mountAnswer(session, charts);
  // Whether the card is scrolled, kept from its scroll events: reading or setting scrollTop forces
  // a layout, which the card's first build (while the run loads) need not pay.
  let scrolled = false;
  root.addEventListener('scroll', () => (scrolled = root.scrollTop > 0), { passive: true });

  const tickOf = (hours: number) => Math.round((hours * 3600) / session.dt);
  /** Where the observe step of item k ends: the next prompt, or the lesson's end (null: nothing follows). */
  const observeEnd = (k: number): number | null => {
    const next = items[k + 1]?.spec.atHours;
    if (next !== undefined) return next;
    return endHours > items[k].spec.atHours ? endHours : null;
  };
  const locked = (k: number) => revealed.has(items[k].index) || furthest > tickOf(items[k].spec.atHours);
  const observed = (k: number) => {
    const end = observeEnd(k);
    return end !== null && furthest >= tickOf(end);
  };
  const seenOf = (k: number): Observed | null => {
    const w = items[k].spec.watch;
    const end = observeEnd(k);
    if (!w || end === null || !observed(k)) return null;
    const t = session.series.t;
    const v = session.series.get(w.metric);
    const from = items[k].spec.atHours;
    return { from: valueAt(t, v, from), to: valueAt(t, v, end), fromHours: from, toHours: end, ...extremesIn(t, v, from, end) };
  };

  /** The lines of prompt k's result, beside the learner's answer (kindly, whatever it was). */
  const resultLines = (k: number) => outcomeLines(items[k].spec, session.predictions.of(items[k].index), seenOf(k));

  // The card's heading row (its heading and the stepper, whose last step is the explanation's
  // button) is made once and kept: a new prompt or step writes its text and marks in place. A
  // card rebuilt whole removed the heading, which holds the focus after a stop (below), and
  // Chromium lays the whole page out at once when the focused element leaves the page — a forced
  // layout inside the frame's message task, a long task on a slow laptop.
  const heading = h('h2', { tabindex: '-1' });
  const reveal = h('button', { type: 'button', class: 'prompt-reveal' }, t('prompt.stepExplain'));
  const steps = stepper('predict', reveal);
  const head = h('div', { class: 'prompt-head' }, heading, steps);
  // The rest of the card is kept too: the result of the prompt before, the question, the answer
  // (predict/answer.ts keeps its choices), the learner's own result and the explanation. A new
  // prompt writes their words in place, so a stop restyles and lays out what changed, not ~27 new
  // elements (a card built whole at each stop).
  const before = resultBox(false);
  const own = resultBox(true);
  const question = h('p', { class: 'predict' });
  const explain = h('p', { class: 'explain', hidden: true });
  /** The prompts whose question and explanation words the card holds (null: none yet). */
  let questionOf: PromptSpec | null = null;
  let explainOf: PromptSpec | null = null;
  const fillExplain = () => {
    const p = items[shown]?.spec;
    if (!p || explainOf === p) return;
    explain.replaceChildren(...glossed(p.explain));
    explainOf = p;
  };
  const setOpen = (open: boolean) => {
    setAttr(reveal, 'aria-expanded', String(open));
    setAttr(reveal, 'aria-label', open ? t('prompt.hideExplanation') : t('prompt.showExplanation'));
  };
  reveal.addEventListener('click', () => {
    const k = shown;
    if (root.hidden || !items[k]) return;
    const opening = explain.hidden;
    if (opening) fillExplain();
    explain.hidden = !opening;
    setOpen(opening);
    // The explanation gives the answer away: from now on the prediction is locked.
    if (opening && !revealed.has(items[k].index)) {
      revealed = new Set(revealed).add(items[k].index);
      answer.update(k, { locked: true });
      if (!own.el.isConnected && own.fill(t('prompt.yourPrediction'), resultLines(k))) explain.before(own.el);
      markStep(steps, 'explain');
      root.dataset.step = 'explain';
    }
  });

  /** Shows `box` before `next` when `show`, else takes it away. */
  const place = (box: HTMLElement, show: boolean, next: Element) => {
    if (!show) box.remove();
    else if (box.nextElementSibling !== next || box.parentNode !== root) root.insertBefore(box, next);
  };

  /** What the card shows for prompt k: its step and results (a new key, a new card or step). */
  const keyOf = (k: number) => (items[k] ? JSON.stringify([k, locked(k), observed(k), k > 0 && observed(k - 1), revealed.has(items[k].index)]) : 'none');

  const show = (k: number, force = false) => {
    const p = items[k]?.spec;
    const key = keyOf(k);
    if (!force && k === shown && key === cardKey) return;
    const active = document.activeElement;
    const wasInside = root.contains(active);
    const changed = k !== shown;
    shown = k;
    cardKey = key;
    if (!p) {
      root.replaceChildren();
      questionOf = explainOf = null;
      root.hidden = true;
      return;
    }
    root.hidden = false;
    const open = revealed.has(items[k].index);
    const showBefore = k > 0 && observed(k - 1) && before.fill(t('prompt.happenedAfter', { n: k }), resultLines(k - 1));
    const showOwn = (observed(k) || open) && own.fill(t('prompt.yourPrediction'), resultLines(k));
    const step: Step = observed(k) || open ? 'explain' : locked(k) ? 'observe' : 'predict';
    setText(heading, t('prompt.heading', { n: k + 1, count: items.length, time: formatClock(p.atHours) }));
    markStep(steps, step);
    setOpen(open);
    // The stylesheet and ui/sideFit.ts give the predict step the room it needs.
    root.dataset.step = step;
    if (head.parentNode !== root) root.prepend(head);
    if (!changed && !force && questionOf === p && question.parentNode === root) {
      // The same prompt at its next step (locked, observed): its question, choices and explanation
      // stay; the answer follows the lock, and the results come or go.
      answer.update(k, { locked: locked(k) });
      place(before.el, showBefore, question);
      place(own.el, showOwn, explain);
      return;
    }
    // The explanation's words (with their glossary links) are written when it opens, or in a task
    // of their own after the card: a card arriving while the run plays stays one short task.
    if (explainOf !== p) {
      explain.replaceChildren();
      explainOf = null;
    }
    if (explain.hidden === open) explain.hidden = !open;
    if (open) fillExplain();
    else later('prompt-explain', fillExplain);
    // Focus in a part the new prompt changes moves to the heading first (see above).
    if (wasInside && !head.contains(active)) heading.focus({ preventScroll: true });
    if (questionOf !== p) {
      question.replaceChildren(...glossed(p.predict));
      questionOf = p;
    }
    const block = answer.render(items, k, { locked: locked(k), endHours: observeEnd(k) });
    arrange(root, [showBefore ? before.el : null, question, block, showOwn ? own.el : null, explain], head);
    // A new card starts at its top (the result of the last prompt, then the question).
    if (changed && scrolled) {
      root.scrollTop = 0;
      scrolled = false;
    }
  };

  /** The prompt the run has reached: the last one at or before `tick`. */
  const reached = (tick: number) => {
    let k = 0;
    while (k + 1 < items.length && tickOf(items[k + 1].spec.atHours) <= tick) k++;
    return items.length > 0 ? k : -1;
  };

  session.on('load', (info) => {
    const prompts: PromptSpec[] = info.scenario.lesson?.prompts ?? [];
    items = prompts.map((spec, index) => ({ spec, index })).sort((a, b) => a.spec.atHours - b.spec.atHours);
    const hours = info.scenario.lesson?.hours;
    endHours = hours ?? 0;
    endTick = hours ? Math.round((hours * 3600) / info.dtSeconds) : -1;
    session.stops = [...prompts.filter((p) => p.atHours > 0).map((p) => Math.round((p.atHours * 3600) / info.dtSeconds)), ...(endTick > 0 ? [endTick] : [])].sort((a, b) => a - b);
    furthest = info.tick;
    revealed = new Set();
    answer.load(info, items);
    // The prompt the run has reached (as when playing there): the last one at or before now.
    show(reached(info.tick), true);
  });
  // Stepping past a prompt's time (Step, → key) moves the card on without pausing.
  session.on('frame', (f) => {
    furthest = Math.max(furthest, f.tick, session.timeline?.frontier ?? 0);
    const k = Math.max(shown, reached(f.tick));
    // The card re-renders when the prompt, its lock or what has been observed changes: in a task of
    // its own, not inside the worker's answer that brought the frame (at Play the card turns to its
    // observe step there, beside the charts' and views' work on the same frame). A stop shows its
    // card at once ('stopped', below), and this job then finds nothing new.
    if (k === shown && keyOf(k) === cardKey) return;
    later('prompt-card', () => show(Math.max(shown, reached(session.frame?.tick ?? f.tick))));
  });
  session.predictions.on('change', () => {
    if (shown >= 0) answer.changed(shown);
  });
  session.on('stopped', (tick) => {
    if (tick === endTick) atEnd((tick * session.dt) / 3600);
    const k = items.findIndex((it) => tickOf(it.spec.atHours) === tick);
    if (k >= 0) {
      if (k !== shown) show(k);
      // Focus (which lays the page out) moves to the card in a task of its own, after the card is built.
      later('prompt-focus', () => {
        if (shown !== k || root.hidden) return;
        heading.focus();
      });
    }
  });
}

type Step = 'predict' | 'observe' | 'explain';
const STEPS: Step[] = ['predict', 'observe', 'explain'];

/** The three steps of a prompt as a small list, the last one the explanation's button; the one the learner is at is marked. */
function stepper(at: Step, explain: HTMLButtonElement): HTMLOListElement {
  const words: Record<Step, Node | string> = { predict: t('prompt.stepPredict'), observe: t('prompt.stepObserve'), explain };
  const list = h('ol', { class: 'prompt-steps', 'aria-label': t('prompt.steps') }, ...STEPS.map((s) => h('li', { 'data-step': s }, words[s])));
  markStep(list, at);
  return list;
}

function markStep(list: HTMLOListElement, at: Step): void {
  const k = STEPS.indexOf(at);
  list.querySelectorAll('li').forEach((li, i) => {
    li.classList.toggle('done', i < k);
    setAttr(li, 'aria-current', i === k ? 'step' : null);
  });
}
