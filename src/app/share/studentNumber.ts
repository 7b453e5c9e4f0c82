// The question a class link (class=C) asks before its lesson opens: "Your student number", so each
// student runs with a seed of their own, classSeed(C, number) (src/lab/class/seed.ts). A small
// modal form; Escape or "Skip" opens the class's shared run instead.
import { MAX_STUDENT, readWholeNumber } from '../../lab';
import { h } from '../ui/dom';
import { t } from '../../i18n/i18n';

/** Asks for the student's number in class `classCode`: the number, or null when skipped. */
export function askStudentNumber(classCode: number): Promise<number | null> {
  return new Promise((done) => {
    const input = h('input', { type: 'text', id: 'student-number', inputmode: 'numeric', class: 'num short', maxlength: 3, autocomplete: 'off', required: true, 'aria-describedby': 'student-number-help student-number-error' });
    const error = h('p', { class: 'error', id: 'student-number-error', 'aria-live': 'polite' });
    const start = h('button', { type: 'submit', class: 'primary', id: 'student-number-start' }, t('teacherEntry.student.start'));
    const skip = h('button', { type: 'button', id: 'student-number-skip' }, t('teacherEntry.student.skip'));
    const form = h(
      'form',
      { method: 'dialog', class: 'about-inner' },
      h('h2', { id: 'student-number-h' }, t('teacherEntry.student.heading', { code: String(classCode) })),
      h('p', { id: 'student-number-help' }, t('teacherEntry.student.help', { max: MAX_STUDENT })),
      h('div', { class: 'row' }, h('label', { for: 'student-number' }, t('teacherEntry.student.label')), input),
      error,
      h('div', { class: 'row end' }, skip, start),
    );
    const dialog = h('dialog', { id: 'student-number-dialog', class: 'about', 'aria-labelledby': 'student-number-h' }, form);
    let answer: number | null = null;
    form.addEventListener('submit', (e) => {
      const n = readWholeNumber(input.value, 'studentNumber', MAX_STUDENT);
      if (!n.ok) {
        e.preventDefault();
        error.textContent = `${n.problem[0].toUpperCase()}${n.problem.slice(1)}.`;
        input.focus();
        return;
      }
      answer = n.value;
    });
    skip.addEventListener('click', () => dialog.close());
    dialog.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') e.stopPropagation();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      done(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  });
}
