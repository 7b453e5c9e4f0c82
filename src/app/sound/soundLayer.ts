// Optional sound for a lesson (off by default): a soft tick when cells take up vesicles, a tone
// when cells change state, both pitched by the lesson's main metric (the first line of its first
// chart, on the run's range so far). Throttled so it never becomes noise. The toggle sits in the
// run controls; the choice is kept in localStorage (never in a share link). No audio object exists
// until sound is first turned on.
import type { Frame } from '../../../sim/index';
import type { Session } from '../session';
import { resolveMetrics } from '../metricNames';
import { h } from '../ui/dom';
import { frameEvents, pitchFor, Throttle } from './pitch';
import { Voice } from './voice';
import { t } from '../../i18n/i18n';

const KEY = 'cellpost.sound';
/** Least wall time between two ticks, and between two tones, ms. */
export const TICK_MS = 150;
export const TONE_MS = 600;

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

function store(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Private windows may refuse storage; the choice then lasts for this page only.
  }
}

export interface SoundLayer {
  readonly on: boolean;
}

/** Adds the Sound toggle (a group of the run controls) before `before`, and plays the run while it is on. */
export function mountSound(before: Element, session: Session): SoundLayer {
  let on = stored();
  let voice: Voice | null = null;
  const btn = h('button', { type: 'button', id: 'sound-toggle', class: 'sound-toggle', 'aria-pressed': String(on), title: t('sound.help') }, t('sound.label'));
  before.before(h('div', { class: 'group sound-group' }, btn));

  const ticks = new Throttle(TICK_MS);
  const tones = new Throttle(TONE_MS);
  let lastTick = -1;
  let metric: string | null = null;
  let log = false;
  let lo = Infinity;
  let hi = -Infinity;

  const set = (next: boolean) => {
    on = next;
    btn.setAttribute('aria-pressed', String(on));
    store(on);
    if (on) {
      // The first press makes the audio context (a user gesture, so the browser lets it play).
      voice ??= new Voice();
      voice.resume();
    } else voice?.suspend();
  };
  btn.addEventListener('click', () => set(!on));
  // A stored "on" waits for the first press anywhere: browsers refuse audio before a gesture.
  if (on) {
    const wake = () => {
      if (on) set(true);
    };
    addEventListener('pointerdown', wake, { once: true, capture: true });
    addEventListener('keydown', wake, { once: true, capture: true });
  }

  session.on('load', (info) => {
    const chart = info.scenario.lesson?.charts.find((c) => c.kind !== 'distance');
    metric = chart ? (resolveMetrics(chart.metrics, info.seriesNames)[0] ?? null) : null;
    log = chart?.log ?? false;
    lo = Infinity;
    hi = -Infinity;
    lastTick = -1;
  });

  const pitch = (): number => {
    const s = metric ? session.series.get(metric) : [];
    const v = s.length ? s[s.length - 1] : NaN;
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return pitchFor(v, lo, hi, log);
  };

  session.on('frame', (f: Frame) => {
    const window = lastTick < 0 || f.tick <= lastTick ? 0 : f.tick - lastTick;
    lastTick = f.tick;
    if (!on || !voice || !voice.running || window === 0) return;
    const { uptakes, changes } = frameEvents(f.cells, window);
    const now = performance.now();
    if (changes > 0 && tones.take(now)) voice.tone(pitch());
    else if (uptakes > 0 && ticks.take(now)) voice.tick(2 * pitch(), Math.min(1, 0.3 + uptakes / 50));
  });

  return {
    get on() {
      return on;
    },
  };
}
