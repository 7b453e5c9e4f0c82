// "Save run" and "Open run": download the run file of the current run (src/lab/runfile.ts format),
// and open one — from the file picker or dropped on the page — to replay it in the worker, with
// progress and a plain verdict: identical to the recorded run, or exactly where it diverged.
import { ENGINE_VERSION } from '../../../sim/index';
import { runFileText } from '../../lab/runFormat';
import { formatClock } from '../../../viz/format';
import type { TimelineInfo } from '../../../workers/timeline';
import type { Session } from '../session';
import { h } from '../ui/dom';
import type { Notify } from '../ui/notices';
import type { Banner } from './banner';
import { checkRunSize, runFileName } from './runFileSize';

/** Wall time per replay request; the page draws between them. */
const CHUNK_MS = 80;

export interface RunFiles {
  /** Opens and replays a run file (also used by drag-and-drop). */
  open(file: File): Promise<void>;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Mounts the two buttons into `tools` (the run controls) and the drop target on the page. */
export function mountRunFiles(tools: HTMLElement, session: Session, notify: Notify, banner: Banner): RunFiles {
  const save = h('button', { type: 'button', id: 'save-run', title: 'Download this run as a run file: scenario, seed, every event and checkpoint hashes' }, 'Save run');
  const openBtn = h('button', { type: 'button', id: 'open-run', title: 'Open a run file and replay it exactly (you can also drop one on the page)' }, 'Open run');
  const input = h('input', { type: 'file', accept: '.json,application/json', id: 'open-run-file', class: 'visually-hidden', tabindex: -1, 'aria-hidden': 'true' });
  const group = h('div', { class: 'group run-file-tools', id: 'run-file-tools' }, save, openBtn, input);
  const status = tools.querySelector('#run-status');
  if (status) status.before(group);
  else tools.append(group);

  let replaying: { name: string; cancel: boolean } | null = null;
  /** The opened file whose checks are not all done yet (the user may play on after Stop). */
  let pending: { name: string; otherEngine: string | null } | null = null;

  save.addEventListener('click', async () => {
    const recorded = await session.client.call((api) => api.recordedRun());
    if (!recorded) {
      notify('The run could not be saved: the engine is not running.', 'warn');
      return;
    }
    // The learner's predictions travel with the run, beside its events (no hash covers them).
    const predictions = session.predictions.list();
    const f = predictions.length > 0 ? { ...recorded, predictions } : recorded;
    const hours = (f.stopTick * f.scenario.dtSeconds) / 3600;
    const name = runFileName(f.scenario.id, f.seed, hours);
    const url = URL.createObjectURL(new Blob([runFileText(f)], { type: 'application/json' }));
    const a = h('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    notify(`Saved ${name}: ${formatClock(hours)}, ${plural(f.events.length, 'event')}, ${plural(f.checkpoints.length, 'checkpoint')}${predictions.length > 0 ? `, ${plural(predictions.length, 'prediction')}` : ''}.`);
  });

  openBtn.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void open(file);
  });

  // Drag and drop anywhere on the page.
  const dropHint = h('div', { class: 'drop-hint', 'aria-hidden': 'true' }, h('p', {}, 'Drop a run file to replay it'));
  dropHint.hidden = true;
  document.body.append(dropHint);
  const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
  document.addEventListener('dragover', (e) => {
    if (!hasFiles(e) || openBtn.hidden) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    dropHint.hidden = false;
  });
  document.addEventListener('dragleave', (e) => {
    if (e.relatedTarget === null) dropHint.hidden = true;
  });
  document.addEventListener('drop', (e) => {
    if (!hasFiles(e) || openBtn.hidden) return;
    e.preventDefault();
    dropHint.hidden = true;
    const files = e.dataTransfer?.files;
    if (!files || files.length === 0) return;
    if (files.length > 1) notify(`${files.length} files were dropped; opening the first, ${files[0].name}.`, 'warn');
    void open(files[0]);
  });

  const refuse = (title: string, lines: string[] = []) => {
    banner.show({ key: 'run-file', kind: 'error', title, lines: [...lines, 'The current run was not changed.'] });
  };

