// `cellpost scenarios [ID]`: the built-in scenarios with their titles, or one scenario's
// adjustable parameters (the paths --set accepts) with value, unit, range and label. Titles come
// in the current language where the lesson has a translation (src/lab/i18n/lessonOverlays.ts).
import { listParameters } from '../../../sim/index';
import { lessons } from '../../../lessons/index';
import { localLesson } from '../../lab/i18n/lessonOverlays';
import { expectPositionals, parseArgs, type FlagSpec } from '../args';
import { EXIT } from '../errors';
import { HELP } from '../help';
import { t } from '../messages';
import { fmt, n } from '../numbers';
import { builtInScenario } from '../scenario-source';

const FLAGS: Record<string, FlagSpec> = { help: { kind: 'switch' } };

export function scenariosCommand(argv: readonly string[]): number {
  const args = parseArgs(argv, FLAGS, 'scenarios');
  if (args.switches.has('help')) {
    process.stdout.write(HELP('scenarios'));
    return EXIT.ok;
  }
  const [id] = expectPositionals(args, ['ID'], 'scenarios');
  if (id === undefined) {
    const all = lessons().map(localLesson);
    const width = Math.max(...all.map((s) => s.id.length));
    process.stdout.write(all.map((s) => `${s.id.padEnd(width)}  ${s.title}\n`).join(''));
    return EXIT.ok;
  }
  const s = localLesson(builtInScenario(id));
  const params = listParameters(s);
  const range = (p: (typeof params)[number]) => t('cli.scenarios.range', { min: fmt(p.min), max: fmt(p.max), whole: p.integer ? 'yes' : 'no' });
  const heads = { path: t('cli.scenarios.path'), value: t('cli.scenarios.value'), unit: t('cli.scenarios.unit'), allowed: t('cli.scenarios.allowed'), meaning: t('cli.scenarios.meaning') };
  const width = Math.max(heads.path.length, ...params.map((p) => p.path.length));
  const unitWidth = Math.max(heads.unit.length, ...params.map((p) => p.unit.length));
  const rangeWidth = Math.max(heads.allowed.length, ...params.map((p) => range(p).length));
  const lines = params.map((p) => `${p.path.padEnd(width)}  ${fmt(p.value).padStart(9)} ${p.unit.padEnd(unitWidth)}  ${range(p).padEnd(rangeWidth)}  ${p.label}`);
  const head = `${heads.path.padEnd(width)}  ${heads.value.padStart(9)} ${heads.unit.padEnd(unitWidth)}  ${heads.allowed.padEnd(rangeWidth)}  ${heads.meaning}`;
  const intro = t('cli.scenarios.intro', { id: s.id, title: s.title, count: params.length, shown: n(params.length) });
  process.stdout.write(`${intro}\n\n${head}\n${lines.join('\n')}\n`);
  return EXIT.ok;
}
