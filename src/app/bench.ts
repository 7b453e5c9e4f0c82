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
import { benchLetters } from './benchScene';

export async function benchScenario(packets: number): Promise<ScenarioFile> {
  const s = (await loadLesson('letters')) as ScenarioFile;
  const n = Math.max(BENCH_MIN, Math.min(BENCH_MAX, Number.isFinite(packets) ? Math.round(packets) : BENCH_MIN));
  const raw = { ...benchLetters(s, n), title: t('bench.title', { dots: formatCount(n) }), question: t('bench.question') };
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
