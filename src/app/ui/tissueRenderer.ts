// Where the run's tissue view draws: in a render worker on an OffscreenCanvas (its drawing and its
// canvas commits off the page's main thread) where the browser can, else on the page as before.
// `?render=worker` or `?render=page` picks one; the default is the page, or the worker in a build
// made with VITE_RENDER=worker (to measure one build against another with the same commands).
import type { Scenario } from '../../../sim/index';
import { createTissueView, type TissueView, type TissueViewOptions } from '../../../viz/tissueView';
import { offscreenWorks, remoteBackend } from '../../../viz/remotePainter';
import type { FromRenderer } from '../../../viz/renderMessages';

/** Whether views are drawn in a render worker on this page. */
export function renderInWorker(): boolean {
  const asked = typeof location !== 'undefined' ? new URLSearchParams(location.search).get('render') : null;
  const wanted = asked ?? (import.meta.env.VITE_RENDER === 'worker' ? 'worker' : 'page');
  return wanted === 'worker' && offscreenWorks();
}

/** The render worker's counts for the last view made in one (the test hook reads them). */
let last: { stats(): Promise<FromRenderer>; pictured(): boolean } | null = null;
export const renderStats = (): Promise<FromRenderer | null> => (last ? last.stats() : Promise.resolve(null));
/** Whether the render worker has put its first picture of a frame on the canvas (true when the view draws on the page). */
export const renderPictured = (): boolean => last === null || last.pictured();

/** A tissue view on `canvas`, drawn in a render worker when `renderInWorker()`; `stores` takes its frames' buffers back to the engine. */
export function createRunView(canvas: HTMLCanvasElement, scenario: Scenario, options: TissueViewOptions, stores: () => MessagePort | null): TissueView {
  if (!renderInWorker()) return createTissueView(canvas, scenario, options);
  const start = () => new Worker(new URL('../../../workers/tissueRender.worker.ts', import.meta.url), { type: 'module', name: 'cellpost-render' });
  const backend = remoteBackend(canvas, scenario, start, stores());
  last = backend;
  return createTissueView(canvas, scenario, options, backend);
}
