// The --cells and --packets files of `cellpost run`: the shared writers in src/lab (the app's
// "Cells now" CSV is the same text), written as the run goes — a header once, then the rows of
// each moment — so a long run with --cells-every never holds every table in memory.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Model } from '../../sim/index';
import { cellTable, cellsHeader, cellsLines, field, MAX_PACKET_ROWS, PACKET_COLUMNS, packetRows } from '../lab';
import { CliError } from './errors';
import { fmtHours } from './numbers';

/** A CSV file (or standard output for "-") that grows by whole lines. */
class CsvFile {
  private fd: number | null = null;
  private started = false;

  constructor(
    readonly file: string,
    readonly flag: string,
  ) {}

  /** Writes the header before the first lines, then the lines. */
  add(header: readonly string[], lines: readonly string[]): void {
    const text = `${this.started ? '' : `${header.map(field).join(',')}\n`}${lines.map((l) => `${l}\n`).join('')}`;
    this.started = true;
    if (this.file === '-') {
      process.stdout.write(text);
      return;
    }
    try {
      this.fd ??= openSync(this.file, 'w');
      writeSync(this.fd, text);
    } catch (e) {
      throw new CliError(`${this.flag} ${this.file}: cannot write: ${(e as Error).message.replace(/^\w+: /, '')}`);
    }
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
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
  } finally {
    out.close();
  }
  if (rows.stride === 1) return null;
  const at = fmtHours((m.tick * m.dt) / 3600);
  return (
    `--packets: ${rows.free} free packets at ${at}, over the cap of ${cap} rows, so ${file} holds 1 in every ${rows.stride} of them (${rows.written} rows; ` +
    `bound and blood packets are all counted). For fewer packets: a shorter --hours, less release (--set cellTypes.TYPE.release.0.perHour=…), ` +
    'or a faster breakdown (--set tissues.TISSUE.halfLifeHours=…)'
  );
}
