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
  /** The calls waiting for an answer, each with when it was sent and how to end it as stuck. */
  private waiting = new Set<{ since: number; stuck: (e: Error) => void }>();
  /** One watchdog for all waiting calls (a timer per call was a DOM timer per frame of a playing run). */
  private watchdog: ReturnType<typeof setTimeout> | null = null;

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
    let entry: { since: number; stuck: (e: Error) => void } | undefined;
    const stuck = new Promise<never>((_, reject) => {
      entry = { since: Date.now(), stuck: reject };
    });
    this.waiting.add(entry!);
    this.watch();
    try {
      return await Promise.race([fn(api), stuck]);
    } catch (e) {
      if (api === this.api) this.fail(e instanceof Error ? e.message : String(e));
      return undefined;
    } finally {
      this.waiting.delete(entry!);
    }
  }

  /**
   * Arms the watchdog for the oldest waiting call, when none is armed: it ends every call that has
   * waited STUCK_MS, and arms itself again for the oldest left. A playing run's calls each wait a
   * frame, so the timer fires about once per STUCK_MS, not once per call.
   */
  private watch(): void {
    if (this.watchdog !== null || this.waiting.size === 0) return;
    let oldest = Infinity;
    for (const w of this.waiting) oldest = Math.min(oldest, w.since);
    this.watchdog = setTimeout(() => {
      this.watchdog = null;
      const now = Date.now();
      for (const w of this.waiting) if (now - w.since >= STUCK_MS) w.stuck(new Error(`the engine has not answered for ${STUCK_MS / 1000} s`));
      this.watch();
    }, Math.max(0, oldest + STUCK_MS - Date.now()));
  }

  private fail(message: string): void {
    if (this.failed) return;
    this.failed = true;
    this.stop();
    this.onFailure(message);
  }
}
