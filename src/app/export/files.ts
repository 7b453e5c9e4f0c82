// What the Export panel saves, each as a named Blob: the metric series and the cells table
// (CSV), the tissue view and every chart (PNG), the run file (JSON), and all of them with a
// README in one ZIP ("Download everything"). The run is read at the page's current frame.
import { ENGINE_VERSION } from '../../../sim/index';
import { cellsCsv, runFileText, seriesCsv, type RunFile } from '../../lab';
import { formatClock } from '../../../viz/format';
import type { Session } from '../session';
import { textBlob } from './download';
import { baseName, slug } from './names';
import { chartPng, tissuePng } from './png';
import { makeZip } from './zip';
import { t } from './messages';

export interface ExportSources {
  session: Session;
  /** The tissue canvas and the overlay drawn over it (followed vesicle). */
  viewCanvas: HTMLCanvasElement;
  overlayCanvas?: HTMLCanvasElement | null;
  /** The element holding the charts (#charts). */
  charts: HTMLElement;
}

export interface NamedBlob {
  name: string;
  blob: Blob;
}

/** The common start of this run's file names (lesson, seed, simulated time now). */
export function runBase(s: Session): string {
  return baseName(s.scenario.id, s.seed, s.frame?.hours ?? 0);
}

/** The chart roots on the page, in order (time and distance charts; not the blood table). */
export function chartRoots(charts: HTMLElement): HTMLElement[] {
  return [...charts.querySelectorAll<HTMLElement>('.cpv-chart')].filter((c) => c.querySelector(':scope > svg'));
}

export function metricsFile(src: ExportSources): NamedBlob {
  // i18n-exempt: a file name: ASCII and the same in every language (docs/export.md)
  return { name: `${runBase(src.session)}-metrics.csv`, blob: textBlob(seriesCsv(src.session.series), 'text/csv') };
}

export async function cellsFile(src: ExportSources): Promise<NamedBlob> {
  const table = await src.session.client.call((api) => api.cellTable());
  if (!table) throw new Error(t('files.export.engineDown'));
  // i18n-exempt: a file name: ASCII and the same in every language (docs/export.md)
  return { name: `${runBase(src.session)}-cells.csv`, blob: textBlob(cellsCsv(table), 'text/csv') };
}

export async function tissueFile(src: ExportSources): Promise<NamedBlob> {
  // i18n-exempt: a file name: ASCII and the same in every language (docs/export.md)
  return { name: `${runBase(src.session)}-tissue.png`, blob: await tissuePng(src.viewCanvas, src.overlayCanvas) };
}

/** Chart i (of chartRoots) as a PNG named after its title. */
export async function chartFile(src: ExportSources, i: number): Promise<NamedBlob> {
  const root = chartRoots(src.charts)[i];
  if (!root) throw new Error(t('files.export.noChart'));
  const { blob, title } = await chartPng(root);
  // i18n-exempt: a file name: ASCII and the same in every language (docs/export.md)
  return { name: `${runBase(src.session)}-chart-${i + 1}-${slug(title)}.png`, blob };
}

/**
 * The run file of the run up to the step shown: the one "Save run" writes (src/replay: hourly
 * checkpoints) when the run is at its furthest point, else the run up to this step.
 */
export async function runFile(src: ExportSources): Promise<{ file: RunFile; named: NamedBlob }> {
  const tick = src.session.frame?.tick ?? 0;
  const recorded = await src.session.client.call((api) => api.recordedRun());
  const made = recorded && recorded.stopTick === tick ? recorded : await src.session.client.call((api) => api.runFile());
  if (!made) throw new Error(t('files.export.engineDown'));
  // The learner's predictions travel with the run (no hash covers them).
  const predictions = src.session.predictions.list();
  const file: RunFile = predictions.length > 0 ? { ...made, predictions } : made;
  // i18n-exempt: a file name: ASCII and the same in every language (docs/export.md)
  return { file, named: { name: `${runBase(src.session)}.run.json`, blob: textBlob(runFileText(file), 'application/json') } };
}

function readme(src: ExportSources, run: RunFile, files: string[]): string {
  const s = src.session;
  const hours = s.frame?.hours ?? 0;
  // The file names and the command stay as written; the words around them are the reader's language.
  const what: Record<string, string> = {
    'run.json': t('files.readme.runJson'),
    'metrics.csv': t('files.readme.metricsCsv'),
    'cells.csv': t('files.readme.cellsCsv'),
    'tissue.png': t('files.readme.tissuePng'),
  };
  const rows: [string, string][] = [
    [t('files.readme.lesson'), s.scenario.id],
    [t('files.readme.seed'), s.seed],
    [t('files.readme.time'), t('files.readme.timeValue', { clock: formatClock(hours), tick: String(run.stopTick), dt: s.dt })],
    [t('files.readme.engine'), ENGINE_VERSION],
    [t('files.readme.hash'), run.checkpoints[run.checkpoints.length - 1]?.hash ?? ''],
    [t('files.readme.interventions'), String(run.events.length)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  const lines = [
    t('files.readme.title', { title: s.scenario.title }),
    '',
    ...rows.map(([k, v]) => `${k.padEnd(width)}${v}`),
    '',
    t('files.readme.files'),
    ...files.map((f) => `  ${f.padEnd(34)} ${what[f] ?? (f.startsWith('chart-') ? t('files.readme.chartPng') : '')}`),
    '',
    t('files.readme.columns'),
    '',
    t('files.readme.check'),
    // i18n-exempt: a command line, typed as written in every language
    '  npx cellpost replay run.json --verify',
    '',
  ];
  return lines.join('\n');
}

/** Every export in one ZIP, under a folder named after the run. `onStep` hears each file. */
export async function bundle(src: ExportSources, onStep?: (what: string) => void): Promise<NamedBlob & { files: { name: string; bytes: number }[] }> {
  const base = runBase(src.session);
  const entries: { name: string; data: Uint8Array }[] = [];
  const add = async (name: string, blob: Blob) => entries.push({ name, data: new Uint8Array(await blob.arrayBuffer()) });
  onStep?.(t('files.export.step.run'));
  const run = await runFile(src);
  await add('run.json', run.named.blob);
  onStep?.(t('files.export.step.metrics'));
  await add('metrics.csv', metricsFile(src).blob);
  onStep?.(t('files.export.step.cells'));
  await add('cells.csv', (await cellsFile(src)).blob);
  onStep?.(t('files.export.step.tissue'));
  await add('tissue.png', (await tissueFile(src)).blob);
  const charts = chartRoots(src.charts);
  for (let i = 0; i < charts.length; i++) {
    onStep?.(t('files.export.step.chart', { i: i + 1, n: charts.length }));
    const { blob, title } = await chartPng(charts[i]);
    await add(`chart-${i + 1}-${slug(title)}.png`, blob);
  }
  const names = entries.map((e) => e.name);
  entries.push({ name: 'README.txt', data: new TextEncoder().encode(readme(src, run.file, names)) });
  const zip = makeZip(
    entries.map((e) => ({ name: `${base}/${e.name}`, data: e.data })),
    new Date(),
  );
  return {
    name: `${base}.zip`,
    blob: new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
    files: entries.map((e) => ({ name: `${base}/${e.name}`, bytes: e.data.length })),
  };
}
