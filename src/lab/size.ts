// How big a parsed file is, counted cheaply and never further than needed: the page lists every
// parameter of a scenario only when it is of a lesson's size (a schema-valid file with 300,000
// barriers has 600,000 of them, and listing them would block the page for many seconds).
// Pure: no DOM, no Node.

/** Objects, lists and values in a scenario past which the page does not list its parameters one by one. */
export const LISTABLE_NODES = 20_000;

/** True when `value` holds more than `limit` objects, lists and values; stops counting past the limit. */
export function largerThan(value: unknown, limit: number): boolean {
  let seen = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (++seen > limit) return true;
    // Children waiting count too: one list of a million numbers is past the limit at once.
    if (Array.isArray(v)) {
      if (seen + stack.length + v.length > limit) return true;
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      if (seen + stack.length + keys.length > limit) return true;
      for (const k of keys) stack.push((v as Record<string, unknown>)[k]);
    }
  }
  return false;
}

/**
 * How `a` and `b` differ: 'equal' when every value is the same (===), 'numbers' when they have the
 * same structure and only numbers differ, 'shape' otherwise (lists of other lengths, objects with
 * other keys, other texts or true/false values). Stops at the first difference of structure, so a
 * huge file is told apart from a lesson at once.
 */
export function compareShape(a: unknown, b: unknown): 'equal' | 'numbers' | 'shape' {
  let numbers = false;
  const stack: [unknown, unknown][] = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop()!;
    if (typeof x === 'number' && typeof y === 'number') {
      if (x !== y) numbers = true;
      continue;
    }
    if (Array.isArray(x) || Array.isArray(y)) {
      if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return 'shape';
      for (let i = 0; i < x.length; i++) stack.push([x[i], y[i]]);
      continue;
    }
    if (x !== null && y !== null && typeof x === 'object' && typeof y === 'object') {
      // A key holding undefined counts as absent (as in JSON).
      const kx = Object.keys(x).filter((k) => (x as Record<string, unknown>)[k] !== undefined);
      const ky = Object.keys(y).filter((k) => (y as Record<string, unknown>)[k] !== undefined);
      if (kx.length !== ky.length) return 'shape';
      for (const k of kx) {
        if ((y as Record<string, unknown>)[k] === undefined || !Object.prototype.hasOwnProperty.call(y, k)) return 'shape';
        stack.push([(x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]]);
      }
      continue;
    }
    if (x !== y) return 'shape';
  }
  return numbers ? 'numbers' : 'equal';
}

/**
 * True when `a` and `b` have the same structure: lists of the same lengths, objects with the same
 * keys, and the same text and true/false values; only numbers may differ. Stops at the first
 * difference, so a huge file is told apart from a lesson at once.
 */
export function sameShape(a: unknown, b: unknown): boolean {
  return compareShape(a, b) !== 'shape';
}
