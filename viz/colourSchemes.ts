// The two colour schemes the tissue view uses, with the same values as d3-scale-chromatic's
// schemeTableau10 and interpolateYlOrRd (ColorBrewer YlOrRd, 9 classes, B-spline through them),
// kept here so that the page's first load does not carry the whole scheme library.
import { interpolateRgbBasis } from 'd3';

const colours = (s: string): string[] => (s.match(/.{6}/g) ?? []).map((x) => `#${x}`);

/** Tableau's ten categorical colours (as d3.schemeTableau10). */
export const TABLEAU10: readonly string[] = colours('4e79a7f28e2ce1575976b7b259a14fedc949af7aa1ff9da79c755fbab0ab');

/** Yellow → orange → red at t ∈ [0, 1] (as d3.interpolateYlOrRd). */
export const interpolateYlOrRd: (t: number) => string = interpolateRgbBasis(colours('ffffccffeda0fed976feb24cfd8d3cfc4e2ae31a1cbd0026800026'));
