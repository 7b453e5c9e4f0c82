// A share link that carries a whole scenario (a built experiment): ?scenario= followed by the
// scenario file as JSON, deflate-raw compressed and base64url (pack.ts). Too long for a link, it
// says so with the limit (the file is the way then); read back, it is checked like any scenario
// file, every refused field named. Pure (no DOM, no Node APIs): the app and tests share it.
import { parseScenarioFile, type ScenarioFile } from '../../../lessons/scenarioFile';
import type { Problem } from '../../../sim/validate';
import { badKey } from '../events';
import { packJson, unpackJson } from './pack';
import { t } from '../fileWords';

/** The query key of a whole-scenario link. */
export const SCENARIO_PARAM = 'scenario';
/** Longest whole-scenario link written (characters of the whole address): longer ones are refused with the file offered. */
export const SCENARIO_LINK_LIMIT = 8000;
/** Longest packed scenario read, and the largest it may unpack to. */
export const MAX_SCENARIO_CHARS = 16_000;
export const MAX_SCENARIO_BYTES = 256 * 1024;

export type ScenarioLink = { ok: true; url: string } | { ok: false; length: number; limit: number; message: string };

/** The link for a scenario at `base` (the page's address without its query). */
export async function scenarioLink(s: ScenarioFile, base: string, limit = SCENARIO_LINK_LIMIT): Promise<ScenarioLink> {
  const url = `${base}?${SCENARIO_PARAM}=${await packJson(s)}`;
  if (url.length <= limit) return { ok: true, url };
  return {
    ok: false,
    length: url.length,
    limit,
    message: t('files.scenarioLink.tooLong', { n: url.length, limit }),
  };
}

export type ReadScenario = { ok: true; scenario: ScenarioFile } | { ok: false; problems: Problem[] };

/** The scenario a link's query carries, validated field by field; never throws. */
export async function readScenarioLink(search: string): Promise<ReadScenario> {
  const refuse = (message: string, path = SCENARIO_PARAM): ReadScenario => ({ ok: false, problems: [{ path, message }] });
  try {
    const packed = new URLSearchParams(search).get(SCENARIO_PARAM);
    if (packed === null) return refuse(t('files.scenarioLink.none'));
    const u = await unpackJson(packed, MAX_SCENARIO_CHARS, MAX_SCENARIO_BYTES);
    if (!u.ok) return refuse(t('files.scenarioLink.unreadable', { problem: u.problem }));
    const bad = badKey(u.value);
    if (bad) return refuse(t('files.scenarioLink.refused', { problem: bad }));
    const p = parseScenarioFile(u.value);
    return p.ok ? { ok: true, scenario: p.value } : { ok: false, problems: p.problems };
  } catch (e) {
    return refuse(t('files.link.unreadableDetail', { detail: e instanceof Error ? e.message : String(e) }));
  }
}
