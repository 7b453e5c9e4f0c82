// The results file of a running sweep: created with its header, or with --resume read back as a
// stream and checked to be this sweep's (same columns, same sweep id, this shard's runs, sound
// numbers). Each finished run is appended at once (and synced to disk within a second), so an
// interruption loses nothing already written; finish() rewrites it sorted by run from the file's
// own bytes. Only where each row lies is kept in memory, never the rows. Rows: src/lab/sweep/rows.ts.
import { closeSync, existsSync, fdatasyncSync, fstatSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { col, csvLine, inShard, parseCsv, type Shard, type SweepRow } from '../../lab';
import { CliError } from '../errors';
import { reason } from '../files';
import { t } from '../messages';
import { n } from '../numbers';
import { readPlace, scanResults, type RowPlace } from './scan';

export { MAX_RESULTS_BYTES } from './scan';

/** A row's line as the results table writes it (CRLF, stray quoting and the like made plain). */
function normalLine(bytes: Buffer): string {
  const fields = parseCsv(bytes.toString('utf8')).records[0] ?? [];
  return csvLine(fields);
}

/**
 * Writes the header and the rows of `places` (lines of the open file `srcFd`) sorted by run into
 * `file`, through a temporary file renamed into place; returns where each row now lies.
 */
export function writeSortedFrom(file: string, header: readonly string[], places: ReadonlyMap<number, RowPlace & { fd: number }>): Map<number, RowPlace> {
  const path = resolve(file);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.sorted.tmp`);
  const out = new Map<number, RowPlace>();
  let fd = -1;
  try {
    fd = openSync(tmp, 'w');
    let chunk = csvLine(header);
    let at = Buffer.byteLength(chunk);
    for (const run of [...places.keys()].sort((a, b) => a - b)) {
      const p = places.get(run)!;
      const line = normalLine(readPlace(p.fd, p));
      const length = Buffer.byteLength(line);
      out.set(run, { offset: at, length });
      at += length;
      chunk += line;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    renameSync(tmp, path);
    return out;
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // never made
    }
    throw new CliError(t('cli.results.cannotWrite', { file, reason: reason(e) }));
  }
}

function checkHeader(file: string, found: readonly string[], header: readonly string[]): void {
  const k = header.findIndex((h, i) => found[i] !== h);
  if (k >= 0 || found.length !== header.length) {
    const at = k >= 0 ? k : Math.min(found.length, header.length);
    throw new CliError(t('cli.results.otherColumns', { file, column: n(at + 1), found: found[at] ?? '', expected: header[at] ?? '' }));
  }
}

/** Where the rows already in a results file of this sweep lie (for --resume), checked and de-duplicated. */
function readDone(file: string, header: readonly string[], id: string, shard: Shard | undefined, warn: (m: string) => void): Map<number, RowPlace> {
  const done = new Map<number, RowPlace>();
  scanResults(file, {
    onHeader: (found) => checkHeader(file, found, header),
    onDropped: (d) => warn(t('cli.results.rerun', { message: d })),
    onRow: (row) => {
      const rowId = row.fields[col('sweep')];
      if (rowId !== id) throw new CliError(t('cli.results.otherSweep', { file, other: rowId, id }));
      if (shard && !inShard(row.run, shard)) throw new CliError(t('cli.results.otherShard', { file, run: n(row.run), index: n(shard.index), count: n(shard.count) }));
      if (done.has(row.run)) warn(t('cli.results.twice', { file, run: n(row.run) }));
      else done.set(row.run, { offset: row.offset, length: row.length });
    },
  });
  return done;
}

export class ResultsWriter {
  private fd: number;
  private dirty = false;
  private timer: NodeJS.Timeout;
  /** Where each finished run's line lies in the file. */
  readonly rows: Map<number, RowPlace>;
  private size: number;

  private constructor(
    readonly file: string,
    readonly header: readonly string[],
    done: Map<number, RowPlace>,
  ) {
    let src = -1;
    try {
      if (done.size) src = openSync(file, 'r');
      this.rows = writeSortedFrom(file, header, new Map([...done].map(([run, p]) => [run, { ...p, fd: src }])));
    } finally {
      if (src >= 0) closeSync(src);
    }
    this.fd = openSync(file, 'a+');
    this.size = fstatSync(this.fd).size;
    this.timer = setInterval(() => this.flush(), 1000);
    this.timer.unref();
  }

  /** Opens --out: new, or (with resume) continued after checking it is this sweep's. */
  static open(file: string, header: readonly string[], id: string, o: { resume: boolean; shard?: Shard; warn: (m: string) => void }): ResultsWriter {
    const exists = existsSync(file) && statSync(file).size > 0;
    if (exists && !o.resume) throw new CliError(t('cli.results.exists', { file }));
    return new ResultsWriter(file, header, exists ? readDone(file, header, id, o.shard, o.warn) : new Map());
  }

  add(row: SweepRow): void {
    const line = Buffer.from(csvLine(row.fields));
    writeSync(this.fd, line);
    this.rows.set(row.run, { offset: this.size, length: line.length });
    this.size += line.length;
    this.dirty = true;
  }

  /** Rows are in the file as soon as they are added; this also puts them on the disk. */
  flush(): void {
    if (!this.dirty || this.fd < 0) return;
    fdatasyncSync(this.fd);
    this.dirty = false;
  }

  /** Flushes and closes (after an interruption the rows stay in finishing order). */
  close(): void {
    if (this.fd < 0) return;
    clearInterval(this.timer);
    this.flush();
    closeSync(this.fd);
    this.fd = -1;
  }

  /** Closes, then rewrites the file sorted by run. */
  finish(): void {
    this.close();
    const src = openSync(this.file, 'r');
    try {
      writeSortedFrom(this.file, this.header, new Map([...this.rows].map(([run, p]) => [run, { ...p, fd: src }])));
    } finally {
      closeSync(src);
    }
  }
}
