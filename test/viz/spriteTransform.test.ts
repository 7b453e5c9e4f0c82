// Where sprites are placed from: the transform a tissue view passes in (it set it itself), so no
// DOMMatrix is made per picture; a context's own transform only when none is passed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { restoreTransform, spriteScale, spriteTransform } from '../../viz/sprites';

afterEach(() => vi.unstubAllGlobals());

/** A context that counts getTransform calls and records setTransform's arguments. */
function fakeContext() {
  const calls = { get: 0, set: [] as unknown[][] };
  const ctx = {
    getTransform: () => {
      calls.get++;
      return { a: 3, b: 0, c: 0, d: 3, e: 0, f: 0 };
    },
    setTransform: (...a: unknown[]) => calls.set.push(a),
  } as unknown as CanvasRenderingContext2D;
  return { ctx, calls };
}

describe('sprite transforms', () => {
  it('use the transform passed in without reading the context’s back', () => {
    vi.stubGlobal('OffscreenCanvas', function OffscreenCanvas() {});
    const { ctx, calls } = fakeContext();
    const known = { a: 2, b: 0, c: 0, d: 2, e: 0, f: 0 };
    expect(spriteTransform(ctx, known)).toBe(known);
    expect(calls.get).toBe(0);
    expect(spriteScale(known)).toBe(2);
  });

  it('read the context’s own transform when none is passed, and none without OffscreenCanvas', () => {
    vi.stubGlobal('OffscreenCanvas', function OffscreenCanvas() {});
    const { ctx, calls } = fakeContext();
    expect(spriteTransform(ctx)?.a).toBe(3);
    expect(calls.get).toBe(1);
    vi.stubGlobal('OffscreenCanvas', undefined);
    expect(spriteTransform(ctx, { a: 2, b: 0, c: 0, d: 2, e: 0, f: 0 })).toBeNull();
  });

  it('are set back as six numbers, not a matrix object', () => {
    const { ctx, calls } = fakeContext();
    restoreTransform(ctx, { a: 2, b: 0, c: 0, d: 2, e: 5, f: 7 });
    expect(calls.set).toEqual([[2, 0, 0, 2, 5, 7]]);
  });
});
