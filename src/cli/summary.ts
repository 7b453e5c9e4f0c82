// What a finished run reports: the JSON summary (--json) and the short human summary printed
// when no --csv or --json is given (key metrics, warnings and the state hash).
import { ENGINE_VERSION, measure, stateHash, type Model } from '../../sim/index';
import { fmt, fmtHours } from './numbers';

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

export function humanSummary(m: Model, info: RunInfo): string {
  const metrics = measure(m);
  const names = m.reporters.filter((r) => keyMetric(r.name));
  const width = Math.max(...names.map((r) => r.name.length), 10);
  const lines = [
    `${info.scenarioId} (${m.scenario.title}): seed ${info.seed}, ${fmtHours(info.hours)} = ${info.steps} steps of ${m.dt} s, engine ${ENGINE_VERSION}`,
    ...info.overrides.map((o) => `  set ${o.path} = ${JSON.stringify(o.value)}`),
    ...names.map((r) => `  ${r.name.padEnd(width)}  ${fmt(metrics[r.name]).padStart(10)} ${r.unit}`),
  ];
  if (m.warnings.length) lines.push(`  warnings: ${m.warnings.length} (first: step ${m.warnings[0].tick}: ${m.warnings[0].message})`);
  lines.push(`state hash ${stateHash(m)}  (${m.reporters.length} metrics in all: use --json or --csv)`);
  return `${lines.join('\n')}\n`;
}
