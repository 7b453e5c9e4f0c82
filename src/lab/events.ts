// Checks of an event log that comes from outside a run (a share link's log): its shape as a run
// file's events, no hostile keys or runaway nesting, and each event checked by the engine's own
// check (sim/events.ts checkEvent) against the run's starting scenario — one implementation of
// what an event may do. `settingsOnly` also keeps `set` events to the scenario's numeric settings.
import { checkEvent, type RunEvent } from '../../sim/events';
import { buildIndex } from '../../sim/model';
import { listParameters } from '../../sim/params';
import type { Scenario } from '../../sim/schema';
import { ENGINE_VERSION } from '../../sim/version';
import { quote } from './quote';
import { t } from '../i18n/i18n';
import { parseRunFile, RUN_FORMAT, RUN_VERSION } from './runfile';

/** Keys that could reach an object's prototype if a value were ever merged into one. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The first forbidden or too deep key in a JSON value (prototype pollution, runaway nesting). */
export function badKey(v: unknown, depth = 0): string | null {
  if (depth > 12) return t('events.tooDeep');
  if (v === null || typeof v !== 'object') return null;
  if (Array.isArray(v)) {
    for (const x of v) {
      const bad = badKey(x, depth + 1);
      if (bad) return bad;
    }
    return null;
  }
  for (const k of Object.keys(v)) {
    if (FORBIDDEN_KEYS.has(k)) return t('events.forbiddenKey', { key: quote(k) });
    const bad = badKey((v as Record<string, unknown>)[k], depth + 1);
    if (bad) return bad;
  }
  return null;
}

/** Whether a path is one of the scenario's numeric settings (and names nothing dangerous). */
export function isSetting(path: string, settings: ReadonlySet<string>): boolean {
  return path.length <= 200 && !path.split('.').some((k) => FORBIDDEN_KEYS.has(k)) && settings.has(path);
}

export type EventLogCheck = { ok: true; events: RunEvent[] } | { ok: false; problem: string };

/** A raw event log checked against the scenario a run starts from; the first problem names its event. */
export function checkEventLog(raw: unknown, s: Scenario, o: { maxEvents: number; settingsOnly?: boolean }): EventLogCheck {
  if (!Array.isArray(raw)) return { ok: false, problem: t('events.notList') };
  if (raw.length > o.maxEvents) return { ok: false, problem: t('events.tooMany', { n: raw.length, most: o.maxEvents }) };
  const bad = badKey(raw);
  if (bad) return { ok: false, problem: bad };
  const parsed = parseRunFile({ format: RUN_FORMAT, version: RUN_VERSION, engineVersion: ENGINE_VERSION, scenario: { ...s, events: [] }, seed: s.seed, events: raw, stopTick: 0, checkpoints: [] });
  if (!parsed.ok) {
    const p = parsed.problems[0];
    const where = p.path.replace(/^events\.(\d+)/, (_, i: string) => t('events.nth', { n: Number(i) + 1 }));
    return { ok: false, problem: t('events.problemAt', { where, problem: p.message }) };
  }
  const settings = new Set(listParameters(s).map((p) => p.path));
  const at = { scenario: s, index: buildIndex(s) };
  for (const [i, e] of parsed.value.events.entries()) {
    const problem = o.settingsOnly && e.kind === 'set' && !isSetting(e.path, settings) ? t('events.notSetting', { path: quote(e.path) }) : checkEvent(at, e);
    if (problem) return { ok: false, problem: t('events.problemAt', { where: t('events.nth', { n: i + 1 }), problem }) };
  }
  return { ok: true, events: parsed.value.events };
}
