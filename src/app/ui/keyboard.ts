// Keyboard shortcuts for the whole page: Space plays or pauses, → steps, R resets (undoable from
// the message strip), Ctrl+Z (⌘Z) takes back the last change that replaced or cut the run. They
// stay out of the way while typing in a field or using a control that needs those keys itself.
import type { Session } from '../session';

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !['checkbox', 'radio', 'button'].includes((target as HTMLInputElement).type);
  return false;
}

export function mountKeyboard(session: Session, reset: () => void, undo?: () => void): void {
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.altKey || typing(e.target)) return;
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && (e.key === 'z' || e.key === 'Z') && undo) {
      e.preventDefault();
      undo();
      return;
    }
    if (e.ctrlKey || e.metaKey) return;
    const onButton = e.target instanceof HTMLButtonElement || (e.target instanceof HTMLElement && e.target.tagName === 'SUMMARY') || (e.target instanceof HTMLInputElement && e.target.type !== 'text');
    if (e.key === ' ' && !onButton) {
      e.preventDefault();
      session.toggle();
    } else if (e.key === 'ArrowRight' && !(e.target instanceof HTMLInputElement)) {
      e.preventDefault();
      void session.stepBy();
    } else if ((e.key === 'r' || e.key === 'R') && !e.shiftKey) {
      e.preventDefault();
      reset();
    }
  });
}
