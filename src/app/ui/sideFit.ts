// Keeps the whole predict step of the prompt card in view on a short landscape window (a 1280×720
// projector): when the card would scroll while the learner predicts (or the chart would be cut),
// the interventions fold away except those the question names ("Now press …"), with one button to
// show them all. Once the run goes on (or on a taller window) every intervention is back. In every
// step the card keeps at least the height that shows its heading, question, every choice and the
// sketch button (`--prompt-core` on the page's root; the stylesheet gives the card, or the strip's
// band, that room).
import { t } from '../../i18n/i18n';
import { h } from './dom';
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
    button.textContent = t('prompt.showInterventions', { n: hidden });
    // In the panel's heading row, in place of "What they do", so the folded panel is one row high.
    const head = interventions.querySelector('.panel-head') ?? interventions;
    if (button.parentElement !== head) head.append(button);
    return button;
  };

  const root = document.documentElement;
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
  const keepCore = () => {
    const px = coreHeight();
    const want = px > 0 ? `${px}px` : '';
    if (root.style.getPropertyValue('--prompt-core') === want) return;
    if (want) root.style.setProperty('--prompt-core', want);
    else root.style.removeProperty('--prompt-core');
  };

  let busy = false;
  const fit = () => {
    if (busy) return;
    busy = true;
    try {
      keepCore();
      const wasFolded = side.classList.contains('fold-interventions');
      side.classList.remove('fold-interventions');
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
  // A new card or step gets its room before the next picture (one layout read, in the animation
  // frame that lays the page out anyway), so its choices are never cut for the moment the queued
  // fit waits behind the charts' redraws; the fold check still waits its turn. Reading the layout
  // here, in the task that built the card, made that task a long one on a slow laptop.
  let coreAsked = false;
  const cardChanged = () => {
    if (!coreAsked) {
      coreAsked = true;
      requestAnimationFrame(() => {
        coreAsked = false;
        keepCore();
      });
    }
    fitSoon();
  };
  new MutationObserver(cardChanged).observe(prompt, { childList: true, attributes: true, attributeFilter: ['data-step', 'hidden'] });
  new MutationObserver(fitSoon).observe(interventions, { childList: true });
  wide.addEventListener('change', fit);
}
