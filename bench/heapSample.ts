// V8's sampling heap profile (CDP HeapProfiler.stopSampling) summed by function: the bytes each
// function allocated itself and with what it called. Read by bench/allocations.ts.

/** A node of the profile's allocation tree: a call stack's frame and the bytes sampled in it. */
export interface SamplingHeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  selfSize: number;
  id: number;
  children: SamplingHeapNode[];
}
export interface SamplingHeapProfile {
  head: SamplingHeapNode;
}

const label = (n: SamplingHeapNode) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`;

/**
 * Bytes allocated (V8 scales each sample to the bytes it stands for) in all, and by function:
 * `self` where the allocation happened, `inclusive` counting a function once per stack it is on.
 */
export function allocationTotals(p: SamplingHeapProfile): { total: number; self: Map<string, number>; inclusive: Map<string, number> } {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  const walk = (n: SamplingHeapNode, onStack: string[]): number => {
    const l = label(n);
    let sum = n.selfSize;
    if (n.selfSize > 0) self.set(l, (self.get(l) ?? 0) + n.selfSize);
    const stack = onStack.includes(l) ? onStack : [...onStack, l];
    for (const c of n.children) sum += walk(c, stack);
    // A function on the stack more than once is counted at its outermost frame only.
    if (!onStack.includes(l)) inclusive.set(l, (inclusive.get(l) ?? 0) + sum);
    total += n.selfSize;
    return sum;
  };
  walk(p.head, []);
  return { total, self, inclusive };
}
