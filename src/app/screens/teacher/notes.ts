// One lesson's teacher notes as a printable article: time needed, goals, misconceptions, the three
// prompts with the answers the default run shows (the lesson's own texts, whose numbers are its
// checked claims, listed with how each was checked), what-ifs, what is simplified, sources, and
// what a link can fix. Everything comes from the lesson file; nothing here states a number of its own.
import type { Claim } from '../../../../lessons/schema';
import type { ScenarioFile } from '../../../../lessons/scenarioFile';
import { formatClock, formatNumber } from '../../../../viz/format';
import { shortLessonLink } from '../../../lab';
import { h } from '../../ui/dom';
import { partsTable, settingsTable } from './tables';

/** How many seeds a claim is measured at (the lesson's and five others: test/lessons/claims.ts). */
const SEEDS = 6;

/** A claim's run in words: "the run as it opens", or the buttons its run presses and when. */
function runWords(c: Claim, s: ScenarioFile): string {
  if (c.run === 'lesson') return 'the run as it opens';
  const r = s.lesson?.claimRuns?.[c.run];
  if (!r) return `the run “${c.run}”`;
  const parts = r.press.map((p) => `${p.off ? 'releasing' : 'pressing'} ‘${p.button}’ at ${formatClock(p.atHours)}`);
  if (r.paired) parts.push('the lesson’s comparison');
  return parts.length === 0 ? 'the run as it opens' : `the run ${parts.join(', then ')}`;
}

/** How a claim was checked, in words: "15 ± 6 at each of 6 seeds, at 6 h in the run as it opens". */
export function claimCheck(c: Claim, s: ScenarioFile): string {
  const e = formatNumber(c.expected);
  const bound =
    c.side === 'below' ? `at most ${formatNumber(c.expected + c.tolerance)}` : c.side === 'above' ? `at least ${formatNumber(c.expected - c.tolerance)}` : c.tolerance > 0 ? `${e} ± ${formatNumber(c.tolerance)}` : e;
  if (c.param !== undefined) return `follows from the lesson’s settings (${bound})`;
  if (c.source !== undefined) return `published figure (${c.source})`;
  const over = c.over === 'mean' ? `on average over ${SEEDS} seeds` : c.over === 'lessonSeed' ? 'at the lesson’s own seed' : `at each of ${SEEDS} seeds`;
  if (c.cohort !== undefined) return `measured in the lesson’s cohort: ${bound}, ${over}`;
  const run = runWords(c, s);
  return `measured in ${run} at ${formatClock(c.atHours ?? 0)}: ${bound}, ${over}`;
}

/** When a prompt comes: "before Play" or "at 2 h of the run". */
export const promptTime = (hours: number): string => (hours <= 0 ? 'before Play' : `at ${formatClock(hours)} of the run`);

const list = (items: string[], ordered = false) => h(ordered ? 'ol' : 'ul', {}, ...items.map((t) => h('li', {}, t)));

function section(id: string, title: string, ...body: (Node | null)[]): HTMLElement {
  return h('section', { class: 't-sec', 'aria-labelledby': id }, h('h3', { id }, title), ...body);
}

/** The notes of lesson `s` (number `n` in the lesson order), for the app at `base`. */
export function teacherNotes(s: ScenarioFile, n: number, base: string): HTMLElement {
  const L = s.lesson;
  const t = L?.teacher;
  const id = (part: string) => `t-${s.id}-${part}`;
  const claims = L?.claims ?? [];
  const prompts = (L?.prompts ?? []).map((p, i) => {
    const mine = claims.filter((c) => c.text === `prompts.${i}.explain` || c.text === `prompts.${i}.predict`);
    return h(
      'li',
      { class: 't-prompt' },
      h('h4', {}, `Prompt ${i + 1}, ${promptTime(p.atHours)}`),
      h('p', {}, h('strong', {}, 'Students are asked: '), p.predict),
      p.choices && p.choices.length > 0
        ? h('p', { class: 't-choices' }, h('strong', {}, 'They commit to one of: '), p.choices.map((c) => (c.id === p.shows ? `${c.label} (what the test runs show)` : c.label)).join(' · '))
        : null,
      h('p', {}, h('strong', {}, 'What the default run shows: '), p.explain),
      t?.answers[i] ? h('p', {}, h('strong', {}, 'Listen for: '), t.answers[i]) : null,
      mine.length === 0
        ? null
        : h(
            'div',
            { class: 't-claims' },
            h('p', { class: 't-claims-h' }, 'How these numbers were checked:'),
            h('ul', {}, ...mine.map((c) => h('li', {}, h('q', {}, c.says), ` — ${claimCheck(c, s)}`))),
          ),
    );
  });
  return h(
    'article',
    { class: 't-notes', 'aria-labelledby': id('h'), 'data-lesson': s.id },
    h('p', { class: 't-kicker' }, `Teacher notes · lesson ${n}`),
    h('h2', { id: id('h') }, s.title),
    h('p', { class: 't-question' }, s.question),
    h(
      'dl',
      { class: 't-facts' },
      h('dt', {}, 'Time needed'),
      h('dd', {}, t ? `about ${t.minutes} minutes of class time` : 'not given'),
      h('dt', {}, 'Run length'),
      h('dd', {}, `${formatClock(L?.hours ?? 24)} of simulated time (seed ${s.seed})`),
      h('dt', {}, 'Link for students'),
      h('dd', {}, h('code', { class: 't-url' }, shortLessonLink(s.id, base))),
    ),
    t ? section(id('goals'), 'Learning goals', list(t.goals)) : null,
    t ? section(id('mis'), 'Common misconceptions', list(t.misconceptions)) : null,
    section(id('prompts'), 'The three prompts, with answers', h('ol', { class: 't-prompts' }, ...prompts)),
    t && t.whatIfs.length > 0 ? section(id('whatif'), 'What-ifs to try', list(t.whatIfs)) : null,
    L?.simplified ? section(id('simple'), 'What is simplified', h('p', {}, L.simplified)) : null,
    L && L.sources.length > 0 ? section(id('src'), 'Sources', list(L.sources)) : null,
    section(
      id('fix'),
      'What a link can fix',
      h('p', {}, 'The link builder writes these options. A setting in a link is the value the run starts with; lock the settings to keep it.'),
      settingsTable(s),
      partsTable(),
    ),
  );
}
