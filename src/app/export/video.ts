// A video (WebM) of the tissue view rendered frame by frame from the simulation, not captured
// from the screen: a second engine worker continues a copy of the run (or replays it from the
// start) a fixed number of steps per video frame, the page draws each frame with the same tissue
// view into an off-screen canvas and encodes it with WebCodecs (VP8, muxed by ./webm.ts, faster
// than real time) or, where WebCodecs is missing, MediaRecorder on canvas.captureStream(0).
import type { Frame, Snapshot } from '../../../sim/index';
import type { RunFile } from '../../lab';
import { createTissueView, type TissueView } from '../../../viz/tissueView';
import { formatClock } from '../../../viz/format';
import { EngineClient, type Engine } from '../engine/client';
import type { LoadInfo } from '../../../workers/protocol';
import { WebmMuxer } from './webm';
import { t } from './messages';

export type VideoMethod = 'webcodecs' | 'mediarecorder';

export interface VideoOptions {
  /** Continue a copy of the run from a snapshot, or replay a run file from its start. */
  source: { snapshot: Snapshot } | { run: RunFile };
  /** Index of the tissue to show (scenario key order). */
  tissue: number;
  width: number;
  height: number;
  fps: number;
  /** Video frames to make; the first shows the starting state. */
  frames: number;
  /** Engine steps between two video frames. */
  stepsPerFrame: number;
  /** Text drawn under the clock (lesson and seed). */
  caption: string;
  method?: VideoMethod | 'auto';
  /** Reports progress after each frame; `preview` is the canvas just drawn. */
  onProgress?: (done: number, total: number, preview: HTMLCanvasElement) => void;
  signal?: AbortSignal;
}

export interface VideoResult {
  blob: Blob;
  method: VideoMethod;
  frames: number;
  width: number;
  height: number;
  fromHours: number;
  toHours: number;
  /** Wall-clock milliseconds the recording took, and where they went: waiting for the engine, drawing, encoding. */
  ms: number;
  timing: { waitMs: number; drawMs: number; encodeMs: number };
}

const VP8 = 'vp8';

/** Whether this page can encode with WebCodecs (a secure context with VideoEncoder and VP8). */
export async function webCodecsAvailable(width = 1280, height = 720, fps = 10): Promise<boolean> {
  if (typeof VideoEncoder === 'undefined' || typeof VideoFrame === 'undefined') return false;
  try {
    return (await VideoEncoder.isConfigSupported({ codec: VP8, width, height, bitrate: bitrateFor(width, height, fps), framerate: fps })).supported === true;
  } catch {
    return false;
  }
}

/** Whether MediaRecorder can write WebM from a canvas here. */
export function mediaRecorderAvailable(): boolean {
  return typeof MediaRecorder !== 'undefined' && typeof HTMLCanvasElement.prototype.captureStream === 'function' && MediaRecorder.isTypeSupported('video/webm;codecs=vp8') // i18n-exempt: a MIME type;
}

/** Bits per second: dots are fine detail, so about 0.15 bit per pixel per frame, 1–12 Mbit/s. */
export function bitrateFor(width: number, height: number, fps: number): number {
  return Math.round(Math.min(12e6, Math.max(1e6, width * height * fps * 0.15)));
}

