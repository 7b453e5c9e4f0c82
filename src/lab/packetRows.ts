// Where the vesicle packets are at one moment, as CSV rows: each free packet in a tissue is an
// agent with a position (one row each, count 1); bound packets are counted per cell and packets
// in the blood per vesicle type and tissue of origin, so they come as one row per group with its
// count. Free rows beyond a cap are thinned to every k-th packet. Host-neutral (no DOM, no Node).
import type { Model } from '../../sim/index';
import { field, num } from './csv';

/** Most free-packet rows one moment writes (about 60 bytes each). */
export const MAX_PACKET_ROWS = 500_000;

export const PACKET_COLUMNS = ['t_hours', 'state', 'type', 'tissue', 'x_um', 'y_um', 'count', 'cell', 'origin_cell', 'origin_tissue', 'born_hours'] as const;

export interface PacketRows {
  /** CSV lines (no header, no line ends), free packets first, then bound, then blood. */
  lines: string[];
  /** Free packets in the tissues, and how many of them have a row (fewer when over the cap). */
  free: number;
  written: number;
  /** Every `stride`-th free packet has a row (1: all of them). */
  stride: number;
}

/** The packets of the model now; free-packet rows are thinned evenly to at most `cap`. */
export function packetRows(m: Model, cap = MAX_PACKET_ROWS): PacketRows {
  const { vesicleTypes, tissues } = m.index;
  const hoursOf = (tick: number) => num((tick * m.dt) / 3600);
  const t = hoursOf(m.tick);
  const v = m.vesicles;
  const c = m.cells;
  const lines: string[] = [];
  const stride = v.count > cap ? Math.ceil(v.count / Math.max(1, cap)) : 1;
  for (let i = 0; i < v.count; i += stride) {
    const origin = v.originCell[i] < 0 ? '' : String(v.originCell[i]);
    lines.push([t, 'free', field(vesicleTypes[v.type[i]]), field(tissues[v.tissue[i]]), num(v.x[i]), num(v.y[i]), '1', '', origin, field(tissues[v.originTissue[i]]), hoursOf(v.born[i])].join(','));
  }
  const written = lines.length;
  const nVT = c.nVesicleTypes;
  for (let j = 0; j < c.count; j++) {
    if (c.dead[j]) continue;
    for (let k = 0; k < nVT; k++) {
      const n = c.bound[j * nVT + k];
      if (n > 0) lines.push([t, 'bound', field(vesicleTypes[k]), field(tissues[c.tissue[j]]), num(c.x[j]), num(c.y[j]), num(n), String(c.id[j]), '', '', ''].join(','));
    }
  }
  const nT = tissues.length;
  for (let k = 0; k < vesicleTypes.length; k++) {
    for (let o = 0; o < nT; o++) {
      const n = m.blood[k * nT + o];
      if (n > 0) lines.push([t, 'blood', field(vesicleTypes[k]), '', '', '', num(n), '', '', field(tissues[o]), ''].join(','));
    }
  }
  return { lines, free: v.count, written, stride };
}

/** The packets CSV of one moment: a header row, the rows, a final newline. */
export function packetsCsv(rows: Pick<PacketRows, 'lines'>): string {
  return `${[PACKET_COLUMNS.join(','), ...rows.lines].join('\n')}\n`;
}
