// The compare dialog's running part: a transport row (Play, Step, speed, clock, tissue choice,
// the note on the shared seed) above two tissue views side by side, without and with the
// change. It draws the frames it is given; the panel wires its buttons to the runner.
import type { Frame } from '../../../sim/index';
import { createTissueView, type TissueView } from '../../../viz/tissueView';
import { formatClock } from '../../../viz/format';
import { h, replace, uid } from '../ui/dom';
import { SPEEDS, formatSpeed } from '../ui/units';
import { withLabel } from './labels';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { t as coreT } from '../../i18n/i18n';
import { t } from './messages';

export interface CompareView {
  /** The section; the chart's elements go at its end. */
  el: HTMLElement;
  play: HTMLButtonElement;
  step: HTMLButtonElement;
  speed: HTMLSelectElement;
  /** Shows the two runs of a fresh comparison: headings, note, and views of its scenario. */
  show(s: ScenarioFile, changeLabel: string, note: string): void;
  hide(): void;
  draw(a: Frame, b: Frame): void;
  setPlaying(on: boolean): void;
  /** Picks the listed speed nearest to `hoursPerSecond` and returns it. */
  nearestSpeed(hoursPerSecond: number): number;
}

export function createCompareView(): CompareView {
  let views: [TissueView, TissueView] | null = null;
  const ids = { speed: uid('ps'), tissue: uid('pt') };
  const play = h('button', { type: 'button', class: 'primary', id: 'compare-play' }, coreT('transport.play'));
  const step = h('button', { type: 'button', id: 'compare-step' }, coreT('transport.step'));
  const speed = h('select', { id: ids.speed }, ...SPEEDS.map((s) => h('option', { value: String(s) }, formatSpeed(s))));
  const clock = h('output', { class: 'cp-clock', id: 'compare-clock' }, formatClock(0));
  const tissueSel = h('select', { id: ids.tissue });
  const tissueBox = h('span', { class: 'cp-inline' }, h('label', { for: ids.tissue }, t('labtools.paired.tissue')), tissueSel);
  const same = h('span', { class: 'cp-note cp-same', id: 'compare-same' });
  const canvasA = h('canvas', { role: 'img', 'aria-label': t('labtools.paired.tissueWithout'), tabindex: 0 });
  const canvasB = h('canvas', { role: 'img', 'aria-label': t('labtools.paired.tissueWith'), tabindex: 0 });
  const headB = h('h3', { id: 'compare-head-b' });
  const el = h(
    'section',
    { class: 'cp-compare', 'aria-label': t('labtools.paired.twoRuns'), hidden: true },
    h(
      'div',
      { class: 'cp-transport' },
      play,
      step,
      h('span', { class: 'cp-inline' }, h('label', { for: ids.speed }, coreT('transport.speed')), speed),
      h('span', { class: 'cp-inline' }, h('span', {}, coreT('transport.time')), clock),
      tissueBox,
      same,
    ),
    h(
      'div',
      { class: 'cp-views' },
      h('figure', {}, h('h3', { class: 'cp-a' }, t('labtools.paired.without')), h('div', { class: 'cp-canvas' }, canvasA)),
      h('figure', {}, headB, h('div', { class: 'cp-canvas' }, canvasB)),
    ),
  );
  tissueSel.addEventListener('change', () => views?.forEach((v) => v.setTissue(Number(tissueSel.value))));

  return {
    el,
    play,
    step,
    speed,
    show(s, changeLabel, note) {
      el.hidden = false;
      headB.textContent = withLabel(changeLabel, true);
      canvasB.setAttribute('aria-label', t('labtools.paired.tissueWithChange', { change: withLabel(changeLabel) }));
      same.textContent = note;
      views?.forEach((v) => v.destroy());
      views = [createTissueView(canvasA, s), createTissueView(canvasB, s)];
      const tissues = Object.values(s.tissues);
      replace(tissueSel, ...tissues.map((t, i) => h('option', { value: String(i) }, t.name)));
      tissueBox.hidden = tissues.length < 2;
    },
    hide() {
      el.hidden = true;
    },
    draw(a, b) {
      views?.[0].draw(a);
      views?.[1].draw(b);
      clock.textContent = formatClock(a.hours);
    },
    setPlaying(on) {
      play.textContent = on ? coreT('transport.pause') : coreT('transport.play');
    },
    nearestSpeed(hoursPerSecond) {
      speed.value = String(SPEEDS.reduce((a, b) => (Math.abs(b - hoursPerSecond) < Math.abs(a - hoursPerSecond) ? b : a), SPEEDS[0]));
      return Number(speed.value);
    },
  };
}
