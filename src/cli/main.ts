// The `cellpost` process (bin/cellpost.js loads this through tsx): runs the command line given
// (src/cli/cli.ts) and sets the exit code; a closed pipe on stdout is not an error.
import { runCli } from './cli';

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

void runCli(process.argv.slice(2)).then((code) => (process.exitCode = code));
