// Export file names (src/app/export/names.ts) stay ASCII in every language: a bokmål chart title
// folds æ, ø and å to letters a file system keeps, and the run's part of the name never changes.
import { describe, expect, it } from 'vitest';
import { baseName, hoursLabel, slug } from '../../src/app/export/names';

describe('export file names', () => {
  it('fold bokmål letters and accents to ASCII', () => {
    expect(slug('Blodprøve: vakter etter tilstand')).toBe('blodprove-vakter-etter-tilstand');
    expect(slug('Ærlig Åpen Øy')).toBe('aerlig-apen-oy');
    expect(slug('Café crème — 2 µm')).toBe('cafe-creme-2-m');
    expect(slug('ææææææææææææææææææææææææ', 10)).toBe('aeaeaeaeae');
    expect(slug('«»')).toBe('x');
  });

  it('start with lesson, seed and time, whatever the language', () => {
    expect(baseName('letters', '42', 3 + 1 / 3)).toBe('cellpost-letters-seed42-3h20m');
    expect(hoursLabel(0.08)).toBe('0h05m');
    expect(baseName('immune-suppression', 'Frø ø', 6)).toBe('cellpost-immune-suppression-seedfro-o-6h');
  });
});
