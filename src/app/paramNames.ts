// Names people can read for parameter paths: which group a parameter belongs to (a cell type, a
// tissue, the blood …) and what it is called there ("release rate (tumour vesicles)"), built
// from the scenario's own names and the schema's labels.
import type { ParamInfo, Scenario } from '../../sim/index';

export interface ParamName {
  group: string;
  /** Name within its group. */
  name: string;
  /** Name that stands alone (group and name). */
  full: string;
}

const TOP = 'Whole simulation';

function rec<T>(r: Record<string, T>, k: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(r, k) ? r[k] : undefined;
}

export function nameParam(s: Scenario, p: ParamInfo): ParamName {
  const k = p.path.split('.');
  const label = p.label;
  const out = (group: string, name: string): ParamName => ({ group, name, full: group === TOP ? name : `${group}: ${name}` });
  switch (k[0]) {
    case 'limits':
      return out('Capacity', label);
    case 'blood':
      return out('Blood', label);
    case 'signals':
      return out('Signals inside cells', `${rec(s.signals, k[1])?.name ?? k[1]}: ${label}`);
    case 'labels':
      return out('Address labels', `${rec(s.labels, k[1])?.name ?? k[1]}: ${label}`);
    case 'affinity':
      return out('Labels and receptors', `${rec(s.labels, k[1])?.name ?? k[1]} binding ${rec(s.receptors, k[2])?.name ?? k[2]}`);
    case 'vesicleTypes': {
      const vt = rec(s.vesicleTypes, k[1]);
      const group = vt?.name ?? k[1];
      if (k[2] === 'onBind' || k[2] === 'cargo') {
        const sig = rec(s.signals, k[3])?.name ?? k[3];
        return out(group, k[2] === 'onBind' ? `${sig} added on binding` : `${sig} carried as cargo`);
      }
      return out(group, label);
    }
    case 'cellTypes': {
      const ct = rec(s.cellTypes, k[1]);
      const group = ct?.name ?? k[1];
      if (k[2] === 'release' && ct) {
        const r = ct.release[Number(k[3])];
        return out(group, `${label} (${rec(s.vesicleTypes, r?.vesicleType ?? '')?.name ?? r?.vesicleType ?? ''})`);
      }
      if (k[2] === 'transitions' && ct) {
        const t = ct.transitions[Number(k[3])];
        return out(group, t ? `${label} (${t.from} → ${t.to})` : label);
      }
      return out(group, label);
    }
    case 'tissues': {
      const t = rec(s.tissues, k[1]);
      const group = t?.name ?? k[1];
      if (k[2] === 'vessels') return out(group, `vessel ${Number(k[3]) + 1}: ${label}`);
      if (k[2] === 'barriers') return out(group, `barrier ${Number(k[3]) + 1}: ${label}`);
      if (k[2] === 'cells' && t) {
        const pl = t.cells[Number(k[3])];
        const ct = pl ? (rec(s.cellTypes, pl.type)?.name ?? pl.type) : '';
        return out(group, k[4] === 'count' ? `${ct}: ${label}` : `${ct} ${k[4]}: ${label}`);
      }
      return out(group, label);
    }
    default:
      return out(TOP, label);
  }
}
