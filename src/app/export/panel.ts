// The Export panel and dialog: CSV of the metric series and of the cells now, PNG of the tissue
// view and of each chart, a WebM video of the tissue rendered from a copy of the run (progress
// bar and Cancel), and "Download everything" as one ZIP. The run pauses while the dialog is open,
// and nothing here steps the run itself (the video steps its own copy in a second worker).
import { formatClock, formatCount } from '../../../viz/format';
import type { Session } from '../session';
import { h, replace, uid } from '../ui/dom';
import { SPEEDS, formatSpeed } from '../ui/units';
import { makeDialog } from './dialog';
import { formatBytes, saveBlob } from './download';
import { bundle, cellsFile, chartFile, chartRoots, metricsFile, runBase, runFile, tissueFile, type ExportSources, type NamedBlob } from './files';
import { mediaRecorderAvailable, recordVideo, webCodecsAvailable, type VideoMethod } from './video';
import { hoursLabel } from './names';

export interface ExportMount {
  /** The side panel the "Export" panel follows (the Interventions panel). */
  after: HTMLElement;
  viewCanvas: HTMLCanvasElement;
  overlayCanvas?: HTMLCanvasElement | null;
  charts: HTMLElement;
  /** The tissue shown in the main view (index in scenario key order). */
  tissue: () => number;
}

const SIZES = [
  { label: '640 × 360', w: 640, h: 360 },
  { label: '960 × 540', w: 960, h: 540 },
  { label: '1280 × 720 (HD)', w: 1280, h: 720 },
  { label: '1920 × 1080 (full HD)', w: 1920, h: 1080 },
  { label: '720 × 720 (square)', w: 720, h: 720 },
];
const RATES = [10, 15, 24, 30];

