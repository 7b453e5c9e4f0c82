// Engine warnings (a capacity reached, an event skipped) on stderr: at most ten lines, so a
// long run cannot flood the terminal.
import type { Warning } from '../../sim/index';

export function printWarnings(warnings: readonly Warning[], limit = 10): void {
  for (const w of warnings.slice(0, limit)) process.stderr.write(`warning: step ${w.tick}: ${w.message}\n`);
  if (warnings.length > limit) process.stderr.write(`warning: … and ${warnings.length - limit} more (all are in the --json summary)\n`);
}
