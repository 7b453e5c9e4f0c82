// Reading and writing the CLI's files with one-line errors (missing, a directory, no permission,
// too large, not a regular file) instead of stack traces. Reads stop at the limit by bytes read;
// outputs go to a temporary file beside the target, renamed into place only when complete.
import { accessSync, closeSync, constants, fstatSync, fsyncSync, openSync, readSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { MAX_RUN_FILE_BYTES } from '../lab';
import { CliError } from './errors';
import { t } from './messages';
import { n } from './numbers';

export function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return t('cli.file.reason.noFile');
  if (code === 'EISDIR') return t('cli.file.reason.directory');
  if (code === 'EACCES' || code === 'EPERM') return t('cli.file.reason.permission');
  if (code === 'ENOTDIR') return t('cli.file.reason.notDirectory');
  if (code === 'ENOSPC') return t('cli.file.reason.diskFull');
  if (code === 'EROFS') return t('cli.file.reason.readOnlyFs');
  if (code === 'ENAMETOOLONG') return t('cli.file.reason.nameTooLong');
  if (code === 'ELOOP') return t('cli.file.reason.loop');
  return (e as Error).message.replace(/^\w+: /, '');
}

/** What a file that is not a regular file is, in words. */
export function kindOf(st: Stats): string {
  if (st.isDirectory()) return t('cli.file.kind.directory');
  if (st.isFIFO()) return t('cli.file.kind.fifo');
  if (st.isCharacterDevice()) return t('cli.file.kind.device');
  if (st.isBlockDevice()) return t('cli.file.kind.blockDevice');
  if (st.isSocket()) return t('cli.file.kind.socket');
  return t('cli.file.kind.other');
}

/** "cannot read run file a.json: no such file". */
export function cannotRead(what: string, file: string, e: unknown): string {
  return t('cli.file.cannotRead', { what, file, reason: reason(e) });
}

/** "cannot read run file a.json: it is a directory; give a regular file". */
export function notRegular(what: string, file: string, st: Stats): string {
  return t('cli.file.notRegular', { what, file, kind: kindOf(st) });
}

/** Bytes read at a time. */
const CHUNK = 1 << 20;

/**
 * The text of a regular file, at most `maxBytes` long: devices, pipes and directories are
 * refused without reading (a FIFO is opened non-blocking, so it never waits for a writer), and
 * the limit counts the bytes actually read, whatever size the file reports.
 */
export function readText(file: string, what = t('cli.file.file'), maxBytes = MAX_RUN_FILE_BYTES): string {
  let fd: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new CliError(notRegular(what, file, st));
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(cannotRead(what, file, e));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new CliError(notRegular(what, file, st));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const got = readSync(fd, buf, 0, buf.length, null);
      if (got === 0) break;
      total += got;
      if (total > maxBytes) throw new CliError(t('cli.file.tooLarge', { what, file, mb: n(maxBytes / 1048576) }));
      chunks.push(got === buf.length ? buf : buf.subarray(0, got));
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(cannotRead(what, file, e));
  } finally {
    closeSync(fd);
  }
}

/**
 * One spelling per file: an existing file is its device and inode (so hard links, symbolic links
 * and relative paths of one file agree); a new one is its real folder and its name.
 */
export function identity(file: string): string {
  const path = resolve(file);
  try {
    const st = statSync(path);
    return `inode:${st.dev}:${st.ino}`;
  } catch {
    try {
      const dir = statSync(dirname(path));
      return `new:${dir.dev}:${dir.ino}/${basename(path)}`;
    } catch {
      return `path:${path}`;
    }
  }
}

/**
 * Fails early (before a long run) if an output file could not be written: its folder must be
 * writable, and an existing target must be a regular file that is not read-only (or a device
 * such as /dev/null, written in place).
 */
export function checkWritable(file: string, flag: string): void {
  if (file === '-') return;
  const path = resolve(file);
  let st: Stats | undefined;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new CliError(t('cli.file.cannotWrite', { flag, file, reason: reason(e) }));
  }
  if (st) {
    if (st.isDirectory()) throw new CliError(t('cli.file.outIsDirectory', { flag, file }));
    if (st.isCharacterDevice()) return;
    if (!st.isFile()) throw new CliError(t('cli.file.outNotRegular', { flag, file, kind: kindOf(st) }));
    let readOnly = (st.mode & 0o222) === 0;
    try {
      accessSync(path, constants.W_OK);
    } catch {
      readOnly = true;
    }
    if (readOnly) throw new CliError(t('cli.file.readOnly', { flag, file }));
  }
  try {
    accessSync(dirname(path), constants.W_OK);
  } catch (e) {
    throw new CliError(t('cli.file.cannotWriteDir', { flag, file, dir: dirname(path), reason: reason(e) }));
  }
}

/** Temporary files not yet renamed into place, removed if the process ends first. */
const pending = new Set<string>();
let made = 0;
process.on('exit', () => {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
});

/**
 * An output file written in pieces: to a temporary file beside the target, renamed over it by
 * commit(), removed by abort() or if the process ends first, so the target is never partial or
 * clobbered. "-" writes to standard output; a device (such as /dev/null) is written in place.
 */
export class OutputFile {
  private fd = -1;
  private tmp: string | null = null;
  private done = false;
  /** Writes so far (for tests: a long series arrives in many pieces). */
  writes = 0;

  constructor(
    readonly file: string,
    readonly flag: string,
  ) {}

  private fail(e: unknown): never {
    this.abort();
    throw new CliError(t('cli.file.cannotWrite', { flag: this.flag, file: this.file, reason: reason(e) }));
  }

  private open(): void {
    const path = resolve(this.file);
    try {
      let device = false;
      try {
        device = statSync(path).isCharacterDevice();
      } catch {
        // a new file
      }
      if (device) this.fd = openSync(path, 'w');
      else {
        this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}-${++made}.tmp`);
        pending.add(this.tmp);
        this.fd = openSync(this.tmp, 'wx', 0o644);
      }
    } catch (e) {
      this.fail(e);
    }
  }

  write(text: string): void {
    if (this.done || text === '') return;
    this.writes++;
    if (this.file === '-') {
      process.stdout.write(text);
      return;
    }
    if (this.fd < 0) this.open();
    try {
      const buf = Buffer.from(text, 'utf8');
      for (let at = 0; at < buf.length; ) at += writeSync(this.fd, buf, at, buf.length - at);
    } catch (e) {
      this.fail(e);
    }
  }

  /** Puts the complete file in place of the target. */
  commit(): void {
    if (this.done) return;
    if (this.file !== '-' && this.fd < 0) this.open();
    this.done = true;
    if (this.fd < 0) return;
    try {
      if (this.tmp) fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = -1;
      if (this.tmp) renameSync(this.tmp, resolve(this.file));
      if (this.tmp) pending.delete(this.tmp);
      this.tmp = null;
    } catch (e) {
      this.done = false;
      this.fail(e);
    }
  }

  /** Drops what was written; the target stays as it was. */
  abort(): void {
    this.done = true;
    if (this.fd >= 0) {
      try {
        closeSync(this.fd);
      } catch {
        // closed already
      }
      this.fd = -1;
    }
    if (this.tmp) {
      try {
        unlinkSync(this.tmp);
      } catch {
        // never created
      }
      pending.delete(this.tmp);
      this.tmp = null;
    }
  }
}

/** Writes text to a file (whole, through a temporary file), or to standard output for "-". */
export function writeText(file: string, text: string, flag: string): void {
  const out = new OutputFile(file, flag);
  out.write(text);
  out.commit();
}
