// The speed test (?bench=N): the letters scene with 500 cells and N vesicle packets injected at
// the start (long-lived, so the count holds), played at once, with the page's measured rates
// shown in a corner and readable through window.cellpost.stats().
import type { ScenarioFile } from '../../lessons/scenarioFile';
import { loadLesson } from '../../lessons/library';
import { loadSchemaTools } from './schemaTools';
import { formatCount, formatNumber } from '../../viz/format';
import type { Session } from './session';
import { h } from './ui/dom';
import { t } from '../i18n/i18n';
import { BENCH_MAX, BENCH_MIN } from './url';

export async function benchScenario(packets: number): Promise<ScenarioFile> {
  const s = (await loadLesson('letters')) as ScenarioFile;
  const n = Math.max(BENCH_MIN, Math.min(BENCH_MAX, Number.isFinite(packets) ? Math.round(packets) : BENCH_MIN));
  const tissue = s.tissues.tissue;
  tissue.halfLifeHours = 1000;
  tissue.cells = [
    { type: 'sender', count: 20, cluster: { x: 400, y: 250, radius: 80 } },
    { type: 'reader', count: 240 },
    { type: 'bystander', count: 240 },
  ];
  const events: ScenarioFile['events'] = [];
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 2; j++)
      events.push({ kind: 'inject', tick: 0, vesicleType: 'letter', packets: Math.round(n / 8), tissue: 'tissue', x: 100 + 200 * i, y: 125 + 250 * j, radius: 110 });
  const raw = { ...s, id: 'bench', title: t('bench.title', { dots: formatCount(n) }), question: t('bench.question'), events, limits: { vesicleCapacity: Math.max(2_000_000, 2 * n), cellCapacity: 10_000 } };
  const { parseScenarioFile } = await loadSchemaTools();
  const parsed = parseScenarioFile(raw);
  if (!parsed.ok) throw new Error('the bench scenario is invalid');
  return parsed.value;
}

export function mountBench(session: Session, packets: number): void {
  // ?bench=N&redraw=0 draws only new frames (to see the engine's speed with the page idle).
  session.redrawAlways = new URLSearchParams(location.search).get('redraw') !== '0';
  const box = h('div', { class: 'bench', id: 'bench', 'aria-label': t('bench.figures') });
  document.body.append(box);
  setInterval(() => {
    const r = session.stats.report(performance.now());
    // i18n-exempt: the speed figures are read by bench scripts in this exact form
    box.textContent = `bench ${formatCount(packets)} · draws ${r.drawFps}/s (${formatNumber(r.drawMs, 2)} ms) · frames ${r.framesPerSecond}/s · step ${formatNumber(r.stepMs, 2)} ms · dots ${formatCount(r.vesicles)} · cells ${formatCount(r.cells)}`;
  }, 500);
}
