// One row of the inline cohort: every person as a dot on one line per group (healthy circles
// above, patient triangles below), lowest value on the left, highest on the right. Positions are
// percentages, so the strip fits any card width without redrawing; told by shape and colour.
import { formatNumber } from '../../../viz/format';
import { t } from '../../i18n/i18n';
import { aucText, placeOn } from './words';

const NS = 'http://www.w3.org/2000/svg';
/** Reference group, then cases: Okabe & Ito blue circles and vermillion triangles (as the Lab's cohort charts). */
export const REF_COLOUR = '#0072B2';
export const CASE_COLOUR = '#D55E00';

export interface StripData {
  label: string;
  reference: number[];
  cases: number[];
  refLabel: string;
  caseLabel: string;
  auc: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** An empty strip of the same size, holding a row's place until its strip is drawn. */
export function stripPlace(): SVGSVGElement {
  return svg('svg', { class: 'ic-strip', width: '100%', height: 20, 'aria-hidden': 'true' });
}

/** The strip of one marker (or of the score), to append to its row. */
export function drawStrip(d: StripData): SVGSVGElement {
  const all = [...d.reference, ...d.cases].filter(Number.isFinite);
  const lo = all.length ? Math.min(...all) : 0;
  const hi = all.length ? Math.max(...all) : 1;
  const fmt = (x: number) => formatNumber(x, 2);
  const s = svg('svg', { class: 'ic-strip', width: '100%', height: 20, role: 'img' });
  s.setAttribute(
    'aria-label',
    t('cohortInline.strip', { label: d.label, ref: d.refLabel, refMedian: fmt(median(d.reference)), cases: d.caseLabel, caseMedian: fmt(median(d.cases)), auc: Number.isFinite(d.auc) ? aucText(d.auc) : t('cohortInline.notKnown') }),
  );
  s.append(svg('line', { x1: '0%', x2: '100%', y1: 5, y2: 5, class: 'ic-line' }), svg('line', { x1: '0%', x2: '100%', y1: 15, y2: 15, class: 'ic-line' }));
  // Dots sit 5 px in from each end so the extremes are whole: an inner svg with that margin.
  const inner = svg('svg', { x: 5, width: '100%', height: 20, overflow: 'visible', 'aria-hidden': 'true' });
  for (const v of d.reference) {
    if (!Number.isFinite(v)) continue;
    inner.append(svg('circle', { cx: `${(placeOn(v, lo, hi) * 96).toFixed(2)}%`, cy: 5, r: 4, fill: REF_COLOUR, 'fill-opacity': 0.6, stroke: REF_COLOUR }));
  }
  for (const v of d.cases) {
    if (!Number.isFinite(v)) continue;
    const at = svg('svg', { x: `${(placeOn(v, lo, hi) * 96).toFixed(2)}%`, y: 15, overflow: 'visible' });
    at.append(svg('path', { d: 'M0,-5L4.5,3H-4.5Z', fill: CASE_COLOUR, 'fill-opacity': 0.6, stroke: CASE_COLOUR }));
    inner.append(at);
  }
  s.append(inner);
  return s;
}
