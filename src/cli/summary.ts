// What a finished run reports: the JSON summary (--json) and the short human summary printed
// when no --csv or --json is given (key metrics, warnings and the state hash).
import { ENGINE_VERSION, measure, stateHash, type Model } from '../../sim/index';
import { lessonTitle } from './lessonWords';
import { t } from './messages';
import { fmt, fmtHours, n } from './numbers';

export interface RunInfo {
  scenarioId: string;
  seed: string;
  hours: number;
  steps: number;
  overrides: { path: string; value: unknown }[];
}

/** The JSON summary: everything needed to recognise and compare the run. */
export function jsonSummary(m: Model, info: RunInfo): string {
  const metrics = measure(m);
  const finalMetrics: Record<string, number | null> = {};
  const units: Record<string, string> = {};
  m.reporters.forEach((r) => {
    const x = metrics[r.name];
    finalMetrics[r.name] = Number.isFinite(x) ? x : null;
    units[r.name] = r.unit;
  });
  const summary = {
    scenario: info.scenarioId,
    title: m.scenario.title,
    seed: info.seed,
    hours: info.hours,
    steps: info.steps,
    dtSeconds: m.dt,
    engineVersion: ENGINE_VERSION,
    finalHash: stateHash(m),
    overrides: info.overrides,
    events: m.log.length,
    warnings: m.warnings.map((w) => `step ${w.tick}: ${w.message}`),
    finalMetrics,
    units,
  };
  return `${JSON.stringify(summary, null, 2)}\n`;
}

/** The metrics worth a glance: cell counts by type and state, vesicles, uptake and blood levels. */
export function keyMetric(name: string): boolean {
  return /^cells\./.test(name) || /^vesicles\.(tissue|blood|bound)$/.test(name) || /^uptake\.[^.]+$/.test(name) || /^blood\.perMl\./.test(name);
}

/** The summary for people, in the current language (a built-in lesson's title translated where it can be). */
export function humanSummary(m: Model, info: RunInfo, title = lessonTitle(info.scenarioId, m.scenario.title)): string {
  const metrics = measure(m);
  const names = m.reporters.filter((r) => keyMetric(r.name));
  const width = Math.max(...names.map((r) => r.name.length), 10);
  const lines = [
    t('cli.summary.head', { id: info.scenarioId, title, seed: info.seed, hours: fmtHours(info.hours), steps: info.steps, shownSteps: n(info.steps), dt: n(m.dt), engine: ENGINE_VERSION }),
    ...info.overrides.map((o) => `  ${t('cli.summary.set', { path: o.path, value: JSON.stringify(o.value) })}`),
    ...names.map((r) => `  ${r.name.padEnd(width)}  ${fmt(metrics[r.name]).padStart(10)} ${r.unit}`),
  ];
  if (m.warnings.length) lines.push(`  ${t('cli.summary.warnings', { count: n(m.warnings.length), step: n(m.warnings[0].tick), message: m.warnings[0].message })}`);
  lines.push(t('cli.summary.hash', { hash: stateHash(m), metrics: n(m.reporters.length) }));
  return `${lines.join('\n')}\n`;
}
