// What the page says when the engine worker fails: plain words, what is kept, and buttons to
// continue from the last snapshot or start the lesson again. Nothing else on the page freezes.
import { formatClock } from '../../../viz/format';
import type { Session } from '../session';
import { h, replace } from './dom';
import { t } from '../../i18n/i18n';

export function mountFailure(root: HTMLElement, session: Session, startAgain: () => void): void {
  session.on('failure', (message, hours) => {
    const resume = h('button', { type: 'button', class: 'primary', id: 'restart' }, hours === null ? t('failure.restart') : t('failure.continueFrom', { time: formatClock(hours) }));
    const fresh = h('button', { type: 'button' }, t('failure.startAgain'));
    resume.addEventListener('click', () => {
      root.hidden = true;
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
    root.hidden = true;
  });
}
