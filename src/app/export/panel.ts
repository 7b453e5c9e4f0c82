// The Export panel and dialog: CSV of the metric series and of the cells now, PNG of the tissue
// view and of each chart, a WebM video of the tissue rendered from a copy of the run (progress
// bar and Cancel), and "Download everything" as one ZIP. The run pauses while the dialog is open,
// and nothing here steps the run itself (the video steps its own copy in a second worker).
import { formatClock, formatCount } from '../../../viz/format';
import type { Session } from '../session';
import { h, replace, uid } from '../ui/dom';
import { SPEEDS } from '../ui/units';
import { makeDialog } from './dialog';
import { formatBytes, saveBlob } from './download';
import { bundle, cellsFile, chartFile, chartRoots, metricsFile, runBase, runFile, tissueFile, type ExportSources, type NamedBlob } from './files';
import { mediaRecorderAvailable, recordVideo, webCodecsAvailable, type VideoMethod } from './video';
import { hoursLabel } from './names';
import { t } from './messages';

export interface ExportMount {
  /** The side panel the "Export" panel follows (the Interventions panel). */
  after: HTMLElement;
  viewCanvas: HTMLCanvasElement;
  overlayCanvas?: HTMLCanvasElement | null;
  charts: HTMLElement;
  /** The tissue shown in the main view (index in scenario key order). */
  tissue: () => number;
}

const SIZES: { w: number; h: number; kind?: 'hd' | 'fullHd' | 'square' }[] = [
  { w: 640, h: 360 },
  { w: 960, h: 540 },
  { w: 1280, h: 720, kind: 'hd' },
  { w: 1920, h: 1080, kind: 'fullHd' },
  { w: 720, h: 720, kind: 'square' },
];
/** Simulated time per second of video, as the menu names it: "30 min per second", "2 h per second". */
const speedLabel = (hoursPerSecond: number) =>
  hoursPerSecond < 1 ? t('files.export.speedMin', { n: Math.round(hoursPerSecond * 600) / 10 }) : t('files.export.speedHours', { n: Math.round(hoursPerSecond * 10) / 10 });
/** A video size as the menu names it: "1280 × 720 (HD)". */
const sizeLabel = (s: (typeof SIZES)[number]) => t('files.export.size', { w: String(s.w), h: String(s.h), kind: s.kind ?? 'none' });
const RATES = [10, 15, 24, 30];