function abortError(): DOMException {
  return new DOMException(t('files.export.videoCancelled'), 'AbortError');
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The clock and caption in the top-right corner of a video frame (CSS px = canvas px here). */
function drawClock(ctx: CanvasRenderingContext2D, width: number, hours: number, caption: string): void {
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  const big = Math.max(14, Math.round(width / 48));
  const small = Math.max(11, Math.round(big * 0.6));
  const clock = formatClock(hours);
  ctx.font = `700 ${big}px system-ui, sans-serif`;
  const w1 = ctx.measureText(clock).width;
  ctx.font = `${small}px system-ui, sans-serif`;
  const w2 = ctx.measureText(caption).width;
  const w = Math.max(w1, w2) + 16;
  const x = width - w - 8;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(x, 8, w, big + small + 18);
  ctx.fillStyle = '#1d1d1f';
  ctx.textAlign = 'right';
  ctx.textBaseline = 'top';
  ctx.font = `700 ${big}px system-ui, sans-serif`;
  ctx.fillText(clock, width - 16, 14);
  ctx.font = `${small}px system-ui, sans-serif`;
  ctx.fillText(caption, width - 16, 18 + big);
  ctx.restore();
}

/** Loads the source into a fresh worker; returns its info. */
async function loadCopy(api: Engine, source: VideoOptions['source']): Promise<LoadInfo> {
  if ('snapshot' in source) return api.restore(source.snapshot);
  const run = source.run;
  const info = await api.load({ scenario: run.scenario }, run.seed);
  for (const e of run.events) {
    const problem = await api.schedule(e);
    if (problem) throw new Error(`a recorded event could not be replayed: ${problem}`);
  }
  return info;
}

/** Encoder over WebCodecs + the WebM muxer. */
function webCodecsEncoder(canvas: HTMLCanvasElement, fps: number, fail: (e: Error) => void) {
  const muxer = new WebmMuxer({ width: canvas.width, height: canvas.height, codec: 'V_VP8', frameRate: fps });
  const encoder = new VideoEncoder({
    output: (chunk) => {
      const buf = new Uint8Array(chunk.byteLength);
      chunk.copyTo(buf);
      muxer.addFrame(buf, chunk.timestamp, chunk.type === 'key');
    },
    error: (e) => fail(e instanceof Error ? e : new Error(String(e))),
  });
  encoder.configure({ codec: VP8, width: canvas.width, height: canvas.height, bitrate: bitrateFor(canvas.width, canvas.height, fps), framerate: fps, latencyMode: 'quality' });
  const frameUs = 1e6 / fps;
  return {
    async add(k: number): Promise<void> {
      // Keep the encoder's queue short so memory stays flat and cancel answers quickly.
      while (encoder.encodeQueueSize > 3) await new Promise<void>((r) => encoder.addEventListener('dequeue', () => r(), { once: true }));
      const frame = new VideoFrame(canvas, { timestamp: Math.round(k * frameUs), duration: Math.round(frameUs) });
      try {
        encoder.encode(frame, { keyFrame: k % Math.max(1, Math.round(2 * fps)) === 0 });
      } finally {
        frame.close();
      }
    },
    async finish(): Promise<Blob> {
      await encoder.flush();
      encoder.close();
      return new Blob([muxer.finish() as Uint8Array<ArrayBuffer>], { type: 'video/webm' });
    },
    close(): void {
      if (encoder.state !== 'closed') encoder.close();
    },
  };
}

/** Encoder over MediaRecorder: frames are requested in real time, one every 1/fps seconds. */
function mediaRecorderEncoder(canvas: HTMLCanvasElement, fps: number) {
  const stream = canvas.captureStream(0);
  const track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack;
  const rec = new MediaRecorder(stream, { mimeType: 'video/webm;codecs=vp8', videoBitsPerSecond: bitrateFor(canvas.width, canvas.height, fps) });
  const chunks: Blob[] = [];
  rec.addEventListener('dataavailable', (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  });
  let t0 = 0;
  const started = new Promise<void>((r) => rec.addEventListener('start', () => r(), { once: true }));
  rec.start();
  return {
    async add(k: number): Promise<void> {
      if (k === 0) {
        // Frames requested before the recorder has started are lost.
        await started;
        t0 = performance.now();
      }
      track.requestFrame();
      // The recorder stamps frames with wall time: hold each for its share of a second.
      const due = t0 + ((k + 1) * 1000) / fps;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
    },
    async finish(): Promise<Blob> {
      const stopped = new Promise<void>((r) => rec.addEventListener('stop', () => r(), { once: true }));
      rec.stop();
      await stopped;
      track.stop();
      return new Blob(chunks, { type: 'video/webm' });
    },
    close(): void {
      if (rec.state !== 'inactive') rec.stop();
      track.stop();
    },
  };
}

/** Records the video; rejects with an AbortError when `signal` is aborted. */
export async function recordVideo(opts: VideoOptions): Promise<VideoResult> {
  const started = performance.now();
  const width = Math.max(16, Math.round(opts.width / 2) * 2);
  const height = Math.max(16, Math.round(opts.height / 2) * 2);
  let method: VideoMethod;
  if (opts.method === 'webcodecs' || opts.method === 'mediarecorder') method = opts.method;
  else method = (await webCodecsAvailable(width, height, opts.fps)) ? 'webcodecs' : 'mediarecorder';
  if (method === 'webcodecs' && !(await webCodecsAvailable(width, height, opts.fps))) throw new Error('this browser cannot encode VP8 video with WebCodecs here (it needs https or localhost)');
  if (method === 'mediarecorder' && !mediaRecorderAvailable()) throw new Error('this browser cannot record WebM video from a canvas');

  let failure: Error | null = null;
  const client = new EngineClient((msg) => {
    failure = new Error(`the recording engine stopped: ${msg}`);
  });
  const api = client.start();
  // An off-screen canvas of exactly width × height device pixels: off the page, the view sizes
  // itself from canvas.width / devicePixelRatio, so its pixels stay the video's.
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  let view: TissueView | null = null;
  let encoder: ReturnType<typeof webCodecsEncoder> | ReturnType<typeof mediaRecorderEncoder> | null = null;
  const check = () => {
    if (opts.signal?.aborted) throw abortError();
    if (failure) throw failure;
  };
  try {
    const info = await client.call(() => loadCopy(api, opts.source));
    check();
    if (!info) throw failure ?? new Error('the recording engine did not start');
    view = createTissueView(canvas, info.scenario);
    view.setReducedMotion(true);
    view.setTissue(opts.tissue);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw on a 2D canvas');
    encoder = method === 'webcodecs' ? webCodecsEncoder(canvas, opts.fps, (e) => (failure = e)) : mediaRecorderEncoder(canvas, opts.fps);
    const advance = (steps: number) => client.call((a) => a.advance(steps, Infinity, Number.MAX_SAFE_INTEGER));
    let next = advance(0);
    let fromHours = 0;
    let toHours = 0;
    const timing = { waitMs: 0, drawMs: 0, encodeMs: 0 };
    for (let k = 0; k < opts.frames; k++) {
      const t0 = performance.now();
      const r = await next;
      const t1 = performance.now();
      timing.waitMs += t1 - t0;
      check();
      if (!r) throw failure ?? new Error('the recording engine did not answer');
      // Ask for the next frame first, so the worker steps while this one is drawn and encoded.
      if (k + 1 < opts.frames) next = advance(opts.stepsPerFrame);
      const f: Frame = r.frame;
      if (k === 0) fromHours = f.hours;
      toHours = f.hours;
      view.draw(f);
      drawClock(ctx, width, f.hours, opts.caption);
      const t2 = performance.now();
      timing.drawMs += t2 - t1;
      await encoder.add(k);
      timing.encodeMs += performance.now() - t2;
      check();
      opts.onProgress?.(k + 1, opts.frames, canvas);
    }
    const t3 = performance.now();
    const blob = await encoder.finish();
    timing.encodeMs += performance.now() - t3;
    encoder = null;
    check();
    return { blob, method, frames: opts.frames, width, height, fromHours, toHours, ms: performance.now() - started, timing };
  } finally {
    encoder?.close();
    view?.destroy();
    client.stop();
  }
}
