// Reading and writing the CLI's files with one-line errors (missing, a directory, no permission,
// too large) instead of stack traces. "-" as an output file means standard output.
import { accessSync, constants, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MAX_RUN_FILE_BYTES } from '../lab';
import { CliError } from './errors';

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is not a directory';
  return (e as Error).message;
}

/** The text of a file, refusing directories and files over the size limit. */
export function readText(file: string, what = 'file', maxBytes = MAX_RUN_FILE_BYTES): string {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    size = st.size;
  } catch (e) {
    throw new CliError(`cannot read ${what} ${file}: ${reason(e)}`);
  }
  if (size > maxBytes) throw new CliError(`${what} ${file} is too large (${(size / 1048576).toFixed(1)} MB; the limit is ${maxBytes / 1048576} MB)`);
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${what} ${file}: ${reason(e)}`);
  }
}

/** Fails early (before a long run) if an output file could not be written. */
export function checkWritable(file: string, flag: string): void {
  if (file === '-') return;
  const path = resolve(file);
  try {
    if (statSync(path).isDirectory()) throw new CliError(`${flag} ${file}: it is a directory; give a file name`);
  } catch (e) {
    if (e instanceof CliError) throw e;
  }
  try {
    accessSync(dirname(path), constants.W_OK);
  } catch (e) {
    throw new CliError(`${flag} ${file}: cannot write to ${dirname(path)}: ${reason(e)}`);
  }
}

/** Writes text to a file, or to standard output for "-". */
export function writeText(file: string, text: string, flag: string): void {
  if (file === '-') {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(file, text);
  } catch (e) {
    throw new CliError(`${flag} ${file}: cannot write: ${reason(e)}`);
  }
}
