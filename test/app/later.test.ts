// Work that may wait (src/app/later.ts): each job runs in a task of its own, after the current
// one; a newer job of the same key replaces a waiting one; a minimum gap holds a key's next run.
import { describe, expect, it } from 'vitest';
import { later, laterPending } from '../../src/app/later';

const tick = () => new Promise((r) => setTimeout(r, 0));
const until = async (ok: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
};

describe('later', () => {
  it('runs jobs after the current task, one per task, the latest of each key', async () => {
    const ran: string[] = [];
    later('a', () => ran.push('a1'));
    later('b', () => ran.push('b'));
    later('a', () => ran.push('a2'));
    expect(ran).toEqual([]);
    expect(laterPending()).toBe(2);
    await until(() => ran.length === 2);
    expect(ran).toEqual(['b', 'a2']);
    expect(laterPending()).toBe(0);
  });

  it('a job that throws does not stop the others', async () => {
    const ran: string[] = [];
    later('x', () => {
      throw new Error('boom');
    });
    later('y', () => ran.push('y'));
    const onError = (e: unknown) => e;
    process.on('uncaughtException', onError);
    await until(() => ran.length === 1);
    process.off('uncaughtException', onError);
    expect(ran).toEqual(['y']);
  });

  it('holds a key for its minimum gap, keeping only the newest job, and a gap of 0 runs at once', async () => {
    const ran: number[] = [];
    later('g', () => ran.push(performance.now()), 200);
    await until(() => ran.length === 1);
    const first = ran[0];
    let last = 0;
    for (let k = 1; k <= 3; k++) later('g', () => (last = k), 200);
    await tick();
    expect(last).toBe(0);
    await until(() => last !== 0);
    expect(last).toBe(3);
    expect(performance.now() - first).toBeGreaterThanOrEqual(190);
    later('g', () => (last = 9), 10_000);
    later('g', () => (last = 10), 0);
    await until(() => last === 10);
    expect(last).toBe(10);
    await tick();
    expect(laterPending()).toBe(0);
  });
});