  async function open(file: File): Promise<void> {
    if (replaying) replaying.cancel = true;
    const name = file.name || 'The file';
    const size = checkRunSize(name, file.size);
    if (size && !size.ok) return refuse(size.message, size.problems);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      return refuse(`${name} could not be read (${e instanceof Error ? e.message : String(e)}).`);
    }
    let reader: typeof import('./importRun');
    try {
      reader = await import('./importRun');
    } catch (e) {
      return refuse(`${name} could not be read: the page's run-file reader did not load (${e instanceof Error ? e.message : String(e)}). Reload the page to try again.`);
    }
    const r = reader.importRunBytes(bytes, name);
    if (!r.ok) return refuse(r.message, r.problems);
    // Built beside the current run, which it replaces only once it is there.
    const built = await session.build((api) => api.prepareRun(r.file, 'file'));
    const problem = typeof built === 'string' ? built : built === null ? null : built.problem;
    if (problem) return refuse(`${name} could not be opened: ${problem}.`);
    const setup = await reader.setupFor(r.file);
    banner.clear('run-file');
    const failed = await session.openWith(setup.base, setup.lessonId, r.file.seed, setup.overrides, (api) => api.openPrepared(), r.file.predictions ?? []);
    if (failed) return refuse(`${name} could not be opened: ${failed}.`);
    if (!setup.linkable) notify(`${name} changes its lesson in ways a link cannot carry; share it as a run file.`, 'warn');
    await replay(name, r.file.stopTick, r.summary.otherEngine ? r.file.engineVersion : null);
  }

  /** Steps the opened run to its end in chunks, showing progress, then says how it compared. */
  async function replay(name: string, stopTick: number, otherEngine: string | null): Promise<void> {
    const me = { name, cancel: false };
    replaying = me;
    pending = { name, otherEngine };
    const hours = (t: number) => (t * session.dt) / 3600;
    const progress = () =>
      banner.show({
        key: 'run-file',
        kind: 'info',
        title: `Replaying ${name}: ${formatClock(hours(session.tick))} of ${formatClock(hours(stopTick))}…`,
        progress: { value: session.tick, max: Math.max(1, stopTick), label: `Replay of ${name}` },
        actions: [{ label: 'Stop', id: 'stop-replay', run: () => (me.cancel = true) }],
        dismissible: false,
      });
    const stopOnPlay = session.on('playing', (on) => {
      if (on) me.cancel = true;
    });
    banner.clear('run-file');
    progress();
    while (session.tick < stopTick && !me.cancel && session.client.alive) {
      await session.runFor(stopTick - session.tick, CHUNK_MS);
      if (session.timeline?.verify?.mismatch) break;
      progress();
    }
    stopOnPlay();
    // A newer file took over: its replay says how it went.
    if (replaying !== me) return;
    replaying = null;
    verdict(name, session.timeline, me.cancel, otherEngine);
  }

  function verdict(name: string, t: TimelineInfo | null, stopped: boolean, otherEngine: string | null): void {
    const v = t?.verify;
    if (!v || v.mismatch || v.checked === v.total || v.stopped) pending = null;
    const engine = otherEngine ? [`Recorded with engine ${otherEngine} and replayed with engine ${ENGINE_VERSION}: hashes may differ.`] : [];
    if (!v) {
      banner.show({ key: 'run-file', kind: 'warn', title: `Replayed ${name}, but it records no checkpoint hashes, so it could not be verified.`, lines: engine });
      return;
    }
    if (v.mismatch) {
      const m = v.mismatch;
      banner.show({
        key: 'run-file',
        kind: 'error',
        title: `Diverged: ${name} differs from the recorded run at step ${m.tick} (${formatClock(m.hours)}).`,
        lines: [`Expected state hash ${m.expected}, got ${m.actual}.`, `${v.checked} earlier checkpoint${v.checked === 1 ? '' : 's'} matched. The replay stopped there; press Play to go on anyway.`, ...engine],
      });
      return;
    }
    if (v.checked === v.total) {
      banner.show({ key: 'run-file', kind: 'ok', title: `Verified: identical to the recorded run (${plural(v.total, 'checkpoint')}, up to ${formatClock((session.tick * session.dt) / 3600)}).`, lines: engine });
      return;
    }
    banner.show({
      key: 'run-file',
      kind: 'warn',
      title: stopped || v.stopped ? `Replay of ${name} stopped at ${formatClock((session.tick * session.dt) / 3600)}: ${v.checked} of ${v.total} checkpoints matched so far.` : `Replayed ${name}: ${v.checked} of ${v.total} checkpoints matched.`,
      lines: v.stopped ? ['The run was changed before its end, so the later checkpoints belong to the recorded run, not this one.', ...engine] : engine,
    });
  }

  // Checks that finish after the replay (the user played on) or come from a link, and any
  // difference between two passes over the same moment.
  session.on('timeline', (t) => {
    const v = t.verify;
    if (v && v.source === 'file' && !replaying && pending && (v.mismatch || v.checked === v.total || v.stopped)) verdict(pending.name, t, false, pending.otherEngine);
    if (v && v.source === 'link') {
      if (v.mismatch)
        banner.show({
          key: 'link-check',
          kind: 'error',
          title: `This run differs from the run the link was made from, at step ${v.mismatch.tick} (${formatClock(v.mismatch.hours)}).`,
          lines: [`Expected state hash ${v.mismatch.expected}, got ${v.mismatch.actual}.`],
        });
      else if (v.checked === v.total && v.total > 0 && !linkChecked) {
        linkChecked = true;
        banner.show({ key: 'link-check', kind: 'ok', title: `Verified: this run is identical to the run the link was made from (state hash at ${formatClock((t.tick * session.dt) / 3600)}).` });
      }
    }
    if (t.selfMismatch && !selfShown) {
      selfShown = true;
      banner.show({
        key: 'self-check',
        kind: 'error',
        title: `Going back and forward gave a different state at step ${t.selfMismatch.tick} (${formatClock(t.selfMismatch.hours)}): expected ${t.selfMismatch.expected}, got ${t.selfMismatch.actual}. Please report this with a saved run file.`,
      });
    }
  });
  let linkChecked = false;
  let selfShown = false;
  session.on('load', () => {
    if (!replaying) pending = null;
    linkChecked = false;
    selfShown = false;
    banner.clear('link-check');
    banner.clear('self-check');
  });

  return { open };
}
