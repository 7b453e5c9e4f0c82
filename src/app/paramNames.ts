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

/** "vessel entry" inside vessel 2 → "vessel 2 entry"; "x" → "vessel 2 x" (the thing is named once). */
function within(thing: string, label: string): string {
  return label.startsWith(`${thing.split(' ')[0]} `) ? `${thing}${label.slice(thing.split(' ')[0].length)}` : `${thing} ${label}`;
}

export function nameParam(s: Scenario, p: ParamInfo): ParamName {
  const k = p.path.split('.');
  const label = p.label;
  // Stand-alone names lead with the group; a name does not repeat the group's last word
  // ("tumour cell: radius", not "tumour cell: cell radius"; "Blood: half-life").
  const out = (group: string, name: string, full?: string): ParamName => {
    const head = group.toLowerCase().split(' ').pop() ?? '';
    const short = name.toLowerCase().startsWith(`${head} `) ? name.slice(head.length + 1) : name;
    return { group, name: short, full: full ?? (group === TOP ? short : `${group}: ${short}`) };
  };
  switch (k[0]) {
    case 'limits':
      return out('Capacity', label, label);
    case 'blood':
      return out('Blood', label);
    case 'signals': {
      const name = `half-life of the ${rec(s.signals, k[1])?.name ?? k[1]}`;
      return k[2] === 'halfLifeHours' ? out('Signals inside cells', name, name) : out('Signals inside cells', `${rec(s.signals, k[1])?.name ?? k[1]}: ${label}`);
    }
    case 'labels': {
      const l = rec(s.labels, k[1])?.name ?? k[1];
      return k[2] === 'blocked' ? out('Address labels', `${l}: share blocked`, `${l}: share blocked by antibody`) : out('Address labels', `${l}: ${label}`);
    }
    case 'affinity': {
      const name = `${rec(s.labels, k[1])?.name ?? k[1]} binding to ${rec(s.receptors, k[2])?.name ?? k[2]}`;
      return out('Labels and receptors', name, name);
    }
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
        // Which vesicles, only when the cell releases more than one kind; when, only when it matters.
        const r = ct.release[Number(k[3])];
        const kinds = new Set(ct.release.map((x) => x.vesicleType));
        const what = r && kinds.size > 1 ? (rec(s.vesicleTypes, r.vesicleType)?.name ?? r.vesicleType) : '';
        const when = r?.states && r.states.length > 0 && ct.release.length > 1 ? `when ${r.states.join(' or ')}` : '';
        const more = [what, when].filter((x) => x !== '').join(', ');
        return out(group, more ? `${label} (${more})` : label);
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
      // Number a vessel or barrier only when the tissue has more than one.
      const nth = (kind: 'vessel' | 'barrier', list: unknown[] | undefined) => (list && list.length > 1 ? `${kind} ${Number(k[3]) + 1}` : kind);
      if (k[2] === 'vessels') return out(group, within(nth('vessel', t?.vessels), label));
      if (k[2] === 'barriers') return out(group, within(nth('barrier', t?.barriers), label));
      if (k[2] === 'cells' && t) {
        const pl = t.cells[Number(k[3])];
        // A cell type placed more than once in a tissue: its groups are numbered.
        const same = pl ? t.cells.filter((c) => c.type === pl.type) : [];
        const nth = same.length > 1 && pl ? ` (group ${same.indexOf(pl) + 1})` : '';
        const ct = pl ? `${rec(s.cellTypes, pl.type)?.name ?? pl.type}${nth}` : '';
        if (k[4] === 'count') return out(group, `${ct}: number at the start`);
        return out(group, `${ct} ${label.startsWith(`${k[4]} `) ? label : `${k[4]} ${label}`}`);
      }
      return out(group, label.replace(/ in tissue$/, ''));
    }
    default:
      return out(TOP, label);
  }
}