export function mountExport(session: Session, m: ExportMount): void {
  const src: ExportSources = { session, viewCanvas: m.viewCanvas, overlayCanvas: m.overlayCanvas, charts: m.charts };
  const dialog = makeDialog('Export this run', 'cp-export');
  // A small panel in the side column (the header has no room to spare at 1280 × 720).
  const openBtn = h('button', { type: 'button', id: 'export-open', 'aria-haspopup': 'dialog' }, 'Export…');
  m.after.after(
    h(
      'section',
      { class: 'panel cp-export-panel', id: 'export-panel', 'aria-labelledby': 'export-panel-h' },
      h('h2', { id: 'export-panel-h' }, 'Save what you see'),
      h('div', { class: 'cp-export-row' }, openBtn, h('p', { class: 'help' }, 'Data as CSV, pictures as PNG, a video, or everything in one ZIP.')),
    ),
  );

  const runLine = h('p', { class: 'cp-note', id: 'export-run' });
  const status = h('p', { class: 'cp-status', role: 'status', 'aria-live': 'polite', id: 'export-status' });
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
      say(`Saved ${f.name} (${formatBytes(f.blob.size)}, ${Math.round(performance.now() - t0)} ms).`);
    } catch (e) {
      say(`Could not export: ${(e as Error).message}`, true);
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
    h('h3', { id: 'export-data-h' }, 'Data (CSV)'),
    h('div', { class: 'cp-buttons' }, action('Metrics (CSV)', 'export-metrics', () => metricsFile(src)), action('Cells now (CSV)', 'export-cells', () => cellsFile(src))),
    h('p', { class: 'cp-note' }, 'Metrics: one row per sample, t_hours then one column per metric — the same file as cellpost run --csv. Cells: one row per living cell with its type, state, tissue, position, vesicles taken up by type and signal levels.'),
  );

  // Pictures.
  const chartButtons = h('div', { class: 'cp-buttons' });
  const pictures = h(
    'section',
    { 'aria-labelledby': 'export-png-h' },
    h('h3', { id: 'export-png-h' }, 'Pictures (PNG)'),
    h('div', { class: 'cp-buttons' }, action('Tissue view (PNG)', 'export-tissue', () => tissueFile(src))),
    chartButtons,
    h('p', { class: 'cp-note' }, 'The tissue as it is on screen (zoom and highlights included); each chart at twice its screen size, with its title and legend.'),
  );
  const listCharts = () => {
    const roots = chartRoots(m.charts);
    replace(
      chartButtons,
      ...roots.map((r, i) => {
        const title = r.querySelector(':scope > h3')?.textContent ?? `Chart ${i + 1}`;
        return action(`Chart: ${title} (PNG)`, `export-chart-${i + 1}`, () => chartFile(src, i));
      }),
    );
  };

  // Video.
  const vid = uid('video');
  const fromNow = h('input', { type: 'radio', name: `${vid}-from`, id: `${vid}-now`, value: 'now', checked: true });
  const fromStart = h('input', { type: 'radio', name: `${vid}-from`, id: `${vid}-start`, value: 'start' });
  const seconds = h('input', { type: 'number', id: `${vid}-len`, min: 1, max: 300, step: 1, value: 10 });
  const rate = h('select', { id: `${vid}-fps` }, ...RATES.map((r) => h('option', { value: String(r), selected: r === 15 }, `${r} frames/s`)));
  const speed = h('select', { id: `${vid}-speed` }, ...SPEEDS.map((s) => h('option', { value: String(s) }, formatSpeed(s, false))));
  const size = h('select', { id: `${vid}-size` }, ...SIZES.map((s, i) => h('option', { value: String(i), selected: s.w === 1280 && s.h === 720 }, s.label)));
  const method = h('select', { id: `${vid}-method` }, h('option', { value: 'auto' }, 'automatic'), h('option', { value: 'webcodecs' }, 'WebCodecs (fast)'), h('option', { value: 'mediarecorder' }, 'MediaRecorder (real time)'));
  const plan = h('p', { class: 'cp-note', id: 'export-video-plan' });
  const record = h('button', { type: 'button', class: 'primary', id: 'export-video' }, 'Record video');
  const cancel = h('button', { type: 'button', id: 'export-video-cancel', disabled: true }, 'Cancel');
  const progress = h('progress', { id: 'export-video-progress', max: 1, value: 0, 'aria-label': 'Video frames made' });
  const progressText = h('span', { class: 'cp-note', id: 'export-video-count' });
  const preview = h('canvas', { class: 'cp-preview', width: 320, height: 180, 'aria-hidden': 'true' });
  const video = h(
    'section',
    { 'aria-labelledby': 'export-video-h' },
    h('h3', { id: 'export-video-h' }, 'Video of the tissue (WebM)'),
    h(
      'fieldset',
      { class: 'cp-radios' },
      h('legend', {}, 'Start from'),
      h('span', { class: 'cp-radio' }, fromNow, h('label', { for: `${vid}-now` }, 'now — a copy of this run continues from here')),
      h('span', { class: 'cp-radio' }, fromStart, h('label', { for: `${vid}-start` }, "the start — replays this run's settings and interventions from 0 h")),
    ),
    h(
      'div',
      { class: 'cp-form' },
      h('label', { for: `${vid}-len` }, 'Length (s)'),
      seconds,
      h('label', { for: `${vid}-fps` }, 'Frame rate'),
      rate,
      h('label', { for: `${vid}-speed` }, 'Simulated time'),
      speed,
      h('label', { for: `${vid}-size` }, 'Size (px)'),
      size,
      h('label', { for: `${vid}-method` }, 'Encoder'),
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
        h('p', { class: 'cp-note' }, 'Each frame is computed by a second engine from a copy of the run, so recording never changes the run on screen. The same seed and settings give the same video.'),
      ),
      h('div', { class: 'cp-preview-box' }, preview),
    ),
  );

  // Everything.
  const all = h('button', { type: 'button', class: 'primary', id: 'export-all' }, 'Download everything (.zip)');
  const everything = h(
    'section',
    { 'aria-labelledby': 'export-all-h' },
    h('h3', { id: 'export-all-h', class: 'visually-hidden' }, 'Everything'),
    h('div', { class: 'cp-buttons' }, all),
    h('p', { class: 'cp-note' }, 'One ZIP file with the run file (replays to the same state: cellpost replay run.json --verify), both CSV files, the tissue and chart pictures, and a README. Videos are made separately, below.'),
  );
  all.addEventListener('click', () =>
    void run(all, async () => {
      const z = await bundle(src, (what) => say(`Packing: ${what}…`));
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
    plan.textContent = `${formatCount(p.frames)} frames (${p.secs} s at ${p.fps} frames/s), ${p.spf} engine ${p.spf === 1 ? 'step' : 'steps'} per frame: ${formatClock(p.start)} → ${formatClock(p.end)} of simulated time.`;
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
    progressText.textContent = `frame 0 of ${p.frames}`;
    say('Recording…');
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
        caption: `${session.scenario.title} · seed ${session.seed}`,
        method: method.value as VideoMethod | 'auto',
        signal: ctl.signal,
        onProgress: (done, total, canvas) => {
          progress.value = done;
          progressText.textContent = `frame ${done} of ${total}`;
          drawPreview(canvas);
        },
      });
      const name = `${runBase(session)}-video-${hoursLabel(r.fromHours)}-to-${hoursLabel(r.toHours)}.webm`;
      saveBlob(name, r.blob);
      say(`Saved ${name} (${formatBytes(r.blob.size)}, ${r.frames} frames ${r.width}×${r.height} in ${(r.ms / 1000).toFixed(1)} s with ${r.method === 'webcodecs' ? 'WebCodecs' : 'MediaRecorder'}).`);
      status.dataset.timing = JSON.stringify({ ...r.timing, ms: r.ms });
    } catch (e) {
      if ((e as Error).name === 'AbortError') say('Recording cancelled; nothing was saved.');
      else say(`Could not record the video: ${(e as Error).message}`, true);
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
    runLine.textContent = `${session.scenario.title} · seed ${session.seed} · at ${formatClock(f?.hours ?? 0)} (step ${formatCount(f?.tick ?? 0)}). The run is paused while this is open.`;
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
    method.options[0].textContent = ok ? 'automatic: WebCodecs' : mr ? 'automatic: MediaRecorder' : 'automatic: none here';
    method.options[1].disabled = !ok;
    method.options[2].disabled = !mr;
    if (!ok && !mr) {
      record.disabled = true;
      plan.textContent = 'This browser cannot make videos from a canvas.';
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
  if (!snap) throw new Error('the engine is not running');
  return snap;
}
