// The bursts of page faults bench/canvasAlone.ts prints (bench/pageFaults.ts): a rise of the
// renderer's fault count between two samples over the bound, timed from when drawing began, and
// only the page's renderer counted.
import { describe, expect, it } from 'vitest';
import { faultBursts, type FaultSample } from '../../bench/pageFaults';

const s = (ms: number, minor: number, pid = 10): FaultSample => ({ ms, pid, minor, major: 0 });

describe('faultBursts', () => {
  const samples = [s(0, 100), s(250, 150), s(500, 1300), s(750, 1320), s(1000, 1330, 11), s(1000, 1700), s(32_000, 1750), s(32_250, 2870)];

  it('gives each rise over the bound, in s after drawing began', () => {
    expect(faultBursts(samples, 10, 400)).toEqual([
      [0.1, 1150],
      [0.6, 380],
      [31.85, 1120],
    ]);
  });

  it('leaves out rises before drawing began, small rises and other renderers', () => {
    expect(faultBursts(samples, 10, 600, 500)).toEqual([[31.65, 1120]]);
    expect(faultBursts(samples, 11, 0)).toEqual([]);
  });
});
