// Names people can read for metric series ("CD8 T cell: suppressed", "tumour vesicles in blood"),
// the colour that links a series to what it counts in the tissue view, and the lesson's chart
// metric patterns (a trailing * matches a prefix) resolved against the run's metric names.
import type { Index, Scenario } from '../../sim/index';
import { cellLooks, cellTypeColour, vesicleTypeColour } from '../../viz/palette';
import { stateWord, t as tr } from '../i18n/i18n';

export interface MetricName {
  label: string;
  colour?: string;
  /** The cells a series counts, for highlighting them in the view. */
  cells?: { type: number; state?: number };
}

/**
 * The cell looks of a scenario, made once per task rather than once per series named (a chart
 * names its series in the task that builds it: a dozen looks made for one chart). Kept only until
 * the task's end, so a scenario changed in place later (the experiment builder) gets new ones.
 */
let looksMade: { s: Scenario; looks: ReturnType<typeof cellLooks> } | null = null;
function looksOf(s: Scenario): ReturnType<typeof cellLooks> {
  if (looksMade?.s === s) return looksMade.looks;
  if (!looksMade) queueMicrotask(() => (looksMade = null));
  looksMade = { s, looks: cellLooks(s) };
  return looksMade.looks;
}

export function nameMetric(s: Scenario, index: Index, name: string): MetricName {
  const k = name.split('.');
  const ct = (id: string) => index.cellTypes.indexOf(id);
  const vt = (id: string) => index.vesicleTypes.indexOf(id);
  const ctName = (id: string) => s.cellTypes[id]?.name ?? id;
  const vtName = (id: string) => s.vesicleTypes[id]?.name ?? id;
  // The role's colour, as in the tissue view (the same in every lesson); by index without a role.
  const cellTypeColourOf = (t: number) => looksOf(s)[t]?.colour ?? cellTypeColour(t);
  switch (k[0]) {
    case 'cells': {
      const t = ct(k[1]);
      if (k.length === 2) return { label: ctName(k[1]), colour: cellTypeColourOf(t), cells: { type: t } };
      if (k.length === 4 && k[2] === 'in') return { label: tr('metric.cellsIn', { cells: ctName(k[1]), tissue: s.tissues[k[3]]?.name ?? k[3] }), colour: cellTypeColourOf(t), cells: { type: t } };
      const st = index.states[t]?.indexOf(k[2]) ?? -1;
      return { label: `${ctName(k[1])}: ${stateWord(k[2])}`, colour: cellTypeColourOf(t), cells: { type: t, state: st } };
    }
    case 'deaths':
      return { label: tr('metric.deaths', { cells: ctName(k[1]), how: k[2] }), colour: cellTypeColourOf(ct(k[1])), cells: { type: ct(k[1]) } };
    case 'uptake':
      return k.length === 2
        ? { label: tr('metric.uptake', { cells: ctName(k[1]) }), colour: cellTypeColourOf(ct(k[1])), cells: { type: ct(k[1]) } }
        : { label: tr('metric.uptakeOf', { vesicles: vtName(k[2]), cells: ctName(k[1]) }), colour: cellTypeColourOf(ct(k[1])), cells: { type: ct(k[1]) } };
    case 'signal':
      return { label: `${s.signals[k[2]]?.name ?? k[2]}: ${ctName(k[1])}`, colour: cellTypeColourOf(ct(k[1])), cells: { type: ct(k[1]) } };
    case 'assay':
      return { label: tr('metric.assay', { vesicles: vtName(k[2]) }), colour: vesicleTypeColour(vt(k[2])) };
    case 'blood':
      return { label: tr('metric.inBloodOf', { vesicles: vtName(k[2]) }), colour: vesicleTypeColour(vt(k[2])) };
    case 'vesicles':
      if (k[1] === 'tissue') return { label: k.length === 2 ? tr('metric.freeInTissue') : tr('metric.freeIn', { tissue: s.tissues[k[2]]?.name ?? k[2] }) };
      if (k[1] === 'blood') return { label: tr('metric.inBlood') };
      if (k[1] === 'bound') return { label: tr('metric.bound') };
      return { label: vtName(k[1]), colour: vesicleTypeColour(vt(k[1])) };
    default:
      return { label: k.slice(1).join(' ') || name };
  }
}

/** The run's metric names a chart asks for, in the chart's order (a trailing * is a prefix). */
export function resolveMetrics(patterns: string[], names: string[]): string[] {
  const out: string[] = [];
  for (const p of patterns) {
    const hits = p.endsWith('*') ? names.filter((n) => n.startsWith(p.slice(0, -1))) : names.includes(p) ? [p] : [];
    for (const n of hits) if (!out.includes(n)) out.push(n);
  }
  return out;
}
