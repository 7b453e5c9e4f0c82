// The teacher page's tables of what a link can fix: the lesson's settings (from the scenario
// schema, listParameters, with the lesson's exposed ones first), the parts a link can hide or
// lock, and every query parameter — all generated from the code that reads links, so they
// cannot drift from it.
import { getAtPath, listParameters, type ParamInfo } from '../../../../sim/index';
import { LINK_PARAMS, linkParts, type Hideable, type Lockable } from '../../../lab';
import type { ScenarioFile } from '../../../../lessons/scenarioFile';
import { formatNumber } from '../../../../viz/format';
import { nameParam } from '../../paramNames';
import { h } from '../../ui/dom';
import { hideLabel } from '../../share/shareUi';
import { shownUnit } from '../../ui/paramField';
import { t, type TeacherKey } from './messages';

function table(caption: string, head: string[], rows: (string | Node)[][], cls = ''): HTMLTableElement {
  return h(
    'table',
    { class: `t-table ${cls}`.trim() },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...head.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c)))))),
  );
}

const code = (text: string) => h('code', {}, text);

/**
 * The words for the link's parts (the share dialog's) and options, by their name in the link (src/lab/share/options.ts
 * holds the English for docs and tests; test/app/teacherWords.test.ts keeps the two the same).
 */
export const partLabel = (part: Hideable | Lockable): string => hideLabel(part);
export const partMeaning = (part: Hideable | Lockable): string => t(`teacher.partMeaning.${part}`);
export const paramMeaning = (name: string): string => t(('teacher.param.' + name) as TeacherKey);

/** " µm²/s" after a number, or nothing for shares from 0 to 1 (the range says it). */
export const unitAfter = (p: ParamInfo): string => (shownUnit(p) ? ` ${shownUnit(p)}` : '');

function range(p: ParamInfo): string {
  const unit = unitAfter(p);
  return t(p.integer ? 'teacher.range.whole' : 'teacher.range', { min: formatNumber(p.min), max: formatNumber(p.max), unit });
}

/** The lesson's settings in order: the exposed ones (on screen first), then the rest. */
export function lessonSettings(s: ScenarioFile): { exposed: ParamInfo[]; rest: ParamInfo[] } {
  const all = listParameters(s);
  const byPath = new Map(all.map((p) => [p.path, p]));
  const exposed = (s.lesson?.exposed ?? []).map((p) => byPath.get(p)).filter((p): p is ParamInfo => p !== undefined);
  const shown = new Set(exposed.map((p) => p.path));
  return { exposed, rest: all.filter((p) => !shown.has(p.path)) };
}

function settingRows(s: ScenarioFile, list: ParamInfo[]): (string | Node)[][] {
  return list.map((p) => {
    const v = getAtPath(s, p.path);
    return [nameParam(s, p).full, code(`set.${p.path}`), typeof v === 'number' ? `${formatNumber(v)}${unitAfter(p)}` : '', range(p)];
  });
}

/** Every setting a link can fix for this lesson: the exposed ones in full, the rest folded. */
export function settingsTable(s: ScenarioFile): HTMLElement {
  const { exposed, rest } = lessonSettings(s);
  const head = [t('teacher.settings.setting'), t('teacher.settings.option'), t('teacher.settings.value'), t('teacher.settings.range')];
  return h(
    'div',
    { class: 't-settings' },
    table(t('teacher.settings.first'), head, settingRows(s, exposed)),
    rest.length === 0
      ? null
      : h(
          'details',
          { class: 't-more' },
          h('summary', {}, t('teacher.settings.others', { n: rest.length })),
          table(t('teacher.settings.more'), head, settingRows(s, rest)),
        ),
    h('p', { class: 'help t-print-only' }, t('teacher.settings.printed', { n: rest.length })),
  );
}

/** The parts of the page a link can hide or lock. */
export function partsTable(): HTMLTableElement {
  return table(
    t('teacher.parts.caption'),
    [t('teacher.parts.part'), t('teacher.parts.meaning'), 'hide=', 'lock='],
    linkParts().map((p) => [partLabel(p.part), partMeaning(p.part), p.hide ? code(p.part) : '—', p.lock ? code(p.part) : '—']),
  );
}

/** Every query parameter a link may carry. */
export function paramsTable(): HTMLTableElement {
  return table(
    t('teacher.params.caption'),
    [t('teacher.params.option'), t('teacher.params.meaning'), t('teacher.params.builder')],
    LINK_PARAMS.map((p) => [code(p.name), paramMeaning(p.name), p.builder ? t('teacher.params.yes') : t('teacher.params.no')]),
  );
}
