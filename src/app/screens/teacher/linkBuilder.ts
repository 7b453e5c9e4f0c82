// The teacher's link builder: for the chosen lesson, a seed, the screen to open in, fixed
// settings, and which parts students cannot see (hide) or change (lock); it shows the link and
// an embed snippet to copy, and anything the link's reader would refuse (the same reader every
// student's page uses: src/lab/share/builder.ts).
import { getAtPath } from '../../../../sim/index';
import type { ScenarioFile } from '../../../../lessons/scenarioFile';
import { buildClassLinks, buildTeacherLink, MAX_CLASS_CODE, MAX_STUDENT, readWholeNumber, HIDEABLE, LOCKABLE, PART_LABELS, type Hideable, type Lockable } from '../../../lab';
import { formatNumber } from '../../../../viz/format';
import { embedSnippet } from '../../share/shareUi';
import { nameParam } from '../../paramNames';
import { h } from '../../ui/dom';
import { lessonSettings, paramsTable, unitAfter } from './tables';

/** Parts a focused class link usually hides and locks (a teacher can change them). */
const DEFAULT_HIDE: readonly Hideable[] = ['lesson', 'mode'];
const DEFAULT_LOCK: readonly Lockable[] = ['seed', 'settings'];

export function linkBuilder(s: ScenarioFile, base: string): HTMLElement {
  const seed = h('input', { type: 'text', id: 'tb-seed', value: s.seed, maxlength: 100, spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'tb-seed-help' });
  const learn = h('input', { type: 'radio', name: 'tb-mode', id: 'tb-mode-learn', value: 'learn', checked: true });
  const lab = h('input', { type: 'radio', name: 'tb-mode', id: 'tb-mode-lab', value: 'lab' });
  const { exposed } = lessonSettings(s);
  const fields = exposed.map((p, i) => {
    const own = getAtPath(s, p.path);
    const input = h('input', {
      type: 'number',
      id: `tb-set-${i}`,
      'data-path': p.path,
      min: p.min,
      max: p.max,
      step: p.integer ? 1 : 'any',
      placeholder: typeof own === 'number' ? formatNumber(own) : '',
      'aria-describedby': `tb-set-${i}-help`,
    });
    const unit = unitAfter(p);
    return {
      path: p.path,
      input,
      el: h(
        'div',
        { class: 'tb-field' },
        h('label', { for: `tb-set-${i}` }, nameParam(s, p).full),
        input,
        h('span', { class: 'help', id: `tb-set-${i}-help` }, `lesson: ${typeof own === 'number' ? formatNumber(own) : '?'}${unit}; ${formatNumber(p.min)} to ${formatNumber(p.max)}${unit}`),
      ),
    };
  });
  const box = (kind: 'hide' | 'lock', part: string, on: boolean) => {
    const b = h('input', { type: 'checkbox', id: `tb-${kind}-${part}`, value: part, checked: on });
    return { part, b, el: h('div', { class: 'radio' }, b, h('label', { for: `tb-${kind}-${part}` }, PART_LABELS[part as Hideable])) };
  };
  const hides = HIDEABLE.map((p) => box('hide', p, DEFAULT_HIDE.includes(p)));
  const locks = LOCKABLE.map((p) => box('lock', p, DEFAULT_LOCK.includes(p)));

  const link = h('input', { type: 'text', id: 'tb-link', readonly: true, class: 'share-link', spellcheck: 'false' });
  const embed = h('textarea', { id: 'tb-embed', readonly: true, rows: 3, class: 'share-embed', spellcheck: 'false' });
  const open = h('a', { id: 'tb-open', href: '#', target: '_blank', rel: 'noopener' }, 'Open this link in a new tab');
  const problems = h('div', { id: 'tb-problems', class: 'tb-problems', role: 'status', 'aria-live': 'polite' });
  const said = h('p', { class: 'help', id: 'tb-said', 'aria-live': 'polite' });
  const copyLink = h('button', { type: 'button', class: 'primary', id: 'tb-copy-link' }, 'Copy link');
  const copyEmbed = h('button', { type: 'button', id: 'tb-copy-embed' }, 'Copy embed code');
  // A class code: one link per student, each with its own seed (src/lab/class/seed.ts).
  const classCode = h('input', { type: 'text', inputmode: 'numeric', id: 'tb-class', class: 'num short', maxlength: 6, autocomplete: 'off', 'aria-describedby': 'tb-class-help' });
  const students = h('input', { type: 'text', inputmode: 'numeric', id: 'tb-students', class: 'num short', value: '30', maxlength: 3, autocomplete: 'off' });
  const classHelp = h('span', { class: 'help', id: 'tb-class-help' }, `Optional: a class number (1 to ${MAX_CLASS_CODE}) gives each student a seed of their own, the same every time. The link above then asks each student for their number; or hand out the list of links below.`);
  const classOut = h('section', { class: 'tb-class-out', id: 'tb-class-out', 'aria-label': 'Links for each student', hidden: true });
  const classLinks = h('textarea', { id: 'tb-class-links', readonly: true, rows: 8, class: 'share-embed', spellcheck: 'false' });
  const copyClass = h('button', { type: 'button', id: 'tb-copy-class' }, 'Copy all links');
  classOut.append(h('label', { for: 'tb-class-links' }, 'A link for each student (student number, seed, link)'), classLinks, h('div', { class: 'row' }, copyClass));

  let version = 0;
  const fill = async () => {
    const mine = ++version;
    const settings = new Map<string, number>();
    const bad: string[] = [];
    for (const f of fields) {
      const text = f.input.value.trim();
      if (text === '') continue;
      const v = Number(text);
      if (!Number.isFinite(v) || !f.input.checkValidity()) bad.push(`${f.el.querySelector('label')?.textContent ?? f.path}: ${f.input.validationMessage || 'not a number'}`);
      else settings.set(f.path, v);
    }
    const choice = {
      lesson: s.id,
      seed: seed.value,
      settings,
      hide: hides.filter((x) => x.b.checked).map((x) => x.part as Hideable),
      lock: locks.filter((x) => x.b.checked).map((x) => x.part as Lockable),
      mode: lab.checked ? ('lab' as const) : ('learn' as const),
    };
    // A class code: the one link asks each student for their number; the list gives each their own link.
    const classProblems: string[] = [];
    let code: number | undefined;
    let perStudent: Awaited<ReturnType<typeof buildClassLinks>> = [];
    if (classCode.value.trim() !== '') {
      const c = readWholeNumber(classCode.value, 'class number', MAX_CLASS_CODE);
      const n = readWholeNumber(students.value, 'number of students', MAX_STUDENT);
      if (!c.ok) classProblems.push(`Class number: ${c.problem}`);
      if (!n.ok) classProblems.push(`Students: ${n.problem}`);
      if (c.ok) code = c.value;
      if (c.ok && n.ok) perStudent = await buildClassLinks(choice, c.value, n.value, base);
    }
    const made = await buildTeacherLink({ ...choice, classCode: code }, base);
    if (mine !== version) return;
    classOut.hidden = perStudent.length === 0;
    classLinks.value = perStudent.map((x) => `${x.student}\t${x.seed}\t${x.url}`).join('\n');
    seed.disabled = code !== undefined;
    link.value = made.url;
    embed.value = embedSnippet(made.url, s.title);
    open.href = made.url;
    const all = [...bad, ...classProblems, ...made.problems];
    problems.replaceChildren(...(all.length === 0 ? [] : [h('p', { class: 'error' }, 'A student’s page would not use these parts of the link:'), h('ul', {}, ...all.map((x) => h('li', {}, x)))]));
  };
  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      said.textContent = `${what} copied.`;
    } catch {
      said.textContent = `Select the ${what.toLowerCase()} and copy it.`;
    }
  };
  copyLink.addEventListener('click', () => void copy(link.value, 'Link'));
  copyEmbed.addEventListener('click', () => void copy(embed.value, 'Embed code'));
  copyClass.addEventListener('click', () => void copy(classLinks.value, 'Links'));

  const form = h(
    'form',
    { class: 'tb-form', 'aria-labelledby': 'tb-h' },
    h('div', { class: 'tb-field' }, h('label', { for: 'tb-seed' }, 'Seed'), seed, h('span', { class: 'help', id: 'tb-seed-help' }, 'The same seed gives every student the same run.')),
    h('fieldset', {}, h('legend', {}, 'Class code (a different run for each student)'), h('div', { class: 'tb-field' }, h('label', { for: 'tb-class' }, 'Class number'), classCode, classHelp), h('div', { class: 'tb-field' }, h('label', { for: 'tb-students' }, 'Students'), students, h('span', { class: 'help' }, 'How many links to make (1 to 999).'))),
    h('fieldset', {}, h('legend', {}, 'Open in'), h('div', { class: 'radio' }, learn, h('label', { for: 'tb-mode-learn' }, 'Learn (the tissue, the prompts and the lesson’s buttons)')), h('div', { class: 'radio' }, lab, h('label', { for: 'tb-mode-lab' }, 'Lab (settings, tools and runs beside it)'))),
    h('fieldset', {}, h('legend', {}, 'Fixed settings (empty: the lesson’s own)'), ...fields.map((f) => f.el)),
    h('fieldset', { class: 'hide-options' }, h('legend', {}, 'Hide from students'), h('div', { class: 'hide-grid' }, ...hides.map((x) => x.el))),
    h('fieldset', { class: 'hide-options' }, h('legend', {}, 'Lock (shown, but cannot be changed)'), h('div', { class: 'hide-grid' }, ...locks.map((x) => x.el))),
  );
  form.addEventListener('input', () => void fill());
  form.addEventListener('change', () => void fill());
  form.addEventListener('submit', (e) => e.preventDefault());
  void fill();

  return h(
    'article',
    { class: 'tb', 'aria-labelledby': 'tb-h', 'data-lesson': s.id },
    h('h2', { id: 'tb-h' }, `Link builder: ${s.title}`),
    h('p', {}, 'Choose what students see. Hidden and locked parts make a focused lesson; they are not a lock against a student who edits the address.'),
    form,
    h(
      'section',
      { class: 'tb-out', 'aria-label': 'The link' },
      h('label', { for: 'tb-link' }, 'Link for students'),
      h('div', { class: 'row' }, link, copyLink),
      h('p', {}, open),
      h('label', { for: 'tb-embed' }, 'Embed in a course page'),
      embed,
      h('div', { class: 'row' }, copyEmbed),
      said,
      problems,
      classOut,
    ),
    paramsTable(),
  );
}
