// Pins the number formats the page shows: scientific with superscripts, the run clock,
// counts, percentages and values with units (viz/format.ts).
import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatCount,
  formatDistance,
  formatNumber,
  formatPercent,
  formatPower,
  formatPerMl,
  formatSci,
  formatWithUnit,
  superscript,
} from '../../viz/format';

describe('superscript', () => {
  it('maps digits and signs to superscripts', () => {
    expect(superscript('-12')).toBe('⁻¹²');
    expect(superscript('0123456789')).toBe('⁰¹²³⁴⁵⁶⁷⁸⁹');
  });
});

describe('formatSci', () => {
  it('writes a mantissa and a superscript power of ten', () => {
    expect(formatSci(3.2e8)).toBe('3.2×10⁸');
    expect(formatSci(1e-3)).toBe('1×10⁻³');
    expect(formatSci(-4.56e12, 3)).toBe('−4.56×10¹²');
  });
  it('drops trailing zeros and the ×10⁰', () => {
    expect(formatSci(3e8)).toBe('3×10⁸');
    expect(formatSci(5)).toBe('5');
  });
  it('rounds into the next power when needed', () => {
    expect(formatSci(9.99e5)).toBe('1×10⁶');
  });
  it('never prints NaN or Infinity', () => {
    expect(formatSci(0)).toBe('0');
    expect(formatSci(NaN)).toBe('–');
    expect(formatSci(Infinity)).toBe('∞');
    expect(formatSci(-Infinity)).toBe('−∞');
  });
});

describe('formatPower', () => {
  it('writes powers of ten as 10 with a superscript exponent', () => {
    expect(formatPower(1e8)).toBe('10⁸');
    expect(formatPower(1e-2)).toBe('10⁻²');
    expect(formatPower(1)).toBe('1');
    expect(formatPower(10)).toBe('10');
  });
  it('falls back to scientific notation for other values', () => {
    expect(formatPower(3e5)).toBe('3×10⁵');
    expect(formatPower(0)).toBe('0');
  });
});

describe('formatNumber', () => {
  it('is plain in the everyday range, with significant digits', () => {
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(250)).toBe('250');
    expect(formatNumber(0.0123)).toBe('0.0123');
  });
  it('groups thousands with a thin space', () => {
    expect(formatNumber(12345)).toBe('12\u2009345');
  });
  it('switches to scientific outside 0.01–100 000', () => {
    expect(formatNumber(3.2e8)).toBe('3.2×10⁸');
    expect(formatNumber(0.001)).toBe('1×10⁻³');
  });
  it('uses a real minus sign', () => {
    expect(formatNumber(-2.5)).toBe('−2.5');
  });
});

describe('formatCount', () => {
  it('rounds and groups', () => {
    expect(formatCount(1234567.4)).toBe('1\u2009234\u2009567');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(-1500)).toBe('−1\u2009500');
  });
  it('goes scientific for huge counts', () => {
    expect(formatCount(3.2e12)).toBe('3.2×10¹²');
  });
});

describe('units', () => {
  it('formats concentrations as assays report them', () => {
    expect(formatPerMl(3.2e8)).toBe('3.2×10⁸ /mL');
    expect(formatPerMl(0)).toBe('0 /mL');
  });
  it('joins a value and its unit with a space', () => {
    expect(formatWithUnit(12, 'µm')).toBe('12 µm');
    expect(formatWithUnit(3, '')).toBe('3');
  });
  it('formats distances in µm, then mm', () => {
    expect(formatDistance(250)).toBe('250 µm');
    expect(formatDistance(1500)).toBe('1.5 mm');
  });
  it('formats fractions as percentages', () => {
    expect(formatPercent(0.347)).toBe('35 %');
    expect(formatPercent(0.054)).toBe('5.4 %');
    expect(formatPercent(0)).toBe('0 %');
    expect(formatPercent(1e-6)).toBe('< 0.1 %');
    expect(formatPercent(NaN)).toBe('–');
  });
});

describe('formatClock', () => {
  it('writes hours and minutes', () => {
    expect(formatClock(5 + 20 / 60)).toBe('5 h 20 min');
    expect(formatClock(0.75)).toBe('45 min');
    expect(formatClock(6)).toBe('6 h');
  });
  it('rounds to the minute without "60 min"', () => {
    expect(formatClock(5.9999)).toBe('6 h');
    expect(formatClock(1 / 120)).toBe('1 min');
  });
  it('gives 0 min for zero, negative and non-finite times', () => {
    expect(formatClock(0)).toBe('0 min');
    expect(formatClock(-1)).toBe('0 min');
    expect(formatClock(NaN)).toBe('0 min');
  });
});
