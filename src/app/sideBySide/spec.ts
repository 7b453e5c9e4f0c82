// Two views side by side, the pure part: a lesson's `lesson.sideBySide` resolved against its
// scenario (tissue, cell type and state indices, the two titles) and the count shown under each
// title, read from a frame. Null, with no side-by-side view, when the declaration does not fit.
import type { Frame } from '../../../sim/index';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import type { SideCountSpec } from '../../../lessons/schema';
import { formatCount } from '../../../viz/format';
import { withLabel } from '../paired/labels';
import { t } from '../../i18n/i18n';
import type { PairedDecl } from '../paired/spec';

/** What one pane counts: cells of a type (in one state, when given) in the tissue it shows. */
export interface PaneCount {
  type: number;
  /** The state's index, or -1 for every cell of the type. */
  state: number;
  label: string;
  of: string;
  /** The run's metrics that hold the count and the number it is out of (paired runs: one tissue). */
  metric: string;
  total: string;
}

export interface Pane {
  title: string;
  /** The tissue the pane shows (index into the scenario's tissues). */
  tissue: number;
  count: PaneCount;
}

export type SideBySide =
  | { kind: 'tissues'; panes: [Pane, Pane]; /** The button that brings back the one-tissue view. */ otherLabel: string }
  | { kind: 'paired'; panes: [Pane, Pane]; decl: PairedDecl };

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function resolveCount(s: ScenarioFile, c: SideCountSpec): PaneCount | null {
  const type = Object.keys(s.cellTypes).indexOf(c.cellType);
  if (type < 0) return null;
  let state = -1;
  if (c.state !== undefined) {
    state = (s.cellTypes[c.cellType].states ?? []).indexOf(c.state);
    if (state < 0) return null;
  }
  const total = `cells.${c.cellType}`;
  return { type, state, label: c.label, of: c.of ?? t('sideBySide.cells'), metric: c.state === undefined ? total : `${total}.${c.state}`, total };
}

/** The lesson's side-by-side views, resolved; null when it declares none or they do not fit its scenario. */
export function resolveSideBySide(s: ScenarioFile): SideBySide | null {
  const spec = s.lesson?.sideBySide;
  if (!spec) return null;
  const tissueIds = Object.keys(s.tissues);
  if (spec.kind === 'tissues') {
    const panes: Pane[] = [];
    for (const p of spec.panes) {
      const tissue = tissueIds.indexOf(p.tissue);
      const count = resolveCount(s, p.count);
      if (tissue < 0 || !count) return null;
      panes.push({ title: capital(s.tissues[p.tissue].name), tissue, count });
    }
    if (panes[0].tissue === panes[1].tissue) return null;
    return { kind: 'tissues', panes: [panes[0], panes[1]], otherLabel: spec.otherLabel ?? t('sideBySide.otherTissues') };
  }
  // The whole-file schema validated lesson.paired already (lessons/schema.ts PairedSpec).
  const decl: PairedDecl | null = s.lesson?.paired ?? null;
  const count = resolveCount(s, spec.count);
  if (!decl || !count) return null;
  return {
    kind: 'paired',
    decl,
    panes: [
      { title: spec.withoutLabel, tissue: 0, count },
      { title: withLabel(decl.label, true), tissue: 0, count },
    ],
  };
}

/** How many cells a pane counts in a frame, and of how many cells of that type in its tissue. */
export function countIn(f: Frame, tissue: number, c: PaneCount): { n: number; of: number } {
  let n = 0;
  let of = 0;
  const cells = f.cells;
  for (let i = 0; i < cells.count; i++) {
    if (cells.tissue[i] !== tissue || cells.type[i] !== c.type) continue;
    of++;
    if (c.state < 0 || cells.state[i] === c.state) n++;
  }
  return { n, of };
}

/** The count in words: "Primed: 12 of 60 lung fibroblasts", or "Tumour: 40 cells" without a state. */
export function countText(f: Frame, tissue: number, c: PaneCount): string {
  const { n, of } = countIn(f, tissue, c);
  return c.state < 0 ? t('sideBySide.count', { label: c.label, n: formatCount(n), cells: c.of }) : t('sideBySide.countOf', { label: c.label, n: formatCount(n), of: formatCount(of), cells: c.of });
}

/** The count as part of a sentence: "tumour 23 cells", "primed 12 of 60 Kupffer cells". */
export function countPhrase(c: PaneCount, n: number, of: number): string {
  const what = c.label.charAt(0).toLowerCase() + c.label.slice(1);
  return c.state < 0 ? t('sideBySide.phrase', { what, n: formatCount(n), cells: c.of }) : t('sideBySide.phraseOf', { what, n: formatCount(n), of: formatCount(of), cells: c.of });
}
