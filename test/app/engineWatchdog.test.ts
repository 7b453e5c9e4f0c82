// The page's engine client keeps one watchdog for all its waiting calls: a playing run's calls
// (one a frame) must not each make a DOM timer, and a call left unanswered still ends as stuck.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EngineClient, type Engine } from '../../src/app/engine/client';

/** A client whose engine answers `advance` when told to, and never answers `keepRun`. */
function clientWithFakeEngine() {
  const failures: string[] = [];
  const client = new EngineClient((m) => failures.push(m));
  const pending: (() => void)[] = [];
  client.api = {
    advance: () => new Promise<number>((ok) => pending.push(() => ok(1))),
    keepRun: () => new Promise<number>(() => undefined),
  } as unknown as Engine;
  return { client, failures, answerAll: () => pending.splice(0).forEach((ok) => ok()) };
}

describe('the engine client watchdog', () => {
  afterEach(() => {
    // The spy first: restoring it after the real timers would put back the fake setTimeout it was
    // made on, and every later file in this worker (isolate: false) would wait on it for ever.
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('arms one timer for a playing run’s many calls, not one per call', async () => {
    vi.useFakeTimers();
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const { client, failures, answerAll } = clientWithFakeEngine();
    for (let frame = 0; frame < 50; frame++) {
      const answered = client.call((api) => api.advance(1, 1, 0, undefined));
      answerAll();
      expect(await answered).toBe(1);
      await vi.advanceTimersByTimeAsync(16);
    }
    expect(timers.mock.calls.length).toBeLessThanOrEqual(1);
    expect(failures).toEqual([]);
  });

  it('ends a call the engine never answers after 20 s, once, while answered calls go on', async () => {
    vi.useFakeTimers();
    const { client, failures, answerAll } = clientWithFakeEngine();
    const lost = client.call((api) => api.keepRun());
    for (let frame = 0; frame < 100; frame++) {
      const answered = client.call((api) => api.advance(1, 1, 0, undefined));
      answerAll();
      await answered;
      await vi.advanceTimersByTimeAsync(150);
    }
    expect(failures).toEqual([]);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(await lost).toBeUndefined();
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/20 s/);
  });
  // Last: the files after this one share its worker (isolate: false) and need real timers.
  it('leaves real timers behind it', async () => {
    expect(await new Promise((r) => setTimeout(() => r('fired'), 5))).toBe('fired');
  }, 3000);
});
