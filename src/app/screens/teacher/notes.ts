// One lesson's teacher notes as a printable article: time needed, goals, misconceptions, the three
// prompts with the answers the default run shows (the lesson's own texts, whose numbers are its
// checked claims, listed with how each was checked), what-ifs, what is simplified, sources, and
// what a link can fix. Everything comes from the lesson file; nothing here states a number of its own.
// `s` is the lesson in the page's language; claims' runs name buttons by their English label.
import type { Claim } from '../../../../lessons/schema';
import type { ScenarioFile } from '../../../../lessons/scenarioFile';
import { lesson } from '../../../../lessons/index';
import { formatClock, formatNumber } from '../../../../viz/format';
import { shortLessonLink } from '../../../lab';
import { h } from '../../ui/dom';
import { t } from './messages';
import { partsTable, settingsTable } from './tables';

/** How many seeds a claim is measured at (the lesson's and five others: test/lessons/claims.ts). */
const SEEDS = 6;

/** A button's label in the page's language, from its English label (as claims' runs name it). */
function buttonLabel(english: string, s: ScenarioFile): string {
  const i = lesson(s.id)?.lesson?.interventions.findIndex((b) => b.label === english) ?? -1;
  return (i >= 0 ? s.lesson?.interventions[i]?.label : undefined) ?? english;
}

/** A claim's run in words: "the run as it opens", or the buttons its run presses and when. */
function runWords(c: Claim, s: ScenarioFile): string {
  if (c.run === 'lesson') return t('teacher.run.asOpens');
  const r = s.lesson?.claimRuns?.[c.run];
  if (!r) return t('teacher.run.named', { name: c.run });
  const parts = r.press.map((p) => t(p.off ? 'teacher.run.release' : 'teacher.run.press', { button: buttonLabel(p.button, s), time: formatClock(p.atHours) }));
  if (r.paired) parts.push(t('teacher.run.comparison'));
  return parts.length === 0 ? t('teacher.run.asOpens') : t('teacher.run.steps', { steps: parts.join(t('teacher.run.then')) });
}

/** How a claim was checked, in words: "15 ± 6 at each of 6 seeds, at 6 h in the run as it opens". */
export function claimCheck(c: Claim, s: ScenarioFile): string {
  const e = formatNumber(c.expected);
  const bound =
    c.side === 'below'
      ? t('teacher.claim.atMost', { value: formatNumber(c.expected + c.tolerance) })
      : c.side === 'above'
        ? t('teacher.claim.atLeast', { value: formatNumber(c.expected - c.tolerance) })
        : c.tolerance > 0
          ? `${e} ± ${formatNumber(c.tolerance)}`
          : e;
  if (c.param !== undefined) return t('teacher.claim.fromSettings', { bound });
  if (c.source !== undefined) return t('teacher.claim.published', { source: c.source });
  const over = c.over === 'mean' ? t('teacher.claim.overMean', { seeds: SEEDS }) : c.over === 'lessonSeed' ? t('teacher.claim.overLessonSeed') : t('teacher.claim.overEach', { seeds: SEEDS });
  if (c.cohort !== undefined) return t('teacher.claim.cohort', { bound, over });
  return t('teacher.claim.measured', { run: runWords(c, s), time: formatClock(c.atHours ?? 0), bound, over });
}

/** When a prompt comes: "before Play" or "at 2 h of the run". */
export const promptTime = (hours: number): string => (hours <= 0 ? t('teacher.when.beforePlay') : t('teacher.when.at', { time: formatClock(hours) }));

const list = (items: string[], ordered = false) => h(ordered ? 'ol' : 'ul', {}, ...items.map((x) => h('li', {}, x)));

function section(id: string, title: string, ...body: (Node | null)[]): HTMLElement {
  return h('section', { class: 't-sec', 'aria-labelledby': id }, h('h3', { id }, title), ...body);
}

/** The notes of lesson `s` (number `n` in the lesson order), for the app at `base`. */
export function teacherNotes(s: ScenarioFile, n: number, base: string): HTMLElement {
  const L = s.lesson;
  const notes = L?.teacher;
  const id = (part: string) => `t-${s.id}-${part}`;
  const claims = L?.claims ?? [];
  const prompts = (L?.prompts ?? []).map((p, i) => {
    const mine = claims.filter((c) => c.text === `prompts.${i}.explain` || c.text === `prompts.${i}.predict`);
    return h(
      'li',
      { class: 't-prompt' },
      h('h4', {}, t('teacher.notes.prompt', { n: i + 1, when: promptTime(p.atHours) })),
      h('p', {}, h('strong', {}, t('teacher.notes.asked')), ' ', p.predict),
      p.choices && p.choices.length > 0
        ? h('p', { class: 't-choices' }, h('strong', {}, t('teacher.notes.commit')), ' ', p.choices.map((c) => (c.id === p.shows ? t('teacher.notes.shown', { label: c.label }) : c.label)).join(' · '))
        : null,
      h('p', {}, h('strong', {}, t('teacher.notes.defaultRun')), ' ', p.explain),
      notes?.answers[i] ? h('p', {}, h('strong', {}, t('teacher.notes.listen')), ' ', notes.answers[i]) : null,
      mine.length === 0
        ? null
        : h(
            'div',
            { class: 't-claims' },
            h('p', { class: 't-claims-h' }, t('teacher.notes.checked')),
            h('ul', {}, ...mine.map((c) => h('li', {}, h('q', {}, c.says), ` — ${claimCheck(c, s)}`))),
          ),
    );
  });
  return h(
    'article',
    { class: 't-notes', 'aria-labelledby': id('h'), 'data-lesson': s.id },
    h('p', { class: 't-kicker' }, t('teacher.notes.kicker', { n })),
    h('h2', { id: id('h') }, s.title),
    h('p', { class: 't-question' }, s.question),
    h(
      'dl',
      { class: 't-facts' },
      h('dt', {}, t('teacher.notes.time')),
      h('dd', {}, notes ? t('teacher.notes.minutes', { minutes: notes.minutes }) : t('teacher.notes.notGiven')),
      h('dt', {}, t('teacher.notes.runLength')),
      h('dd', {}, t('teacher.notes.simulated', { time: formatClock(L?.hours ?? 24), seed: s.seed })),
      h('dt', {}, t('teacher.notes.link')),
      h('dd', {}, h('code', { class: 't-url' }, shortLessonLink(s.id, base))),
    ),
    notes ? section(id('goals'), t('teacher.notes.goals'), list(notes.goals)) : null,
    notes ? section(id('mis'), t('teacher.notes.misconceptions'), list(notes.misconceptions)) : null,
    section(id('prompts'), t('teacher.notes.prompts', { n: prompts.length }), h('ol', { class: 't-prompts' }, ...prompts)),
    notes && notes.whatIfs.length > 0 ? section(id('whatif'), t('teacher.notes.whatIfs'), list(notes.whatIfs)) : null,
    L?.simplified ? section(id('simple'), t('teacher.notes.simplified'), h('p', {}, L.simplified)) : null,
    L && L.sources.length > 0 ? section(id('src'), t('teacher.notes.sources'), list(L.sources)) : null,
    section(
      id('fix'),
      t('teacher.notes.fix'),
      h('p', {}, t('teacher.notes.fixHelp')),
      settingsTable(s),
      partsTable(),
    ),
  );
}