export function mountExport(session: Session, m: ExportMount): void {
  const src: ExportSources = { session, viewCanvas: m.viewCanvas, overlayCanvas: m.overlayCanvas, charts: m.charts };
  const dialog = makeDialog(t('files.export.title'), 'cp-export');
  // A small panel in the side column (the header has no room to spare at 1280 × 720).
  const openBtn = h('button', { type: 'button', id: 'export-open', 'aria-haspopup': 'dialog' }, t('files.export.open'));
  m.after.after(
    h(
      'section',
      { class: 'panel cp-export-panel', id: 'export-panel', 'aria-labelledby': 'export-panel-h' },
      h('h2', { id: 'export-panel-h' }, t('files.export.panelTitle')),
      h('div', { class: 'cp-export-row' }, openBtn, h('p', { class: 'help' }, t('files.export.panelHelp'))),
    ),
  );

  const runLine = h('p', { class: 'cp-note', id: 'export-run' });
  // What the status line says while it has nothing to report (shown by dialog.css).
  const status = h('p', { class: 'cp-status', role: 'status', 'aria-live': 'polite', id: 'export-status', 'data-empty': t('files.export.savedTo') });
  const say = (text: string, warn = false) => {
    status.textContent = text;
    status.classList.toggle('warn', warn);
  };

  /** Runs one export, saving what it makes; reports success or the problem in words. */
  const run = async (btn: HTMLButtonElement, make: () => Promise<NamedBlob> | NamedBlob) => {
    btn.disabled = true;
    try {
      const t0 = performance.now();
      const f = await make();
      saveBlob(f.name, f.blob);
      say(t('files.export.saved', { name: f.name, size: formatBytes(f.blob.size), ms: Math.round(performance.now() - t0) }));
    } catch (e) {
      say(t('files.export.failed', { detail: (e as Error).message }), true);
    } finally {
      btn.disabled = false;
    }
  };
  const action = (label: string, id: string, make: () => Promise<NamedBlob> | NamedBlob) => {
    const b = h('button', { type: 'button', id }, label);
    b.addEventListener('click', () => void run(b, make));
    return b;
  };

  // Data.
  const data = h(
    'section',
    { 'aria-labelledby': 'export-data-h' },
    h('h3', { id: 'export-data-h' }, t('files.export.data')),
    h('div', { class: 'cp-buttons' }, action(t('files.export.metrics'), 'export-metrics', () => metricsFile(src)), action(t('files.export.cells'), 'export-cells', () => cellsFile(src))),
    h('p', { class: 'cp-note' }, t('files.export.dataNote')),
  );

  // Pictures.
  const chartButtons = h('div', { class: 'cp-buttons' });
  const pictures = h(
    'section',
    { 'aria-labelledby': 'export-png-h' },
    h('h3', { id: 'export-png-h' }, t('files.export.pictures')),
    h('div', { class: 'cp-buttons' }, action(t('files.export.tissue'), 'export-tissue', () => tissueFile(src))),
    chartButtons,
    h('p', { class: 'cp-note' }, t('files.export.picturesNote')),
  );
  const listCharts = () => {
    const roots = chartRoots(m.charts);
    replace(
      chartButtons,
      ...roots.map((r, i) => {
        const title = r.querySelector(':scope > h3')?.textContent ?? t('files.export.chartN', { n: i + 1 });
        // i18n-exempt: the second argument is an element id
        return action(t('files.export.chart', { title }), `export-chart-${i + 1}`, () => chartFile(src, i));
      }),
    );
  };

  // Video.
  const vid = uid('video');
  const fromNow = h('input', { type: 'radio', name: `${vid}-from`, id: `${vid}-now`, value: 'now', checked: true });
  const fromStart = h('input', { type: 'radio', name: `${vid}-from`, id: `${vid}-start`, value: 'start' });
  const seconds = h('input', { type: 'number', id: `${vid}-len`, min: 1, max: 300, step: 1, value: 10 });
  const rate = h('select', { id: `${vid}-fps` }, ...RATES.map((r) => h('option', { value: String(r), selected: r === 15 }, t('files.export.fps', { n: r }))));
  const speed = h('select', { id: `${vid}-speed` }, ...SPEEDS.map((s) => h('option', { value: String(s) }, speedLabel(s))));
  const size = h('select', { id: `${vid}-size` }, ...SIZES.map((s, i) => h('option', { value: String(i), selected: s.w === 1280 && s.h === 720 }, sizeLabel(s))));
  const method = h('select', { id: `${vid}-method` }, h('option', { value: 'auto' }, t('files.export.auto')), h('option', { value: 'webcodecs' }, t('files.export.webcodecs')), h('option', { value: 'mediarecorder' }, t('files.export.mediarecorder')));
  const plan = h('p', { class: 'cp-note', id: 'export-video-plan' });
  const record = h('button', { type: 'button', class: 'primary', id: 'export-video' }, t('files.export.record'));
  const cancel = h('button', { type: 'button', id: 'export-video-cancel', disabled: true }, t('files.export.cancel'));
  const progress = h('progress', { id: 'export-video-progress', max: 1, value: 0, 'aria-label': t('files.export.framesMade') });
  const progressText = h('span', { class: 'cp-note', id: 'export-video-count' });
  const preview = h('canvas', { class: 'cp-preview', width: 320, height: 180, 'aria-hidden': 'true' });
  const video = h(
    'section',
    { 'aria-labelledby': 'export-video-h' },
    h('h3', { id: 'export-video-h' }, t('files.export.video')),
    h(
      'fieldset',
      { class: 'cp-radios' },
      h('legend', {}, t('files.export.startFrom')),
      h('span', { class: 'cp-radio' }, fromNow, h('label', { for: `${vid}-now` }, t('files.export.fromNow'))),
      h('span', { class: 'cp-radio' }, fromStart, h('label', { for: `${vid}-start` }, t('files.export.fromStart'))),
    ),
    h(
      'div',
      { class: 'cp-form' },
      h('label', { for: `${vid}-len` }, t('files.export.length')),
      seconds,
      h('label', { for: `${vid}-fps` }, t('files.export.rate')),
      rate,
      h('label', { for: `${vid}-speed` }, t('files.export.speed')),
      speed,
      h('label', { for: `${vid}-size` }, t('files.export.sizePx')),
      size,
      h('label', { for: `${vid}-method` }, t('files.export.encoder')),
      method,
    ),
    h(
      'div',
      { class: 'cp-video' },
      h(
        'div',
        {},
        plan,
        h('div', { class: 'cp-buttons cp-record' }, record, cancel, progressText),
        progress,
        h('p', { class: 'cp-note' }, t('files.export.videoNote')),
      ),
      h('div', { class: 'cp-preview-box' }, preview),
    ),
  );

  // Everything.
  const all = h('button', { type: 'button', class: 'primary', id: 'export-all' }, t('files.export.all'));
  const everything = h(
    'section',
    { 'aria-labelledby': 'export-all-h' },
    h('h3', { id: 'export-all-h', class: 'visually-hidden' }, t('files.export.everything')),
    h('div', { class: 'cp-buttons' }, all),
    h('p', { class: 'cp-note' }, t('files.export.allNote')),
  );
  all.addEventListener('click', () =>
    void run(all, async () => {
      const z = await bundle(src, (what) => say(t('files.export.packing', { what })));
      return z;
    }),
  );

  dialog.body.append(runLine, everything, h('div', { class: 'cp-cols' }, data, pictures), video);
  // The status line stays in view under the scrolling body.
  dialog.el.append(h('div', { class: 'cp-dialog-foot' }, status));

  // The plan of the video: frames, steps per frame, the stretch of simulated time it covers.
  const videoPlan = () => {
    const fps = Number(rate.value);
    const secs = Math.max(1, Math.min(300, Math.round(Number(seconds.value) || 10)));
    const frames = secs * fps;
    const spf = Math.max(1, Math.round((Number(speed.value) * 3600) / session.dt / fps));
    const start = fromStart.checked ? 0 : (session.frame?.hours ?? 0);
    const end = start + ((frames - 1) * spf * session.dt) / 3600;
    return { fps, secs, frames, spf, start, end };
  };
  const showPlan = () => {
    const p = videoPlan();
    plan.textContent = t('files.export.plan', { frames: formatCount(p.frames), secs: p.secs, fps: p.fps, spf: p.spf, from: formatClock(p.start), to: formatClock(p.end) });
  };
  for (const c of [seconds, rate, speed, fromNow, fromStart]) c.addEventListener('input', showPlan);

  let recording: AbortController | null = null;
  const drawPreview = (c: HTMLCanvasElement) => {
    const ctx = preview.getContext('2d');
    if (!ctx) return;
    const w = 320;
    const hgt = Math.round((w * c.height) / c.width);
    if (preview.height !== hgt) preview.height = hgt;
    ctx.drawImage(c, 0, 0, w, hgt);
  };
  record.addEventListener('click', async () => {
    if (recording) return;
    const p = videoPlan();
    const sz = SIZES[Number(size.value)] ?? SIZES[2];
    const ctl = new AbortController();
    recording = ctl;
    record.disabled = true;
    cancel.disabled = false;
    progress.max = p.frames;
    progress.value = 0;
    progressText.textContent = t('files.export.frameOf', { done: 0, total: p.frames });
    say(t('files.export.recording'));
    try {
      await session.idle();
      const source = fromStart.checked ? { run: (await runFile(src)).file } : { snapshot: await takeSnapshot(session) };
      const r = await recordVideo({
        source,
        tissue: m.tissue(),
        width: sz.w,
        height: sz.h,
        fps: p.fps,
        frames: p.frames,
        stepsPerFrame: p.spf,
        caption: t('files.export.caption', { title: session.scenario.title, seed: session.seed }),
        method: method.value as VideoMethod | 'auto',
        signal: ctl.signal,
        onProgress: (done, total, canvas) => {
          progress.value = done;
          progressText.textContent = t('files.export.frameOf', { done, total });
          drawPreview(canvas);
        },
      });
      // i18n-exempt: a file name: ASCII and the same in every language (docs/export.md)
      const name = `${runBase(session)}-video-${hoursLabel(r.fromHours)}-to-${hoursLabel(r.toHours)}.webm`;
      saveBlob(name, r.blob);
      say(t('files.export.videoSaved', { name, size: formatBytes(r.blob.size), frames: r.frames, w: String(r.width), h: String(r.height), secs: Math.round(r.ms / 100) / 10, method: r.method === 'webcodecs' ? 'WebCodecs' : 'MediaRecorder' }));
      status.dataset.timing = JSON.stringify({ ...r.timing, ms: r.ms });
    } catch (e) {
      if ((e as Error).name === 'AbortError') say(t('files.export.cancelled'));
      else say(t('files.export.videoFailed', { detail: (e as Error).message }), true);
    } finally {
      recording = null;
      record.disabled = false;
      cancel.disabled = true;
    }
  });
  cancel.addEventListener('click', () => recording?.abort());
  dialog.onClose(() => recording?.abort());

  const describeRun = () => {
    const f = session.frame;
    runLine.textContent = t('files.export.runLine', { title: session.scenario.title, seed: session.seed, clock: formatClock(f?.hours ?? 0), step: formatCount(f?.tick ?? 0) });
  };

  openBtn.addEventListener('click', async () => {
    session.pause();
    describeRun();
    listCharts();
    showPlan();
    say('');
    dialog.open();
    const ok = await webCodecsAvailable();
    const mr = mediaRecorderAvailable();
    method.options[0].textContent = t('files.export.autoIs', { method: ok ? 'webcodecs' : mr ? 'mediarecorder' : 'none' });
    method.options[1].disabled = !ok;
    method.options[2].disabled = !mr;
    if (!ok && !mr) {
      record.disabled = true;
      plan.textContent = t('files.export.noVideo');
    }
  });
  session.on('load', () => {
    if (!dialog.el.open) return;
    describeRun();
    listCharts();
  });
  const pickSpeed = () => {
    const best = SPEEDS.reduce((a, b) => (Math.abs(b - session.speed) < Math.abs(a - session.speed) ? b : a), SPEEDS[0]);
    speed.value = String(best);
  };
  openBtn.addEventListener('click', pickSpeed, { capture: true });
}

/** A snapshot of the run now (the worker copies its state; the run itself is untouched). */
async function takeSnapshot(session: Session) {
  const snap = await session.client.call((api) => api.takeSnapshot());
  if (!snap) throw new Error(t('files.export.engineDown'));
  return snap;
}
