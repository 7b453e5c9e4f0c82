// The parameter panel, generated from the scenario schema (listParameters): the lesson's
// exposed parameters first, the rest grouped under "More settings" (built when first opened; a
// scenario far larger than a lesson gets its exposed ones only, as listing would block the page).
// A change during a run becomes a recorded `set` event; refusals show inline with the range.
import type { ParamInfo } from '../../../sim/index';
import { schemaTools } from '../schemaTools';
import { largerThan, LISTABLE_NODES } from '../../lab';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { formatClock, formatWithUnit } from '../../../viz/format';
import type { Session } from '../session';
import { nameParam } from '../paramNames';
import { h, replace } from './dom';
import { afterNextDraw } from '../loadMilestones';
import { t } from '../../i18n/i18n';
import { paramField, shownUnit, type ParamField } from './paramField';
import type { Notify } from './notices';

// The panel is built when a run loads, after the session loaded the scenario tools.
const getAtPath = (root: unknown, path: string) => schemaTools().getAtPath(root, path);
const parameterAt = (s: ScenarioFile, path: string) => schemaTools().parameterAt(s, path);
const listParameters = (s: ScenarioFile) => schemaTools().listParameters(s);

export function mountParams(root: HTMLElement, session: Session, notify: Notify, onChange: () => void): void {
  const fields = new Map<string, ParamField>();
  let shape = '';

  const field = (s: ScenarioFile, p: ParamInfo, standalone: boolean) => {
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
    fields.set(p.path, f);
    return f.el;
  };

  const build = (s: ScenarioFile, huge: boolean) => {
    fields.clear();
    const exposed = (s.lesson?.exposed ?? []).map((path) => parameterAt(s, path)).filter((p): p is ParamInfo => p !== undefined);
    const shown = new Set(exposed.map((p) => p.path));
    if (huge) {
      replace(
        root,
        h('h2', { id: 'settings-h' }, t('param.settings')),
        exposed.length > 0 ? h('div', { class: 'exposed' }, ...exposed.map((p) => field(s, p, true))) : null,
        h('p', { class: 'help' }, t('param.huge')),
      );
      return;
    }
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
      exposed.length > 0 ? h('div', { class: 'exposed' }, ...exposed.map((p) => field(s, p, true))) : h('p', { class: 'help' }, t('param.noMain')),
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
      afterNextDraw(session, 'settings', () => build(s, huge));
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
