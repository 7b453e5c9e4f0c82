// Which renderer of a shared Chromium's trace is the traced page (test/e2e/trace.ts): the one
// startTrace marked, even when another page's renderer was busier; the busiest without a mark.
import { describe, expect, it } from 'vitest';
import { pageMainThread, TRACED_PAGE, type ThreadEvent } from '../e2e/trace';

const main = (pid: number): ThreadEvent => ({ name: 'thread_name', ph: 'M', pid, tid: 1, args: { name: 'CrRendererMain' } });
const work = (pid: number, dur: number): ThreadEvent => ({ name: 'RunTask', ph: 'X', pid, tid: 1, dur });
const mark = (pid: number, message = TRACED_PAGE): ThreadEvent => ({ name: 'TimeStamp', ph: 'I', pid, tid: 1, args: { data: { message } } });

describe('pageMainThread', () => {
  const renderers = [main(10), main(20), work(10, 900), work(20, 100)];

  it('is the marked renderer, though another was busier', () => {
    expect(pageMainThread([...renderers, mark(20)])).toEqual({ pid: 20, tid: 1 });
  });

  it('is the busiest renderer without the mark (another message is not the mark)', () => {
    expect(pageMainThread([...renderers, mark(20, 'something else')])).toEqual({ pid: 10, tid: 1 });
  });

  it('is undefined when the trace has no renderer main thread', () => {
    expect(pageMainThread([work(10, 900), mark(10)])).toBeUndefined();
  });
});
