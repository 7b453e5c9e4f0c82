// Pins viz/colourSchemes.ts to d3-scale-chromatic: the local copies give the same colours.
import { describe, expect, it } from 'vitest';
import { interpolateYlOrRd as d3YlOrRd, schemeTableau10 } from 'd3';
import { interpolateYlOrRd, TABLEAU10 } from '../../viz/colourSchemes';

describe('colour schemes', () => {
  it('match d3-scale-chromatic', () => {
    expect(TABLEAU10).toEqual(schemeTableau10);
    for (const t of [0, 0.12, 0.3, 0.5, 0.77, 1]) expect(interpolateYlOrRd(t)).toBe(d3YlOrRd(t));
  });
});
