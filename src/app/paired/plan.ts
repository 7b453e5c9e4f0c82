// Where a comparison starts, decided from the main run: from 0 h with the run's settings, or
// both from a snapshot of the run now (the change then applies at once), and the two runs'
// setup for the chosen change. A problem comes back in words; nothing is started here.
import { formatClock } from '../../../viz/format';
import type { Session } from '../session';
import { withOverrides } from '../../lab/settings';
import type { PairStart } from './runner';
import { comparableSettings, pairSetup, type Change, type PairSetup } from './spec';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { t } from './messages';

export interface PairPlan {
  setup: PairSetup;
  from: PairStart;
  /** The change as the second run's heading says it, with when it applies. */
  label: string;
}

export async function planPair(session: Session, c: Change, now: boolean): Promise<PairPlan | { problem: string }> {
  const eff = withOverrides(session.base, session.overrides);
  if ('problem' in eff) return { problem: eff.problem };
  let from: PairStart = { kind: 'start', lessonId: session.overrides.size === 0 ? session.lessonId : null };
  let startScenario: ScenarioFile = eff.scenario;
  if (now) {
    if (c.kind === 'param' && comparableSettings(session.scenario).find((p) => p.path === c.path)?.live === false) {
      return { problem: t('labtools.paired.shapesFromStart') };
    }
    await session.idle();
    const snap = await session.client.call((api) => api.takeSnapshot());
    if (!snap) return { problem: t('labtools.paired.noMainRun') };
    from = { kind: 'snapshot', snapshot: snap };
    startScenario = session.engineScenario;
  }
  // From now, the change applies at once: at the snapshot's tick.
  const change: Change = now ? { ...c, atHours: ((session.frame?.tick ?? 0) * startScenario.dtSeconds) / 3600 } : c;
  const setup = pairSetup(startScenario, session.seed, change);
  if ('problem' in setup) return setup;
  const label = now ? t('labtools.paired.labelNow', { label: setup.label }) : change.atHours > 0 ? t('labtools.paired.labelFrom', { label: setup.label, time: formatClock(change.atHours) }) : setup.label;
  return { setup, from, label };
}
