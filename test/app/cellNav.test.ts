// Arrow keys on the tissue: the focus moves to the nearest cell that way, prefers the cell
// straight ahead over one off to the side, and stays put at the edge.
import { describe, expect, it } from 'vitest';
import { arrowDirection, nearestTo, nextInDirection } from '../../src/app/ui/cellNav';

//            0       1        2        3        4
const xs = [100, 200, 130, 100, 40];
const ys = [100, 100, 40, 300, 100];

describe('cell keyboard navigation', () => {
  it('picks the nearest cell in each direction (screen y grows downwards)', () => {
    expect(nextInDirection(xs, ys, 0, 'right')).toBe(1);
    expect(nextInDirection(xs, ys, 0, 'up')).toBe(2);
    expect(nextInDirection(xs, ys, 0, 'down')).toBe(3);
    expect(nextInDirection(xs, ys, 0, 'left')).toBe(4);
  });

  it('prefers a cell straight ahead to a nearer one far off to the side', () => {
    // From 4 going right: cell 2 is closer (90, 60 up) but 0 is straight ahead at 60.
    expect(nextInDirection(xs, ys, 4, 'right')).toBe(0);
    expect(nextInDirection([0, 50, 60], [0, 45, 0], 0, 'right')).toBe(2);
  });

  it('stays put (-1) when nothing lies that way, or with one cell', () => {
    expect(nextInDirection(xs, ys, 1, 'right')).toBe(-1);
    expect(nextInDirection([5], [5], 0, 'left')).toBe(-1);
  });

  it('finds the cell nearest a point, and reads arrow keys', () => {
    expect(nearestTo(xs, ys, 190, 110)).toBe(1);
    expect(nearestTo([], [], 0, 0)).toBe(-1);
    expect(arrowDirection('ArrowUp')).toBe('up');
    expect(arrowDirection('Enter')).toBeNull();
  });
});
