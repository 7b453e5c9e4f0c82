// Predict → observe → explain: the lesson's prompts, each tied to a moment of the run. The run
// pauses by itself at a prompt's time (and at the lesson's suggested length); the learner writes
// down a prediction, plays on to observe, then opens the explanation.
import type { PromptSpec } from '../../../lessons/schema';
import { formatClock } from '../../../viz/format';
import type { Session } from '../session';
import { h, replace } from './dom';
import { glossed } from './glossary';

export function mountPrompts(root: HTMLElement, session: Session, atEnd: (hours: number) => void): void {
  let prompts: PromptSpec[] = [];
  let shown = -1;
  let endTick = -1;

  const show = (k: number) => {
    shown = k;
    const p = prompts[k];
    if (!p) {
      replace(root);
      root.hidden = true;
      return;
    }
    root.hidden = false;
    const reveal = h('button', { type: 'button', class: 'small', 'aria-expanded': 'false' }, 'Show the explanation');
    const explain = h('p', { class: 'explain', hidden: true }, ...glossed(p.explain));
    reveal.addEventListener('click', () => {
      const open = explain.hidden;
      explain.hidden = !open;
      reveal.setAttribute('aria-expanded', String(open));
      reveal.textContent = open ? 'Hide the explanation' : 'Show the explanation';
    });
    replace(
      root,
      h('h2', {}, `Predict, then observe (${k + 1} of ${prompts.length}, at ${formatClock(p.atHours)})`),
      h('p', { class: 'predict' }, ...glossed(p.predict)),
      h('div', { class: 'row' }, reveal),
      explain,
    );
  };

  session.on('load', (info) => {
    prompts = [...(info.scenario.lesson?.prompts ?? [])].sort((a, b) => a.atHours - b.atHours);
    const hours = info.scenario.lesson?.hours;
    endTick = hours ? Math.round((hours * 3600) / info.dtSeconds) : -1;
    session.stops = [...prompts.filter((p) => p.atHours > 0).map((p) => Math.round((p.atHours * 3600) / info.dtSeconds)), ...(endTick > 0 ? [endTick] : [])].sort((a, b) => a - b);
    // The prompt the run has reached (as when playing there): the last one at or before now.
    let k = 0;
    while (k + 1 < prompts.length && Math.round((prompts[k + 1].atHours * 3600) / info.dtSeconds) <= info.tick) k++;
    show(prompts.length > 0 ? k : -1);
  });
  // Stepping past a prompt's time (Step, → key) moves the card on without pausing.
  session.on('frame', (f) => {
    let k = shown;
    while (k + 1 < prompts.length && Math.round((prompts[k + 1].atHours * 3600) / session.dt) <= f.tick) k++;
    if (k !== shown) show(k);
  });
  session.on('stopped', (tick) => {
    if (tick === endTick) atEnd((tick * session.dt) / 3600);
    const k = prompts.findIndex((p) => Math.round((p.atHours * 3600) / session.dt) === tick);
    if (k >= 0) {
      if (k !== shown) show(k);
      root.querySelector('h2')?.setAttribute('tabindex', '-1');
      (root.querySelector('h2') as HTMLElement | null)?.focus();
    }
  });
}
