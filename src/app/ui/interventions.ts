// The lesson's interventions as large buttons: each sends its events now (recorded in the run's
// event log); ones with off-events are toggles (aria-pressed) that send those when released.
// A toggle's state is read from the run's settings, so it is right after Undo or a seek too.
import type { InterventionSpec } from '../../../lessons/schema';
import { schemaTools } from '../schemaTools';
import { formatClock } from '../../../viz/format';
import { paramPathOf, type Session } from '../session';
import { h, replace, uid } from './dom';
import type { Notify } from './notices';
import { t } from '../../i18n/i18n';

/** True when the run's settings are those the intervention's events set (null: it sets none). */
function inEffect(iv: InterventionSpec, session: Session): boolean | null {
  const paths = iv.events.map((e) => paramPathOf(e));
  if (paths.length === 0 || paths.some((p) => p === null)) return null;
  return paths.every((p) => p !== null && schemaTools().getAtPath(session.scenario, p.path) === p.value);
}

export function mountInterventions(root: HTMLElement, session: Session, notify: Notify): void {
  let toggles: { iv: InterventionSpec; btn: HTMLButtonElement }[] = [];
  const sync = () => {
    for (const { iv, btn } of toggles) {
      const on = inEffect(iv, session);
      if (on !== null) btn.setAttribute('aria-pressed', String(on));
    }
  };
  const build = (list: InterventionSpec[]) => {
    toggles = [];
    const items = list.map((iv) => {
      const helpId = uid('iv');
      const toggle = iv.off !== undefined;
      const btn = h('button', { type: 'button', class: 'intervention', 'aria-describedby': iv.help ? helpId : undefined, 'aria-pressed': toggle ? 'false' : undefined }, iv.label);
      if (toggle) toggles.push({ iv, btn });
      btn.addEventListener('click', async () => {
        const on = btn.getAttribute('aria-pressed') === 'true';
        const when = formatClock(session.frame?.hours ?? 0);
        btn.disabled = true;
        const problem = await session.send(toggle && on ? (iv.off ?? []) : iv.events);
        btn.disabled = false;
        btn.focus();
        if (problem) {
          notify(t('interventions.notApplied', { label: iv.label, problem }), 'warn');
          return;
        }
        if (toggle) btn.setAttribute('aria-pressed', String(!on));
        notify(toggle && on ? t('interventions.stopped', { label: iv.label, time: when }) : t('interventions.given', { label: iv.label, time: when }));
      });
      return h('li', {}, btn, iv.help ? h('p', { id: helpId, class: 'help' }, iv.help) : null);
    });
    // Where room is short (a landscape screen) the stylesheet folds the explanations away until
    // "What they do" is pressed; the buttons keep them as their descriptions either way.
    const shown = root.classList.contains('show-help');
    const explain = h('button', { type: 'button', class: 'small explain-toggle', 'aria-expanded': String(shown) }, shown ? t('interventions.hideHelp') : t('interventions.showHelp'));
    explain.addEventListener('click', () => {
      const on = root.classList.toggle('show-help');
      explain.setAttribute('aria-expanded', String(on));
      explain.textContent = on ? t('interventions.hideHelp') : t('interventions.showHelp');
    });
    const withHelp = list.some((iv) => iv.help);
    replace(
      root,
      h('div', { class: 'panel-head' }, h('h2', { id: 'interventions-h' }, t('interventions.heading')), withHelp ? explain : null),
      items.length > 0 ? h('ul', { class: 'interventions' }, ...items) : h('p', { class: 'help' }, t('interventions.none')),
    );
  };
  session.on('load', (info) => {
    build(info.scenario.lesson?.interventions ?? []);
    sync();
  });
  session.on('scenario', sync);
}
