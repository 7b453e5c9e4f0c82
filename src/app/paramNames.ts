// Names people can read for parameter paths: which group a parameter belongs to (a cell type, a
// tissue, the blood …) and what it is called there ("release rate (tumour vesicles)"), built
// from the scenario's own names and the schema's labels, in the reader's language.
import type { ParamInfo, Scenario } from '../../sim/index';
import { language, stateWord, t } from '../i18n/i18n';
import { paramLabel } from '../i18n/paramText';

export interface ParamName {
  group: string;
  /** Name within its group. */
  name: string;
  /** Name that stands alone (group and name). */
  full: string;
}

/** The group of settings that belong to no one thing (compared by identity, so any language works). */
const top = () => t('param.top');

/** "a or b or c" as the reader's language lists alternatives. */
function orList(items: string[]): string {
  return new Intl.ListFormat(language() === 'nb' ? 'nb-NO' : 'en-GB', { type: 'disjunction' }).format(items);
}

function rec<T>(r: Record<string, T>, k: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(r, k) ? r[k] : undefined;
}

/** "vessel entry" inside vessel 2 → "vessel 2 entry"; "x" → "vessel 2 x" (the thing is named once). */
function within(thing: string, label: string): string {
  if (language() !== 'en') return t('param.within', { thing, label });
  return label.startsWith(`${thing.split(' ')[0]} `) ? `${thing}${label.slice(thing.split(' ')[0].length)}` : `${thing} ${label}`;
}

export function nameParam(s: Scenario, p: ParamInfo): ParamName {
  const k = p.path.split('.');
  const label = paramLabel(p.label);
  const TOP = top();
  // Stand-alone names lead with the group; a name does not repeat the group's last word
  // ("tumour cell: radius", not "tumour cell: cell radius"; "Blood: half-life").
  const out = (group: string, name: string, full?: string): ParamName => {
    const head = group.toLowerCase().split(' ').pop() ?? '';
    const short = name.toLowerCase().startsWith(`${head} `) ? name.slice(head.length + 1) : name;
    return { group, name: short, full: full ?? (group === TOP ? short : t('param.full', { group, name: short })) };
  };
  switch (k[0]) {
    case 'limits':
      return out(t('param.capacity'), label, label);
    case 'blood':
      return out(t('param.blood'), label);
    case 'signals': {
      const signal = rec(s.signals, k[1])?.name ?? k[1];
      const name = t('param.signalHalfLife', { signal });
      return k[2] === 'halfLifeHours' ? out(t('param.signals'), name, name) : out(t('param.signals'), t('param.full', { group: signal, name: label }));
    }
    case 'labels': {
      const l = rec(s.labels, k[1])?.name ?? k[1];
      return k[2] === 'blocked' ? out(t('param.labels'), t('param.shareBlocked', { label: l }), t('param.shareBlockedFull', { label: l })) : out(t('param.labels'), t('param.full', { group: l, name: label }));
    }
    case 'affinity': {
      const name = t('param.bindingTo', { label: rec(s.labels, k[1])?.name ?? k[1], receptor: rec(s.receptors, k[2])?.name ?? k[2] });
      return out(t('param.labelsAndReceptors'), name, name);
    }
    case 'vesicleTypes': {
      const vt = rec(s.vesicleTypes, k[1]);
      const group = vt?.name ?? k[1];
      if (k[2] === 'onBind' || k[2] === 'cargo') {
        const sig = rec(s.signals, k[3])?.name ?? k[3];
        return out(group, k[2] === 'onBind' ? t('param.onBind', { signal: sig }) : t('param.cargo', { signal: sig }));
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
        const when = r?.states && r.states.length > 0 && ct.release.length > 1 ? t('param.whenStates', { states: orList(r.states.map(stateWord)) }) : '';
        const more = [what, when].filter((x) => x !== '').join(', ');
        return out(group, more ? t('param.qualified', { name: label, more }) : label);
      }
      if (k[2] === 'transitions' && ct) {
        const tr = ct.transitions[Number(k[3])];
        return out(group, tr ? t('param.qualified', { name: label, more: `${stateWord(tr.from)} → ${stateWord(tr.to)}` }) : label);
      }
      return out(group, label);
    }
    case 'tissues': {
      const ts = rec(s.tissues, k[1]);
      const group = ts?.name ?? k[1];
      // Number a vessel or barrier only when the tissue has more than one.
      const nth = (kind: 'vessel' | 'barrier', list: unknown[] | undefined) => {
        const many = list !== undefined && list.length > 1;
        if (kind === 'vessel') return many ? t('param.vesselN', { n: Number(k[3]) + 1 }) : t('param.vessel');
        return many ? t('param.barrierN', { n: Number(k[3]) + 1 }) : t('param.barrier');
      };
      if (k[2] === 'vessels') return out(group, within(nth('vessel', ts?.vessels), label));
      if (k[2] === 'barriers') return out(group, within(nth('barrier', ts?.barriers), label));
      if (k[2] === 'cells' && ts) {
        const pl = ts.cells[Number(k[3])];
        // A cell type placed more than once in a tissue: its groups are numbered.
        const same = pl ? ts.cells.filter((c) => c.type === pl.type) : [];
        const typeName = pl ? (rec(s.cellTypes, pl.type)?.name ?? pl.type) : '';
        const ct = same.length > 1 && pl ? t('param.groupN', { type: typeName, n: same.indexOf(pl) + 1 }) : typeName;
        if (k[4] === 'count') return out(group, t('param.countAtStart', { type: ct }));
        if (language() !== 'en') return out(group, t('param.full', { group: ct, name: label }));
        return out(group, `${ct} ${label.startsWith(`${k[4]} `) ? label : `${k[4]} ${label}`}`);
      }
      return out(group, language() === 'en' ? label.replace(/ in tissue$/, '') : label);
    }
    default:
      return out(TOP, label);
  }
}
