// The parameter panel, generated from the scenario schema (listParameters): the lesson's
// exposed parameters first, the rest grouped under "More settings" (built when first opened; a
// scenario far larger than a lesson gets its exposed ones only, as listing would block the page).
// A change during a run becomes a recorded `set` event; refusals show inline with the range.
// Built after the run's first picture, a few fields per task (inSlices), and shown once whole.
import type { ParamInfo } from '../../../sim/index';
import { schemaTools } from '../schemaTools';
import { largerThan, LISTABLE_NODES } from '../../lab';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { formatClock, formatWithUnit } from '../../../viz/format';
import type { Session } from '../session';
import { nameParam } from '../paramNames';
import { h, replace } from './dom';
import { afterNextDraw, yieldToPage } from '../loadMilestones';
import { inSlices } from '../inSlices';
import { t } from '../../i18n/i18n';
import { paramField, shownUnit, type ParamField } from './paramField';
import type { Notify } from './notices';

// The panel is built when a run loads, after the session loaded the scenario tools.
const getAtPath = (root: unknown, path: string) => schemaTools().getAtPath(root, path);
const parameterAt = (s: ScenarioFile, path: string) => schemaTools().parameterAt(s, path);
const listParameters = (s: ScenarioFile) => schemaTools().listParameters(s);

export function mountParams(root: HTMLElement, session: Session, notify: Notify, onChange: () => void): void {
  let fields = new Map<string, ParamField>();
  let shape = '';
  /** Counts builds: a build still in slices when a newer one starts stops there. */
  let builds = 0;

  const field = (s: ScenarioFile, p: ParamInfo, standalone: boolean, into = fields) => {
    const n = nameParam(s, p);
    const lessonValue = getAtPath(session.base, p.path);
    const f = paramField(p, standalone ? n.full : n.name, typeof lessonValue === 'number' ? lessonValue : undefined, async (v) => {
      const when = formatClock(session.frame?.hours ?? 0);
      const problem = await session.setParam(p.path, v, p.live !== false);
      if (!problem) {
        notify(t('param.setTo', { name: n.full, value: formatWithUnit(v, shownUnit(p)), time: when }));
        onChange();
      }
      return problem;
    });
    into.set(p.path, f);
    return f.el;
  };

  /**
   * The lesson's own fields, made a few per task into a box not yet on the page (a field is a
   * label, slider, number entry and help line: a lesson's six to ten of them took 40–50 ms at 4×
   * in one task). The panel is shown, and its fields answer `load` and `scenario`, once all are made.
   */
  const build = async (s: ScenarioFile, huge: boolean) => {
    const me = ++builds;
    const stale = () => me !== builds;
    const made = new Map<string, ParamField>();
    // Each field's parameter is looked up in its own step (a lookup walks the scenario schema: all of
    // a lesson's at once were most of a 29 ms-of-CPU task at 4× before the first field was made).
    const exposed: ParamInfo[] = [];
    const box = h('div', { class: 'exposed' });
    const done = await inSlices(
      (s.lesson?.exposed ?? []).map((path) => () => {
        const p = parameterAt(s, path);
        if (!p) return;
        exposed.push(p);
        box.append(field(s, p, true, made));
      }),
      stale,
    );
    if (!done) return;
    const shown = new Set(exposed.map((p) => p.path));
    fields = made;
    // A value that changed while the fields were made (a reset, a setting) is shown as it is now.
    for (const [path, f] of fields) {
      const v = getAtPath(session.scenario, path);
      if (typeof v === 'number') f.setValue(v);
    }
    if (huge) {
      replace(root, h('h2', { id: 'settings-h' }, t('param.settings')), exposed.length > 0 ? box : null, h('p', { class: 'help' }, t('param.huge')));
      return;
    }
    // The list of every other setting (a walk of the whole schema) in a task after the fields.
    await yieldToPage();
    if (stale()) return;
    const rest = listParameters(s).filter((p) => !shown.has(p.path));

    const more = h('details', { class: 'more' }, h('summary', {}, t('param.more', { n: rest.length })));
    const moreBody = h('div', { class: 'more-body' });
    more.append(moreBody);
    more.addEventListener('toggle', () => {
      if (!more.open || moreBody.childElementCount > 0) return;
      const groups = new Map<string, ParamInfo[]>();
      for (const p of rest) {
        const g = nameParam(s, p).group;
        groups.set(g, [...(groups.get(g) ?? []), p]);
      }
      for (const [g, ps] of groups) moreBody.append(h('fieldset', {}, h('legend', {}, g), ...ps.map((p) => field(session.scenario, p, false))));
    });

    replace(
      root,
      h('h2', { id: 'settings-h' }, t('param.settings')),
      exposed.length > 0 ? box : h('p', { class: 'help' }, t('param.noMain')),
      more,
    );
  };

  session.on('load', (info) => {
    const s = info.scenario;
    const huge = largerThan(s, LISTABLE_NODES);
    const key = huge ? `huge ${s.id} ${info.seed} ${session.tick}` : JSON.stringify([s.id, listParameters(s).map((p) => p.path)]);
    if (key !== shape) {
      shape = key;
      // The Lab's settings (folded away in Learn) are built after the run's first picture.
      afterNextDraw(session, 'settings', () => void build(s, huge));
      return;
    }
    for (const [path, f] of fields) {
      const v = getAtPath(s, path);
      if (typeof v === 'number') f.setValue(v);
    }
  });
  session.on('scenario', (s) => {
    for (const [path, f] of fields) {
      const v = getAtPath(s, path);
      if (typeof v === 'number') f.setValue(v);
    }
  });
}
