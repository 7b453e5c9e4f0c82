// Plain words for the run's event log: what each recorded event did ("vesicle diffusion set to
// 2.5 µm²/s"), and what a branch dropped. Text only; the names come from the scenario.
import type { RunEvent, Scenario } from '../../../sim/index';
import { schemaTools } from '../schemaTools';
import { formatWithUnit } from '../../../viz/format';
import type { BranchNote } from '../../../workers/timeline';

/** Simulated time of a tick to the second: "1 h 20 min 30 s", "0 s". */
export function formatTick(tick: number, dt: number): string {
  const total = Math.round(tick * dt);
  const hh = Math.floor(total / 3600);
  const mm = Math.floor((total % 3600) / 60);
  const ss = total % 60;
  const parts = [hh > 0 ? `${hh} h` : '', mm > 0 ? `${mm} min` : '', ss > 0 || total === 0 ? `${ss} s` : ''];
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
      return p ? `${p.label} set to ${formatWithUnit(e.value as number, p.unit)}` : `${e.path} set to ${JSON.stringify(e.value)?.slice(0, 40)}`;
    }
    case 'drug':
      return `drug: ${nameOf(s.cellTypes, e.cellType)} release inhibited by ${pct(e.inhibition)}`;
    case 'blockLabel':
      return `${nameOf(s.labels, e.label)} blocked (${pct(e.fraction)})`;
    case 'addCells':
      return `${e.count} × ${nameOf(s.cellTypes, e.type)} added${e.x !== undefined && e.y !== undefined ? ` at (${Math.round(e.x)}, ${Math.round(e.y)}) µm` : ''}`;
    case 'removeCells':
      return `${nameOf(s.cellTypes, e.type)} removed${e.fraction !== undefined && e.fraction < 1 ? ` (${pct(e.fraction)})` : ''}`;
    case 'inject':
      return `${e.packets} dots of ${nameOf(s.vesicleTypes, e.vesicleType)} injected${e.tissue === undefined ? ' into the blood' : ''}`;
  }
}

export function describeBranch(b: BranchNote, dt: number): string {
  const dropped = b.dropped > 0 ? `${b.dropped} later event${b.dropped === 1 ? '' : 's'} of it ${b.dropped === 1 ? 'was' : 'were'} dropped` : 'none of its events came later';
  return `Branch: the run was changed at ${formatTick(b.tick, dt)}. The old run from there to ${formatTick(b.oldEnd, dt)} was left behind, and ${dropped}.`;
}
