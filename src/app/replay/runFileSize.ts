// The first checks on a run file that need no schema: its size before it is read, and the name a
// saved run gets. Part of the page's first load; the reading itself (importRun.ts) loads on demand.
import { MAX_RUN_FILE_BYTES } from '../../lab/runFormat';
import type { RunFile } from '../../lab';
import { num, t } from '../../i18n/i18n';

export interface RunSummary {
  title: string;
  scenarioId: string;
  seed: string;
  steps: number;
  hours: number;
  events: number;
  checkpoints: number;
  engineVersion: string;
  /** The file was recorded by another engine version (hashes may differ). */
  otherEngine: boolean;
}

export type Imported = { ok: true; file: RunFile; summary: RunSummary } | { ok: false; message: string; problems: string[] };

const mb = (n: number) => num(n / 1048576, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function refuse(message: string, problems: string[] = []): Imported {
  return { ok: false, message, problems };
}

/** Refuses a file by its size alone (call before reading it); null when the size is fine. */
export function checkRunSize(name: string, bytes: number): Imported | null {
  if (bytes > MAX_RUN_FILE_BYTES) return refuse(t('replay.tooLarge', { name, size: mb(bytes), limit: mb(MAX_RUN_FILE_BYTES) }));
  if (bytes === 0) return refuse(t('replay.empty', { name }));
  return null;
}

/** A file name for a run: lesson, seed and length, safe on every system. */
export function runFileName(scenarioId: string, seed: string, hours: number): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40) || 'x';
  const length = hours < 1 ? `${Math.round(hours * 60)}min` : `${String(Math.round(hours * 10) / 10).replace('.', '_')}h`;
  // i18n-exempt: a file name: ASCII and the same in every language (docs/run-file.md)
  return `${safe(scenarioId)}-seed-${safe(seed)}-${length}.run.json`;
}
