// Plain words for the run's event log: what each recorded event did ("vesicle diffusion set to
// 2.5 µm²/s"), and what a branch dropped. Text only; the names come from the scenario.
import type { RunEvent, Scenario } from '../../../sim/index';
import { schemaTools } from '../schemaTools';
import { formatWithUnit } from '../../../viz/format';
import type { BranchNote } from '../../../workers/timeline';
import { t } from '../../i18n/i18n';
import { paramLabel, unitText } from '../../i18n/paramText';

/** Simulated time of a tick to the second: "1 h 20 min 30 s", "0 s". */
export function formatTick(tick: number, dt: number): string {
  const total = Math.round(tick * dt);
  const hh = Math.floor(total / 3600);
  const mm = Math.floor((total % 3600) / 60);
  const ss = total % 60;
  const parts = [hh > 0 ? `${hh} ${t('units.h')}` : '', mm > 0 ? `${mm} min` : '', ss > 0 || total === 0 ? `${ss} s` : ''];
  return parts.filter((p) => p !== '').join(' ');
}

/** The same, compact for the bar: "1:20:30". */
export function formatTickShort(tick: number, dt: number): string {
  const total = Math.round(tick * dt);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(total / 3600)}:${two(Math.floor((total % 3600) / 60))}:${two(total % 60)}`;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

function nameOf(rec: Record<string, { name?: string }>, id: string | undefined): string {
  if (id === undefined) return '';
  return Object.hasOwn(rec, id) ? (rec[id].name ?? id) : id;
}

export function describeEvent(e: RunEvent, s: Scenario): string {
  switch (e.kind) {
    case 'set': {
      const p = typeof e.value === 'number' ? schemaTools().parameterAt(s, e.path) : undefined;
      return p
        ? t('timeline.set', { name: paramLabel(p.label), value: formatWithUnit(e.value as number, unitText(p.unit)) })
        : t('timeline.set', { name: e.path, value: JSON.stringify(e.value)?.slice(0, 40) ?? '' });
    }
    case 'drug':
      return t('timeline.drug', { cells: nameOf(s.cellTypes, e.cellType), share: pct(e.inhibition) });
    case 'blockLabel':
      return t('timeline.blockLabel', { label: nameOf(s.labels, e.label), share: pct(e.fraction) });
    case 'addCells':
      return e.x !== undefined && e.y !== undefined
        ? t('timeline.addCellsAt', { count: e.count, cells: nameOf(s.cellTypes, e.type), x: Math.round(e.x), y: Math.round(e.y) })
        : t('timeline.addCells', { count: e.count, cells: nameOf(s.cellTypes, e.type) });
    case 'removeCells':
      return e.fraction !== undefined && e.fraction < 1
        ? t('timeline.removeSome', { cells: nameOf(s.cellTypes, e.type), share: pct(e.fraction) })
        : t('timeline.remove', { cells: nameOf(s.cellTypes, e.type) });
    case 'inject':
      return t(e.tissue === undefined ? 'timeline.injectBlood' : 'timeline.inject', { dots: e.packets, vesicles: nameOf(s.vesicleTypes, e.vesicleType) });
  }
}

export function describeBranch(b: BranchNote, dt: number): string {
  return t('timeline.branch', { at: formatTick(b.tick, dt), end: formatTick(b.oldEnd, dt), dropped: b.dropped });
}
