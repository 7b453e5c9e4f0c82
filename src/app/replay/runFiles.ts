// "Save run" and "Open run": download the run file of the current run (src/lab/runfile.ts format),
// and open one — from the file picker, or dropped on the page (dropTarget.ts hands it over) — to
// replay it in the worker, with progress and a plain verdict: identical to the recorded run, or
// exactly where it diverged.
import { ENGINE_VERSION } from '../../../sim/index';
import { runFileText } from '../../lab/runFormat';
import { formatClock } from '../../../viz/format';
import type { TimelineInfo } from '../../../workers/timeline';
import type { Session } from '../session';
import { h } from '../ui/dom';
import type { Notify } from '../ui/notices';
import type { Banner } from './banner';
import { checkRunSize, runFileName } from './runFileSize';
import { t } from '../../i18n/i18n';

/** Wall time per replay request; the page draws between them. */
const CHUNK_MS = 80;

export interface RunFiles {
  /** Opens and replays a run file (also used by drag-and-drop). */
  open(file: File): Promise<void>;
}

/** Mounts the two buttons into `tools` (the run controls). */
export function mountRunFiles(tools: HTMLElement, session: Session, notify: Notify, banner: Banner): RunFiles {
  const save = h('button', { type: 'button', id: 'save-run', title: t('replay.saveHelp') }, t('replay.save'));
  const openBtn = h('button', { type: 'button', id: 'open-run', title: t('replay.openHelp') }, t('replay.open'));
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
      notify(t('replay.saveFailed'), 'warn');
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
    notify(t('replay.saved', { name, time: formatClock(hours), events: f.events.length, checkpoints: f.checkpoints.length, predictions: predictions.length }));
  });

  openBtn.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void open(file);
  });

  const refuse = (title: string, lines: string[] = []) => {
    banner.show({ key: 'run-file', kind: 'error', title, lines: [...lines, t('replay.unchanged')] });
  };

  async function open(file: File): Promise<void> {
    if (replaying) replaying.cancel = true;
    const name = file.name || t('replay.theFile');
    const size = checkRunSize(name, file.size);
    if (size && !size.ok) return refuse(size.message, size.problems);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      return refuse(t('replay.unreadable', { name, detail: e instanceof Error ? e.message : String(e) }));
    }
    let reader: typeof import('./importRun');
    try {
      reader = await import('./importRun');
    } catch (e) {
      return refuse(t('replay.readerFailed', { name, detail: e instanceof Error ? e.message : String(e) }));
    }
    const r = reader.importRunBytes(bytes, name);
    if (!r.ok) return refuse(r.message, r.problems);
    // Built beside the current run, which it replaces only once it is there.
    const built = await session.build((api) => api.prepareRun(r.file, 'file'));
    const problem = typeof built === 'string' ? built : built === null ? null : built.problem;
    if (problem) return refuse(t('replay.notOpened', { name, problem }));
    const setup = await reader.setupFor(r.file);
    banner.clear('run-file');
    const failed = await session.openWith(setup.base, setup.lessonId, r.file.seed, setup.overrides, (api) => api.openPrepared(), r.file.predictions ?? []);
    if (failed) return refuse(t('replay.notOpened', { name, problem: failed }));
    if (!setup.linkable) notify(t('replay.notLinkable', { name }), 'warn');
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
        title: t('replay.replaying', { name, at: formatClock(hours(session.tick)), end: formatClock(hours(stopTick)) }),
        progress: { value: session.tick, max: Math.max(1, stopTick), label: t('replay.progress', { name }) },
        actions: [{ label: t('replay.stop'), id: 'stop-replay', run: () => (me.cancel = true) }],
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

  function verdict(name: string, info: TimelineInfo | null, stopped: boolean, otherEngine: string | null): void {
    const v = info?.verify;
    if (!v || v.mismatch || v.checked === v.total || v.stopped) pending = null;
    const engine = otherEngine ? [t('replay.otherEngine', { recorded: otherEngine, engine: ENGINE_VERSION })] : [];
    if (!v) {
      banner.show({ key: 'run-file', kind: 'warn', title: t('replay.noCheckpoints', { name }), lines: engine });
      return;
    }
    if (v.mismatch) {
      const m = v.mismatch;
      banner.show({
        key: 'run-file',
        kind: 'error',
        title: t('replay.diverged', { name, step: m.tick, time: formatClock(m.hours) }),
        lines: [t('replay.hashes', { expected: m.expected, actual: m.actual }), t('replay.earlierMatched', { n: v.checked }), ...engine],
      });
      return;
    }
    if (v.checked === v.total) {
      banner.show({ key: 'run-file', kind: 'ok', title: t('replay.verified', { n: v.total, time: formatClock((session.tick * session.dt) / 3600) }), lines: engine });
      return;
    }
    banner.show({
      key: 'run-file',
      kind: 'warn',
      title: stopped || v.stopped ? t('replay.stoppedAt', { name, time: formatClock((session.tick * session.dt) / 3600), checked: v.checked, total: v.total }) : t('replay.partly', { name, checked: v.checked, total: v.total }),
      lines: v.stopped ? [t('replay.changedBeforeEnd'), ...engine] : engine,
    });
  }

  // Checks that finish after the replay (the user played on) or come from a link, and any
  // difference between two passes over the same moment.
  session.on('timeline', (info) => {
    const v = info.verify;
    if (v && v.source === 'file' && !replaying && pending && (v.mismatch || v.checked === v.total || v.stopped)) verdict(pending.name, info, false, pending.otherEngine);
    if (v && v.source === 'link') {
      if (v.mismatch)
        banner.show({
          key: 'link-check',
          kind: 'error',
          title: t('replay.linkDiffers', { step: v.mismatch.tick, time: formatClock(v.mismatch.hours) }),
          lines: [t('replay.hashes', { expected: v.mismatch.expected, actual: v.mismatch.actual })],
        });
      else if (v.checked === v.total && v.total > 0 && !linkChecked) {
        linkChecked = true;
        banner.show({ key: 'link-check', kind: 'ok', title: t('replay.linkVerified', { time: formatClock((info.tick * session.dt) / 3600) }) });
      }
    }
    if (info.selfMismatch && !selfShown) {
      selfShown = true;
      banner.show({
        key: 'self-check',
        kind: 'error',
        title: t('replay.selfMismatch', { step: info.selfMismatch.tick, time: formatClock(info.selfMismatch.hours), expected: info.selfMismatch.expected, actual: info.selfMismatch.actual }),
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
