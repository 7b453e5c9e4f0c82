// Keeps the whole predict step of the prompt card in view on a short landscape window (a 1280×720
// projector): when the card would scroll while the learner predicts (or the chart would be cut),
// the interventions fold away except those the question names ("Now press …"), with one button to
// show them all. Once the run goes on (or on a taller window) every intervention is back. In every
// step the card keeps at least the height that shows its heading, question, every choice and the
// sketch button (`--prompt-core` on the card, `--band-room` on the strip's band; the stylesheet
// gives the card, or the band, that room).
import { t } from '../../i18n/i18n';
import { h } from './dom';
import { setText } from '../../../viz/dom';
import { later } from '../later';

/** Where the side column stands beside the stage (phones and the strip's band flow otherwise). */
// i18n-exempt: a CSS media query, not words
const LANDSCAPE = '(orientation: landscape) and (min-width: 900px)';

export function mountSideFit(side: HTMLElement, prompt: HTMLElement, interventions: HTMLElement): void {
  const wide = window.matchMedia(LANDSCAPE);
  /** The card (its prompt and step) the learner unfolded the interventions for. */
  let unfoldedFor = '';
  let button: HTMLButtonElement | null = null;

  const cardId = () => `${prompt.querySelector('h2')?.textContent ?? ''}|${prompt.dataset.step ?? ''}`;
  const scrolls = (e: Element) => e.scrollHeight > e.clientHeight + 1;
  /** The card would scroll, or the chart shown has less room than it draws in. */
  const overflows = () => scrolls(prompt) || Array.from(side.querySelectorAll('#charts .chart-box')).some((b) => !(b as HTMLElement).hidden && scrolls(b));

  /** Marks the interventions the question names: they stay when the rest fold. */
  const markNamed = () => {
    const question = prompt.querySelector('.predict')?.textContent ?? '';
    for (const li of interventions.querySelectorAll<HTMLLIElement>('ul.interventions > li')) {
      const label = li.querySelector('button')?.textContent?.trim() ?? '';
      li.classList.toggle('named', label !== '' && question.includes(label));
    }
  };

  const unfoldButton = (hidden: number): HTMLButtonElement => {
    if (!button) {
      button = h('button', { type: 'button', class: 'small side-unfold', 'aria-expanded': 'false' });
      button.addEventListener('click', () => {
        unfoldedFor = cardId();
        fit();
        interventions.querySelector<HTMLButtonElement>('ul.interventions > li button')?.focus();
      });
    }
    setText(button, t('prompt.showInterventions', { n: hidden }));
    // In the panel's heading row, in place of "What they do", so the folded panel is one row high.
    const head = interventions.querySelector('.panel-head') ?? interventions;
    if (button.parentElement !== head) head.append(button);
    return button;
  };

  const lesson = side.closest<HTMLElement>('.lesson');
  const canvasBox = document.getElementById('canvas-box');
  /** The card's height from its top to below its last choice, or its sketch button (0: no choices shown). */
  const coreHeight = (): number => {
    const choices = prompt.querySelector('.predict-choices');
    if (prompt.hidden || !choices) return 0;
    const card = prompt.getBoundingClientRect();
    const style = getComputedStyle(prompt);
    const below = parseFloat(style.paddingBottom) + parseFloat(style.borderBottomWidth);
    // The sketch button is the choices' other way to predict: the card keeps it whole too.
    const sketch = prompt.querySelector('.predict-sketch-row')?.getBoundingClientRect();
    const bottom = Math.max(choices.getBoundingClientRect().bottom, sketch && sketch.height > 0 ? sketch.bottom : 0);
    return Math.ceil(bottom - card.top + prompt.scrollTop + below);
  };

  // The room is written on the elements that use it (the card; the lesson's grid and the stage's
  // box, for the strip's band), never on the page's root: a custom property changed on the root
  // restyles every element of the page. `--prompt-core` and `--band-room` do not inherit (styles.css).
  let written = '';
  let wanted = '';
  let writeAsked = false;
  const write = () => {
    writeAsked = false;
    if (wanted === written) return;
    written = wanted;
    for (const [e, name] of [[prompt, '--prompt-core'], [lesson, '--band-room'], [canvasBox, '--band-room']] as const) {
      if (!e) continue;
      if (written) e.style.setProperty(name, written);
      else e.style.removeProperty(name);
    }
  };
  // Under a strip (the band under the stage) the room changes only when a card arrives at its
  // predict step (a stop, where the card changes anyway), the card goes, or the window changes
  // size: through the observe and explain steps it stays at least what the predict step had, so
  // pressing Play does not resize the stage, the band and the charts (a card whose choices lock
  // takes less height). Each such resize was a frame of style, layout and redrawn canvases and
  // charts, and the picture the learner is about to watch jumped as the run started. Beside the
  // stage (the side column) the stage keeps its size whatever the card does, and the room there
  // follows the card: the interventions unfold at Play, and a card kept at its predict height
  // would push the chart out of the column.
  let sized = false;
  window.addEventListener('resize', () => (sized = true));
  /** Takes the card's core height (measured where the page is laid out) and writes its room in the next animation frame. */
  const keepCore = (px: number) => {
    const kept = parseFloat(wanted) || 0;
    const strip = document.documentElement.dataset.stageShape === 'strip';
    const steady = strip && !sized && !prompt.hidden && prompt.dataset.step !== 'predict';
    sized = false;
    const room = steady ? Math.max(px, kept) : px;
    wanted = room > 0 ? `${room}px` : '';
    // Written before the next frame's own style and layout (a pure write, no read): a write here,
    // inside the resize observers' turn, would resize observed boxes after they were reported.
    if (wanted !== written && !writeAsked) {
      writeAsked = true;
      requestAnimationFrame(write);
    }
  };

  let busy = false;
  const fit = () => {
    if (busy) return;
    busy = true;
    try {
      const wasFolded = side.classList.contains('fold-interventions');
      // Unfolded to measure; a column not folded is not written (a class removed that is not there is still a write of the attribute).
      if (wasFolded) side.classList.remove('fold-interventions');
      const strip = document.documentElement.dataset.stageShape === 'strip';
      const predicting = prompt.dataset.step === 'predict' && !prompt.hidden;
      const count = interventions.querySelectorAll('ul.interventions > li').length;
      if (!wide.matches || strip || !predicting || count === 0 || unfoldedFor === cardId() || !overflows()) {
        button?.remove();
        return;
      }
      markNamed();
      const hidden = interventions.querySelectorAll('ul.interventions > li:not(.named)').length;
      if (hidden === 0) return;
      side.classList.add('fold-interventions');
      unfoldButton(hidden);
      // Focus that sat on a button now folded away goes to the button that brings them back.
      if (!wasFolded && interventions.contains(document.activeElement) && (document.activeElement as HTMLElement).offsetParent === null) button?.focus();
    } finally {
      busy = false;
    }
  };

  // A change of size or content is checked in a task of its own (fitting reads the layout twice):
  // inside the frame that resized the column, with the charts' own redraws, it made a long task.
  const fitSoon = () => later('side-fit', fit);
  const sizes = new ResizeObserver(fitSoon);
  sizes.observe(side);
  sizes.observe(prompt);
  // A card's room is measured from a resize observer's report on its choices (and sketch button):
  // the observer reports after the page's own layout, so reading the card's boxes there lays out
  // nothing. Measured in an animation frame after the card changed, it forced the page's layout
  // inside that frame's task, with the frame's drawing (a long task on a slow laptop). A new card
  // or step observes its choices afresh, which makes the observer report once more.
  const cores = new ResizeObserver(() => keepCore(coreHeight()));
  let watched: Element[] = [];
  const cardChanged = () => {
    for (const e of watched) cores.unobserve(e);
    watched = Array.from(prompt.querySelectorAll('.predict-choices, .predict-sketch-row'));
    for (const e of watched) cores.observe(e);
    if (watched.length === 0 || prompt.hidden) keepCore(0);
    fitSoon();
  };
  cardChanged();
  new MutationObserver(cardChanged).observe(prompt, { childList: true, attributes: true, attributeFilter: ['data-step', 'hidden'] });
  new MutationObserver(fitSoon).observe(interventions, { childList: true });
  wide.addEventListener('change', fit);
}
