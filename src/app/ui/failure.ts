// What the page says when the engine worker fails: plain words, what is kept, and buttons to
// continue from the last snapshot or start the lesson again. Nothing else on the page freezes.
import { formatClock } from '../../../viz/format';
import type { Session } from '../session';
import { h, replace } from './dom';

export function mountFailure(root: HTMLElement, session: Session, startAgain: () => void): void {
  session.on('failure', (message, hours) => {
    const resume = h('button', { type: 'button', class: 'primary', id: 'restart' }, hours === null ? 'Restart the simulation' : `Continue from ${formatClock(hours)}`);
    const fresh = h('button', { type: 'button' }, 'Start the lesson again');
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
      h('h2', {}, 'The simulation stopped working'),
      h('p', {}, `The engine ran into a problem and had to stop. The rest of the page still works. (${message})`),
      h('p', {}, hours === null ? 'No saved point yet: restarting begins the run again.' : `Nothing is lost: Continue goes on from ${formatClock(hours)} of simulated time, the last saved point, with every change you made since.`),
      h('div', { class: 'row' }, resume, fresh),
    );
    root.hidden = false;
    resume.focus();
  });
  session.on('load', () => {
    root.hidden = true;
  });
}
