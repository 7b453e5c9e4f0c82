// The results file of a running sweep: created with its header, or with --resume read back and
// checked to be this sweep's (same columns, same sweep id, this shard's runs). Each finished run
// is appended at once (and synced to disk within a second), so an interruption loses nothing
// already written; finish() rewrites it sorted by run. Lines and rows are the lab's (src/lab/sweep/rows.ts).
import { closeSync, existsSync, fdatasyncSync, fsyncSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { col, csvLine, inShard, parseResults, sortedRows, type ResultsTable, type Shard, type SweepRow } from '../../lab';
import { CliError } from '../errors';
import { readText } from '../files';

/** Results files may be far larger than scenario files. */
export const MAX_RESULTS_BYTES = 1 << 30;

const another = (file: string) => `give another --out or remove ${file}`;

/** A results file read back, or a CliError when it is not one. */
export function readResults(file: string): ResultsTable {
  const parsed = parseResults(readText(file, 'results file', MAX_RESULTS_BYTES), file);
  if (!parsed) throw new CliError(`${file} is not a sweep results file (its first line should start with "run" and end with "state_hash")`);
  return parsed;
}

/** Writes header and rows sorted by run, to a temporary file first, then renamed into place. */
export function writeSorted(file: string, header: readonly string[], rows: readonly SweepRow[]): void {
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    let chunk = csvLine(header);
    for (const r of sortedRows(rows)) {
      chunk += csvLine(r.fields);
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

function checkHeader(file: string, found: readonly string[], header: readonly string[]): void {
  const k = header.findIndex((h, i) => found[i] !== h);
  if (k >= 0 || found.length !== header.length) {
    const at = k >= 0 ? k : Math.min(found.length, header.length);
    throw new CliError(`--out ${file} holds another sweep's results (column ${at + 1} is "${found[at] ?? ''}", this sweep's is "${header[at] ?? ''}"); ${another(file)}`);
  }
}

/** Rows already in a results file of this sweep (for --resume), checked and de-duplicated. */
function readDone(file: string, header: readonly string[], id: string, shard: Shard | undefined, warn: (m: string) => void): Map<number, SweepRow> {
  const parsed = readResults(file);
  checkHeader(file, parsed.header, header);
  for (const d of parsed.dropped) warn(`${d}; its run will be run again`);
  const done = new Map<number, SweepRow>();
  for (const row of parsed.rows) {
    const rowId = row.fields[col('sweep')];
    if (rowId !== id) throw new CliError(`--out ${file} holds runs of another sweep (sweep ${rowId}; this one is ${id}: the scenario, engine version, --set, --vary, --seeds or --hours differ); ${another(file)}`);
    if (shard && !inShard(row.run, shard)) throw new CliError(`--out ${file} holds run ${row.run}, which is not in --shard ${shard.index}/${shard.count}; give each shard its own --out`);
    if (done.has(row.run)) warn(`${file} holds run ${row.run} twice; keeping the first`);
    else done.set(row.run, row);
  }
  return done;
}

export class ResultsWriter {
  private fd: number;
  private dirty = false;
  private timer: NodeJS.Timeout;

  private constructor(
    readonly file: string,
    readonly header: readonly string[],
    readonly rows: Map<number, SweepRow>,
  ) {
    writeSorted(file, header, [...rows.values()]);
    this.fd = openSync(file, 'a');
    this.timer = setInterval(() => this.flush(), 1000);
    this.timer.unref();
  }

  /** Opens --out: new, or (with resume) continued after checking it is this sweep's. */
  static open(file: string, header: readonly string[], id: string, o: { resume: boolean; shard?: Shard; warn: (m: string) => void }): ResultsWriter {
    const exists = existsSync(file) && statSync(file).size > 0;
    if (exists && !o.resume) throw new CliError(`--out ${file} already exists; add --resume to continue that sweep (runs already in it are skipped), or remove it`);
    return new ResultsWriter(file, header, exists ? readDone(file, header, id, o.shard, o.warn) : new Map());
  }

  add(row: SweepRow): void {
    this.rows.set(row.run, row);
    writeSync(this.fd, csvLine(row.fields));
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
    writeSorted(this.file, this.header, [...this.rows.values()]);
  }
}
