// Exit codes and the one error type the CLI shows to users: a CliError becomes one line on
// stderr and its exit code; anything else is an internal error (exit 3), still without a stack.
export const EXIT = {
  ok: 0,
  /** replay --verify found a checkpoint whose hash differs from the recording. */
  differs: 1,
  /** merge: runs are missing from the shards (the merged file is still written). */
  incomplete: 1,
  /** Bad flags, values, scenario ids, paths or files. */
  usage: 2,
  /** A bug in Cellpost. */
  internal: 3,
} as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
