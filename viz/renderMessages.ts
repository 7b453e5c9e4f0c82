// What the page sends a render worker that draws a tissue view (workers/tissueRender.worker.ts),
// and what it answers: the painter's calls (viz/tissuePainter) as messages, in order.
import type { Frame } from '../sim/frame';
import type { Scenario } from '../sim/schema';
import type { InjectSite } from './injectMarks';
import type { DensityMode, PaintCamera, ViewQuality } from './tissuePainter';

export type ToRenderer =
  /** A new painter for `scenario`, on `canvas` (the first time) or on the canvas the worker has. */
  | { kind: 'init'; canvas?: OffscreenCanvas; scenario: Scenario; lang: string }
  /** Where the drawn frames' buffers go back (a port to the engine worker). */
  | { kind: 'stores'; port: MessagePort }
  | { kind: 'size'; W: number; H: number; dpr: number; fontPx: number }
  /** The OffscreenCanvas's store made anew at this size. */
  | { kind: 'store'; width: number; height: number }
  | { kind: 'clear'; x: number; y: number; width: number; height: number }
  | { kind: 'camera'; camera: PaintCamera }
  /** A new frame (its vesicle and density buffers moved here), or null: the last one again. */
  | { kind: 'take'; frame: Frame | null }
  | { kind: 'paint'; onlyIfChanged: boolean }
  | { kind: 'tissue'; index: number }
  | { kind: 'name'; on: boolean }
  | { kind: 'density'; mode: DensityMode }
  | { kind: 'quality'; quality: ViewQuality }
  | { kind: 'motion'; reduced: boolean }
  | { kind: 'highlight'; ids: number[] }
  | { kind: 'inject'; site: InjectSite; atTick: number }
  /** Asks for the counts below (for the test hook and the bench). */
  | { kind: 'stats'; id: number };

export type FromRenderer =
  | { kind: 'stats'; id: number; paints: number; frames: number; storesBack: number }
  /** The first picture of a frame is on the canvas (the page's first picture, as the test hook and the bench read it). */
  | { kind: 'pictured' };
