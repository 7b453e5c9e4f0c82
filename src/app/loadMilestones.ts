// The page's load in steps: performance marks ('cellpost:…', seen in a trace by
// bench/loadWaterfall.ts) and promises for work that should wait until the first picture is drawn
// and the page has a quiet moment (the offline cache, Lab settings no one sees yet).
import type { Session } from './session';
import { later } from './later';

/** Marks a step of the load in the page's performance timeline. */
export function markLoad(step: string): void {
  performance.mark(`cellpost:${step}`);
}

/** Resolves after the session's first drawn frame (or after `capMs`, whichever is first). */
export function firstPicture(session: Session, capMs = 10_000): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(finish, capMs);
    const off = session.on('draw', finish);
    function finish(): void {
      clearTimeout(timer);
      off();
      done();
    }
  });
}

/** Resolves when the page's load event has fired. */
export function pageLoaded(): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((done) => addEventListener('load', () => done(), { once: true }));
}

/** Resolves in an idle moment of the main thread (at most `capMs` later; a timer where there is no requestIdleCallback). */
export function quietMoment(capMs = 2000): Promise<void> {
  return new Promise((done) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => done(), { timeout: capMs });
    else setTimeout(done, 50);
  });
}

/**
 * Runs `fn` in a task of its own (later.ts, merged by `key`) after the session's next drawn frame:
 * for what a run's load builds that its first picture need not wait for.
 */
export function afterNextDraw(session: Session, key: string, fn: () => void): void {
  const off = session.on('draw', () => {
    off();
    later(key, fn);
  });
}

/** Lets the page handle what is waiting (input, answers, painting) before going on: one long task becomes two. */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((done) => setTimeout(done, 0));
}
