// Engine warnings (a capacity reached, an event skipped) on stderr: at most ten lines, so a
// long run cannot flood the terminal.
import type { Warning } from '../../sim/index';
import { t } from './messages';
import { n } from './numbers';

export function printWarnings(warnings: readonly Warning[], limit = 10): void {
  for (const w of warnings.slice(0, limit)) process.stderr.write(`${t('cli.warning.step', { step: n(w.tick), message: w.message })}\n`);
  if (warnings.length > limit) process.stderr.write(`${t('cli.warning.more', { count: n(warnings.length - limit) })}\n`);
}
