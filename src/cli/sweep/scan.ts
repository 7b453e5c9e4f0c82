// Reading a sweep's results file as a stream of rows, never as one string: 1 MiB at a time, one
// record (RFC 4180, line breaks inside quotes kept) at a time, each row with its byte offset so
// a sorted copy can later be made from the file's own bytes. Memory stays small at any file size.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { parseCsv, rowProblem } from '../../lab';
import { CliError } from '../errors';
import { cannotRead, notRegular } from '../files';
import { t } from '../messages';
import { n as shown } from '../numbers';

/** Results files may be far larger than scenario files (docs/cli.md). */
export const MAX_RESULTS_BYTES = 2 ** 30;

/** The longest line a results file may hold. */
const MAX_LINE_BYTES = 1 << 20;

const CHUNK = 1 << 20;

/** Where a row's line lies in its file. */
export interface RowPlace {
  offset: number;
  length: number;
}

export interface ScannedRow extends RowPlace {
  run: number;
  fields: string[];
  /** 1-based line number (of the record's first line). */
  line: number;
}

export interface ScanOptions {
  /** Called once with the header; it may throw to refuse the file. */
  onHeader?: (header: string[]) => void;
  onRow: (row: ScannedRow) => void;
  /** Told about lines that are not complete rows (cut off by an interruption). */
  onDropped: (message: string) => void;
  maxBytes?: number;
}

/** Opens a regular file for reading (devices, pipes and folders refused without blocking). */
export function openRegular(file: string, what: string): number {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new CliError(cannotRead(what, file, e));
  }
  const st = fstatSync(fd);
  if (!st.isFile()) {
    closeSync(fd);
    throw new CliError(notRegular(what, file, st));
  }
  return fd;
}

/**
 * Reads a results file row by row; returns its header. A file whose first line is not a results
 * header is refused; a complete row with a bad number is refused with its line and column.
 */
export function scanResults(file: string, o: ScanOptions): string[] {
  const maxBytes = o.maxBytes ?? MAX_RESULTS_BYTES;
  const fd = openRegular(file, t('cli.file.results'));
  let header: string[] | null = null;
  let line = 1;
  const record = (bytes: Buffer, offset: number, startLine: number) => {
    const text = bytes.toString('utf8');
    if (header === null) {
      const fields = parseCsv(`${text}\n`).records[0] ?? [];
      if (fields[0] !== 'run' || fields[fields.length - 1] !== 'state_hash')
        throw new CliError(t('cli.results.badHeader', { file }));
      header = fields;
      o.onHeader?.(header);
      return;
    }
    if (text === '' || text === '\r') return;
    const fields = parseCsv(`${text}\n`).records[0] ?? [];
    if (fields.length !== header.length) {
      o.onDropped(t('cli.results.incomplete', { file, line: shown(startLine) }));
      return;
    }
    const problem = rowProblem(header, fields);
    if (problem) throw new CliError(t('cli.results.badRow', { file, line: shown(startLine), problem }));
    o.onRow({ run: Number(fields[0]), fields, line: startLine, offset, length: bytes.length + 1 });
  };
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    let parts: Buffer[] = [];
    let partBytes = 0;
    let start = 0; // file offset of the current record
    let startLine = 1;
    let quoted = false;
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      if (total + n > maxBytes) throw new CliError(t('cli.file.tooLarge', { what: t('cli.file.results'), file, mb: shown(maxBytes / 2 ** 20) }));
      let from = 0;
      for (let i = 0; i < n; i++) {
        const b = buf[i];
        if (b === 0x22) quoted = !quoted;
        else if (b === 0x0a) {
          if (quoted) {
            line++;
            continue;
          }
          const piece = buf.subarray(from, i);
          const bytes = parts.length ? Buffer.concat([...parts, piece], partBytes + piece.length) : piece;
          record(bytes, start, startLine);
          parts = [];
          partBytes = 0;
          start = total + i + 1;
          from = i + 1;
          line++;
          startLine = line;
        }
      }
      if (from < n) {
        parts.push(Buffer.from(buf.subarray(from, n)));
        partBytes += n - from;
        if (partBytes > MAX_LINE_BYTES) throw new CliError(t('cli.results.longLine', { file, line: shown(startLine), mb: shown(MAX_LINE_BYTES / 2 ** 20) }));
      }
      total += n;
    }
    if (header === null) {
      if (partBytes === 0) throw new CliError(t('cli.results.empty', { file }));
      record(Buffer.concat(parts), start, startLine);
    } else if (partBytes > 0) o.onDropped(t('cli.results.cutOff', { file }));
    return header as unknown as string[];
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(cannotRead(t('cli.file.results'), file, e));
  } finally {
    closeSync(fd);
  }
}

/** The bytes of one row's line (with its line break), read back from an open file. */
export function readPlace(fd: number, p: RowPlace): Buffer {
  const buf = Buffer.allocUnsafe(p.length);
  let at = 0;
  while (at < p.length) {
    const n = readSync(fd, buf, at, p.length - at, p.offset + at);
    if (n === 0) break;
    at += n;
  }
  if (at < p.length || buf[p.length - 1] !== 0x0a) buf[p.length - 1] = 0x0a;
  return buf;
}
