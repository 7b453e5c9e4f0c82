// The --cells and --packets files of `cellpost run`: the shared writers in src/lab (the app's
// "Cells now" CSV is the same text), written as the run goes — a header once, then the rows of
// each moment — so a long run with --cells-every never holds every table in memory; each file
// goes through a temporary file and is put in place only when complete.
import type { Model } from '../../sim/index';
import { cellTable, cellsHeader, cellsLines, field, MAX_PACKET_ROWS, PACKET_COLUMNS, packetRows } from '../lab';
import { OutputFile } from './files';
import { t } from './messages';
import { fmtHours, n } from './numbers';

/** A CSV file (or standard output for "-") that grows by whole lines, put in place by close(). */
class CsvFile {
  private started = false;
  private readonly out: OutputFile;

  constructor(file: string, flag: string) {
    this.out = new OutputFile(file, flag);
  }

  /** Writes the header before the first lines, then the lines. */
  add(header: readonly string[], lines: readonly string[]): void {
    let text = this.started ? '' : `${header.map(field).join(',')}\n`;
    for (const l of lines) text += `${l}\n`;
    this.started = true;
    this.out.write(text);
  }

  close(): void {
    this.out.commit();
  }

  abort(): void {
    this.out.abort();
  }
}

/** One row per living cell at each moment it is asked for (--cells, --cells-every). */
export class CellsFile {
  private readonly out: CsvFile;
  private lastTick = -1;

  constructor(file: string) {
    this.out = new CsvFile(file, '--cells');
  }

  /** Adds the living cells now (once per tick: a second call at the same tick adds nothing). */
  add(m: Model): void {
    if (m.tick === this.lastTick) return;
    this.lastTick = m.tick;
    const table = cellTable(m);
    this.out.add(cellsHeader(table), cellsLines(table));
  }

  close(): void {
    this.out.close();
  }

  abort(): void {
    this.out.abort();
  }
}

/**
 * Writes the packets at the end of the run (--packets). Over the cap, 1 in every k free packets
 * has a row; the returned note (for stderr) says so and how to get fewer packets.
 */
export function writePackets(file: string, m: Model, cap = MAX_PACKET_ROWS): string | null {
  const rows = packetRows(m, cap);
  const out = new CsvFile(file, '--packets');
  try {
    out.add(PACKET_COLUMNS, rows.lines);
    out.close();
  } catch (e) {
    out.abort();
    throw e;
  }
  if (rows.stride === 1) return null;
  const at = fmtHours((m.tick * m.dt) / 3600);
  return t('cli.packets.sampled', { free: n(rows.free), at, cap: n(cap), file, stride: n(rows.stride), written: n(rows.written) });
}
