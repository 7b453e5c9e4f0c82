// The page's side of the worker boundary: starts the engine worker, wraps it with Comlink, and
// turns every way it can fail (a thrown error, an uncaught error, no answer) into one callback,
// after which the worker is ended and a new one can be started.
import { wrap, type Remote } from 'comlink';
import type { EngineApi } from '../../../workers/engine.worker';
import { t } from '../../i18n/i18n';
import { takeEarlyWorker } from './earlyWorker';

export type Engine = Remote<EngineApi>;

/** How long one call may stay unanswered before the engine counts as stuck. */
const STUCK_MS = 20_000;

export class EngineClient {
  private worker: Worker | null = null;
  api: Engine | null = null;
  private failed = false;

  constructor(private readonly onFailure: (message: string) => void) {}

  /** Starts a fresh worker (ending any previous one); the first start takes the one boot.js started, if any. */
  start(): Engine {
    this.stop();
    const worker = takeEarlyWorker() ?? new Worker(new URL('../../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'cellpost-engine' });
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      this.fail(e.message || t('engine.workerError'));
    });
    worker.addEventListener('messageerror', () => this.fail(t('engine.badMessage')));
    this.worker = worker;
    this.failed = false;
    this.api = wrap<EngineApi>(worker);
    return this.api;
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }

  get alive(): boolean {
    return this.api !== null && !this.failed;
  }

  /**
   * Runs one call on the engine. A rejection or a stuck call is reported once through
   * onFailure and resolves to undefined, so callers never hang and never see an exception.
   */
  async call<T>(fn: (api: Engine) => Promise<T>): Promise<T | undefined> {
    const api = this.api;
    if (!api || this.failed) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stuck = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the engine has not answered for ${STUCK_MS / 1000} s`)), STUCK_MS);
    });
    try {
      return await Promise.race([fn(api), stuck]);
    } catch (e) {
      if (api === this.api) this.fail(e instanceof Error ? e.message : String(e));
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  private fail(message: string): void {
    if (this.failed) return;
    this.failed = true;
    this.stop();
    this.onFailure(message);
  }
}
