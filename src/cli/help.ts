// The --help text of cellpost and of each command, in the current language (the `cli` catalogue's
// cli.help.* messages; docs/cli.md says the same at more length).
import { MAX_HOURS, MAX_PACKET_ROWS, MAX_SWEEP_RUNS } from '../lab';
import { MAX_CELL_TABLES } from './limits';
import { t } from './messages';
import { n } from './numbers';

export type HelpTopic = 'main' | 'scenarios' | 'run' | 'replay' | 'rules' | 'class' | 'validate' | 'sweep' | 'merge';

/** The help text of a topic ('main': cellpost --help). */
export function HELP(topic: HelpTopic): string {
  const limits = { maxHours: n(MAX_HOURS), maxCellTables: n(MAX_CELL_TABLES), maxPacketRows: n(MAX_PACKET_ROWS), maxSweepRuns: n(MAX_SWEEP_RUNS) };
  switch (topic) {
    case 'main':
      return t('cli.help.main');
    case 'scenarios':
      return t('cli.help.scenarios');
    case 'run':
      return t('cli.help.run', limits);
    case 'replay':
      return t('cli.help.replay');
    case 'rules':
      return t('cli.help.rules');
    case 'class':
      return t('cli.help.class');
    case 'validate':
      return t('cli.help.validate');
    case 'sweep':
      return t('cli.help.sweep', limits);
    case 'merge':
      return t('cli.help.merge');
  }
}
