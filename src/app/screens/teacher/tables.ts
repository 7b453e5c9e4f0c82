// The teacher page's tables of what a link can fix: the lesson's settings (from the scenario
// schema, listParameters, with the lesson's exposed ones first), the parts a link can hide or
// lock, and every query parameter — all generated from the code that reads links, so they
// cannot drift from it.
import { getAtPath, listParameters, type ParamInfo } from '../../../../sim/index';
import { LINK_PARAMS, linkParts } from '../../../lab';
import type { ScenarioFile } from '../../../../lessons/scenarioFile';
import { formatNumber } from '../../../../viz/format';
import { nameParam } from '../../paramNames';
import { h } from '../../ui/dom';
import { shownUnit } from '../../ui/paramField';

function table(caption: string, head: string[], rows: (string | Node)[][], cls = ''): HTMLTableElement {
  return h(
    'table',
    { class: `t-table ${cls}`.trim() },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...head.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c)))))),
  );
}

const code = (t: string) => h('code', {}, t);

/** " µm²/s" after a number, or nothing for shares from 0 to 1 (the range says it). */
export const unitAfter = (p: ParamInfo): string => (shownUnit(p) ? ` ${shownUnit(p)}` : '');

function range(p: ParamInfo): string {
  const unit = unitAfter(p);
  return `${formatNumber(p.min)} to ${formatNumber(p.max)}${unit}${p.integer ? ' (whole)' : ''}`;
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
  const head = ['Setting', 'Link option', 'Lesson value', 'Range'];
  return h(
    'div',
    { class: 't-settings' },
    table('Settings on screen first (Lab → Settings)', head, settingRows(s, exposed)),
    rest.length === 0
      ? null
      : h(
          'details',
          { class: 't-more' },
          h('summary', {}, `All ${rest.length} other settings (under “More settings”)`),
          table('More settings', head, settingRows(s, rest)),
        ),
    h('p', { class: 'help t-print-only' }, `${rest.length} more settings are listed on the teacher page in the app.`),
  );
}

/** The parts of the page a link can hide or lock. */
export function partsTable(): HTMLTableElement {
  return table(
    'Parts a link can hide or lock',
    ['Part', 'What it is', 'hide=', 'lock='],
    linkParts().map((p) => [p.label, p.meaning, p.hide ? code(p.part) : '—', p.lock ? code(p.part) : '—']),
  );
}

/** Every query parameter a link may carry. */
export function paramsTable(): HTMLTableElement {
  return table(
    'Everything a link can carry',
    ['Option', 'What it does', 'Link builder'],
    LINK_PARAMS.map((p) => [code(p.name), p.meaning, p.builder ? 'yes' : 'no (written by Copy link)']),
  );
}
