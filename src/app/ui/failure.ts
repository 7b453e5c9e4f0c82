// What the page says when the engine worker fails: plain words, what is kept, and buttons to
// continue where the run was or start the lesson again; while Continue steps the run back to
// that moment, a progress bar. Nothing else on the page freezes.
import { formatClock } from '../../../viz/format';
import type { Session } from '../session';
import { h, replace } from './dom';
import { t } from '../../i18n/i18n';

export function mountFailure(root: HTMLElement, session: Session, startAgain: () => void): void {
  /** The progress bar while Continue steps the run back to where it was (null: not doing so). */
  let progress: HTMLProgressElement | null = null;
  session.on('recovering', (done, total) => {
    if (!progress) return;
    progress.max = Math.max(1, total);
    progress.value = done;
    if (done >= total) {
      progress = null;
      root.hidden = true;
    }
  });
  session.on('failure', (message, hours) => {
    progress = null;
    const resume = h('button', { type: 'button', class: 'primary', id: 'restart' }, hours === null ? t('failure.restart') : t('failure.continueFrom', { time: formatClock(hours) }));
    const fresh = h('button', { type: 'button' }, t('failure.startAgain'));
    resume.addEventListener('click', () => {
      if (hours === null) root.hidden = true;
      else {
        const id = 'failure-progress-label';
        progress = h('progress', { max: 1, value: 0, 'aria-labelledby': id }) as HTMLProgressElement;
        replace(root, h('p', { id }, t('failure.catchingUp', { time: formatClock(hours) })), progress);
      }
      void session.restart();
    });
    fresh.addEventListener('click', () => {
      root.hidden = true;
      startAgain();
    });
    replace(
      root,
      h('h2', {}, t('failure.heading')),
      h('p', {}, t('failure.problem', { message })),
      h('p', {}, hours === null ? t('failure.noSavedPoint') : t('failure.nothingLost', { time: formatClock(hours) })),
      h('div', { class: 'row' }, resume, fresh),
    );
    root.hidden = false;
    resume.focus();
  });
  session.on('load', () => {
    // Continue loads the snapshot first, then steps on: the progress stays until it is there.
    if (!progress) root.hidden = true;
  });
}
