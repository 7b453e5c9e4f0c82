// inSlices (src/app/inSlices.ts): one-off work as steps, run in order, the page given its turn
// between slices, stopped when a newer build takes over.
import { describe, expect, it } from 'vitest';
import { inSlices } from '../../src/app/inSlices';

describe('inSlices', () => {
  it('runs every step in order and resolves true', async () => {
    const ran: number[] = [];
    expect(await inSlices([0, 1, 2, 3].map((i) => () => void ran.push(i)))).toBe(true);
    expect(ran).toEqual([0, 1, 2, 3]);
  });

  it('gives the page its turn between slices: a task queued before it runs between two steps', async () => {
    const seen: string[] = [];
    setTimeout(() => seen.push('page'), 0);
    // A budget of 0 ms: every step ends its slice.
    await inSlices([() => void seen.push('a'), () => void seen.push('b')], () => false, 0);
    expect(seen).toEqual(['a', 'page', 'b']);
  });

  it('keeps steps in one task while they fit the budget', async () => {
    const seen: string[] = [];
    setTimeout(() => seen.push('page'), 0);
    const done = inSlices([() => void seen.push('a'), () => void seen.push('b')], () => false, Number.POSITIVE_INFINITY);
    expect(seen).toEqual(['a', 'b']);
    await done;
  });

  it('stops before the next step once stale, and resolves false', async () => {
    const ran: number[] = [];
    let stale = false;
    const steps = [0, 1, 2].map((i) => () => {
      ran.push(i);
      if (i === 0) stale = true;
    });
    expect(await inSlices(steps, () => stale, 0)).toBe(false);
    expect(ran).toEqual([0]);
  });
});
