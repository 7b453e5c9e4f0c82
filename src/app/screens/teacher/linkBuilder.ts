// The teacher's link builder: for the chosen lesson, a seed, the screen to open in, fixed
// settings, and which parts students cannot see (hide) or change (lock); it shows the link and
// an embed snippet to copy, and anything the link's reader would refuse (the same reader every
// student's page uses: src/lab/share/builder.ts), and the language the page opens in (lang=nb).
import { getAtPath } from '../../../../sim/index';
import type { ScenarioFile } from '../../../../lessons/scenarioFile';
import { buildClassLinks, buildTeacherLink, MAX_CLASS_CODE, MAX_STUDENT, readWholeNumber, HIDEABLE, LOCKABLE, type Hideable, type Lockable } from '../../../lab';
import { language } from '../../../i18n/i18n';
import { LANGUAGES, LANGUAGE_NAMES, type Lang } from '../../../i18n/languages';
import { formatNumber } from '../../../../viz/format';
import { embedSnippet } from '../../share/shareUi';
import { nameParam } from '../../paramNames';
import { h } from '../../ui/dom';
import { t } from './messages';
import { lessonSettings, paramsTable, partLabel, unitAfter } from './tables';

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
        h('span', { class: 'help', id: `tb-set-${i}-help` }, t('teacher.link.settingHelp', { value: typeof own === 'number' ? formatNumber(own) : '?', min: formatNumber(p.min), max: formatNumber(p.max), unit })),
      ),
    };
  });
  const box = (kind: 'hide' | 'lock', part: string, on: boolean) => {
    const b = h('input', { type: 'checkbox', id: `tb-${kind}-${part}`, value: part, checked: on });
    return { part, b, el: h('div', { class: 'radio' }, b, h('label', { for: `tb-${kind}-${part}` }, partLabel(part as Hideable))) };
  };
  const hides = HIDEABLE.map((p) => box('hide', p, DEFAULT_HIDE.includes(p)));
  const locks = LOCKABLE.map((p) => box('lock', p, DEFAULT_LOCK.includes(p)));

  const link = h('input', { type: 'text', id: 'tb-link', readonly: true, class: 'share-link', spellcheck: 'false' });
  const embed = h('textarea', { id: 'tb-embed', readonly: true, rows: 3, class: 'share-embed', spellcheck: 'false' });
  // The language the page opens in: the teacher's own at first.
  const langs = LANGUAGES.map((code) => {
    const r = h('input', { type: 'radio', name: 'tb-lang', id: `tb-lang-${code}`, value: code, checked: code === language() });
    return { code, r, el: h('div', { class: 'radio' }, r, h('label', { for: `tb-lang-${code}`, lang: code }, LANGUAGE_NAMES[code])) };
  });
  const open = h('a', { id: 'tb-open', href: '#', target: '_blank', rel: 'noopener' }, t('teacher.link.open'));
  const problems = h('div', { id: 'tb-problems', class: 'tb-problems', role: 'status', 'aria-live': 'polite' });
  const said = h('p', { class: 'help', id: 'tb-said', 'aria-live': 'polite' });
  const copyLink = h('button', { type: 'button', class: 'primary', id: 'tb-copy-link' }, t('teacher.link.copyLink'));
  const copyEmbed = h('button', { type: 'button', id: 'tb-copy-embed' }, t('teacher.link.copyEmbed'));
  // A class code: one link per student, each with its own seed (src/lab/class/seed.ts).
  const classCode = h('input', { type: 'text', inputmode: 'numeric', id: 'tb-class', class: 'num short', maxlength: 6, autocomplete: 'off', 'aria-describedby': 'tb-class-help' });
  const students = h('input', { type: 'text', inputmode: 'numeric', id: 'tb-students', class: 'num short', value: '30', maxlength: 3, autocomplete: 'off' });
  const classHelp = h('span', { class: 'help', id: 'tb-class-help' }, t('teacher.link.classHelp', { max: MAX_CLASS_CODE }));
  const classOut = h('section', { class: 'tb-class-out', id: 'tb-class-out', 'aria-label': t('teacher.link.classOut'), hidden: true });
  const classLinks = h('textarea', { id: 'tb-class-links', readonly: true, rows: 8, class: 'share-embed', spellcheck: 'false' });
  const copyClass = h('button', { type: 'button', id: 'tb-copy-class' }, t('teacher.link.copyClass'));
  classOut.append(h('label', { for: 'tb-class-links' }, t('teacher.link.classLinks')), classLinks, h('div', { class: 'row' }, copyClass));

  let version = 0;
  const fill = async () => {
    const mine = ++version;
    const settings = new Map<string, number>();
    const bad: string[] = [];
    for (const f of fields) {
      const text = f.input.value.trim();
      if (text === '') continue;
      const v = Number(text);
      if (!Number.isFinite(v) || !f.input.checkValidity()) bad.push(t('teacher.link.badSetting', { name: f.el.querySelector('label')?.textContent ?? f.path, problem: f.input.validationMessage || t('teacher.link.notNumber') }));
      else settings.set(f.path, v);
    }
    const choice = {
      lesson: s.id,
      seed: seed.value,
      settings,
      hide: hides.filter((x) => x.b.checked).map((x) => x.part as Hideable),
      lock: locks.filter((x) => x.b.checked).map((x) => x.part as Lockable),
      mode: lab.checked ? ('lab' as const) : ('learn' as const),
      lang: (langs.find((x) => x.r.checked)?.code ?? 'en') satisfies Lang,
    };
    // A class code: the one link asks each student for their number; the list gives each their own link.
    const classProblems: string[] = [];
    let code: number | undefined;
    let perStudent: Awaited<ReturnType<typeof buildClassLinks>> = [];
    if (classCode.value.trim() !== '') {
      const c = readWholeNumber(classCode.value, 'classNumber', MAX_CLASS_CODE);
      const n = readWholeNumber(students.value, 'students', MAX_STUDENT);
      if (!c.ok) classProblems.push(t('teacher.link.classProblem', { problem: c.problem }));
      if (!n.ok) classProblems.push(t('teacher.link.studentsProblem', { problem: n.problem }));
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
    problems.replaceChildren(...(all.length === 0 ? [] : [h('p', { class: 'error' }, t('teacher.link.problems')), h('ul', {}, ...all.map((x) => h('li', {}, x)))]));
  };
  const copy = async (text: string, what: 'link' | 'embed' | 'links') => {
    try {
      await navigator.clipboard.writeText(text);
      said.textContent = t('teacher.link.copied', { what });
    } catch {
      said.textContent = t('teacher.link.selectAndCopy', { what });
    }
  };
  copyLink.addEventListener('click', () => void copy(link.value, 'link'));
  copyEmbed.addEventListener('click', () => void copy(embed.value, 'embed'));
  copyClass.addEventListener('click', () => void copy(classLinks.value, 'links'));

  const form = h(
    'form',
    { class: 'tb-form', 'aria-labelledby': 'tb-h' },
    h('div', { class: 'tb-field' }, h('label', { for: 'tb-seed' }, t('teacher.link.seed')), seed, h('span', { class: 'help', id: 'tb-seed-help' }, t('teacher.link.seedHelp'))),
    h(
      'fieldset',
      {},
      h('legend', {}, t('teacher.link.classCode')),
      h('div', { class: 'tb-field' }, h('label', { for: 'tb-class' }, t('teacher.link.classNumber')), classCode, classHelp),
      h('div', { class: 'tb-field' }, h('label', { for: 'tb-students' }, t('teacher.link.students')), students, h('span', { class: 'help' }, t('teacher.link.studentsHelp', { max: MAX_STUDENT }))),
    ),
    h('fieldset', {}, h('legend', {}, t('teacher.link.openIn')), h('div', { class: 'radio' }, learn, h('label', { for: 'tb-mode-learn' }, t('teacher.link.learn'))), h('div', { class: 'radio' }, lab, h('label', { for: 'tb-mode-lab' }, t('teacher.link.lab')))),
    h('fieldset', { class: 'tb-langs' }, h('legend', {}, t('teacher.link.language')), ...langs.map((x) => x.el)),
    h('fieldset', {}, h('legend', {}, t('teacher.link.fixed')), ...fields.map((f) => f.el)),
    h('fieldset', { class: 'hide-options' }, h('legend', {}, t('teacher.link.hide')), h('div', { class: 'hide-grid' }, ...hides.map((x) => x.el))),
    h('fieldset', { class: 'hide-options' }, h('legend', {}, t('teacher.link.lock')), h('div', { class: 'hide-grid' }, ...locks.map((x) => x.el))),
  );
  form.addEventListener('input', () => void fill());
  form.addEventListener('change', () => void fill());
  form.addEventListener('submit', (e) => e.preventDefault());
  void fill();

  return h(
    'article',
    { class: 'tb', 'aria-labelledby': 'tb-h', 'data-lesson': s.id },
    h('h2', { id: 'tb-h' }, t('teacher.link.heading', { title: s.title })),
    h('p', {}, t('teacher.link.lead')),
    form,
    h(
      'section',
      { class: 'tb-out', 'aria-label': t('teacher.link.out') },
      h('label', { for: 'tb-link' }, t('teacher.link.forStudents')),
      h('div', { class: 'row' }, link, copyLink),
      h('p', {}, open),
      h('label', { for: 'tb-embed' }, t('teacher.link.embed')),
      embed,
      h('div', { class: 'row' }, copyEmbed),
      said,
      problems,
      classOut,
    ),
    paramsTable(),
  );
}
