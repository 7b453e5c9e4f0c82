// The run controls: Play/Pause, Step, Reset, speed (simulated time per second), the simulated
// clock, the seed (shown, editable, and "New seed"), and the status strip (the run's state in
// words, and the place where messages appear). Play/Pause is one button whose label always says
// what a press does; a press acts on the label the learner saw when pressing, so a Pause pressed
// as the run stops by itself at a prompt never starts it again.
import { formatClock } from '../../../viz/format';
import { setAttr, setText } from '../../../viz/dom';
import type { Session } from '../session';
import { h, uid } from './dom';
import './notices.css';
import { DEFAULT_SPEED, SPEEDS, formatSpeed } from './units';
import { t } from '../../i18n/i18n';

export interface TransportActions {
  reset(): void;
  setSeed(seed: string): void;
  newSeed(): void;
}

/** Least time between two changes of the clock's text while the run plays (each change lays out the page in the next frame: four a second read as smoothly as ten). */
const CLOCK_MS = 250;
/** Least time between two readings of the run's speed for the lag note (a changed note lays out the page). */
const LAG_MS = 1500;

export interface Transport {
  /** The status strip's room: the run's state, then whatever is appended (the messages). */
  readonly strip: HTMLElement;
}

export function mountTransport(root: HTMLElement, session: Session, actions: TransportActions): Transport {
  // Play's label sits in a room of the button's own size (styles.css): a stop or Play changing the
  // label lays out that room alone. The button is as wide as the longer of its two labels (drawn
  // hidden by the stylesheet from these attributes), so it never changes size.
  const playLabel = h('span', { class: 'play-label' }, t('transport.play'));
  const play = h('button', { type: 'button', class: 'primary play', 'aria-keyshortcuts': 'Space', id: 'play', 'data-fit-play': t('transport.play'), 'data-fit-pause': t('transport.pause') }, playLabel);
  const stepBtn = h('button', { type: 'button', 'aria-keyshortcuts': 'ArrowRight', id: 'step' }, t('transport.step'));
  const reset = h('button', { type: 'button', 'aria-keyshortcuts': 'R', id: 'reset' }, t('transport.reset'));
  // What the button said when the press began (pointer down, or Enter/Space down on it).
  let intent: 'play' | 'pause' | null = null;
  const said = () => (play.dataset.state === 'playing' ? 'pause' : 'play');
  play.addEventListener('pointerdown', () => {
    intent = said();
  });
  play.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') intent ??= said();
  });
  play.addEventListener('click', () => {
    const want = intent ?? said();
    intent = null;
    if (want === 'pause') session.pause();
    else if (!session.justStopped()) session.play();
  });
  stepBtn.addEventListener('click', () => void session.stepBy());
  reset.addEventListener('click', () => actions.reset());

  const speedId = uid('speed');
  const speed = h('select', { id: speedId });
  for (const s of SPEEDS) speed.append(h('option', { value: String(s), selected: s === DEFAULT_SPEED }, formatSpeed(s)));
  speed.addEventListener('change', () => session.setSpeed(Number(speed.value)));
  session.setSpeed(DEFAULT_SPEED);
  const lag = h('span', { class: 'lag' });
  // The note's own room over the stage (a box of fixed size, styles.css): the note coming, going or
  // changing lays out that room alone, not the page.
  const lagRoom = h('span', { class: 'lag-room' }, lag);
  const stateWords = h('span', { class: 'state-words' }, t('transport.paused'));
  // A steady note while the page draws less to keep within its frame budget (src/app/quality.ts).
  const qualityNote = h(
    'span',
    { class: 'quality-note', id: 'quality-note', title: t('transport.qualityHelp') },
    '',
  );
  const runState = h('p', { class: 'run-state', id: 'run-state' }, stateWords, qualityNote);
  const showQuality = (reduced: boolean) => {
    setText(qualityNote, reduced ? t('transport.qualityNote') : '');
    setAttr(runState, 'data-quality', reduced ? 'reduced' : 'full');
  };
  session.on('quality', (_, reduced) => showQuality(reduced));
  // A quality fixed from the start (?quality=reduced) shows from the first run on.
  session.on('load', () => showQuality(session.quality.reduced));
  // The strip's own room (a box of the strip's fixed size, styles.css): the run's state at a stop,
  // or a message coming and going, lays out that room alone, not the page.
  const stripRoom = h('div', { class: 'strip-room' }, runState);
  const strip = h('div', { class: 'status-strip', id: 'status-strip' }, stripRoom);

  // The clock's text sits in a box of its own size (contain: size layout, styles.css) that the
  // page lays out alone: a new time lays out that box, not the page. Its width, in ch, grows with
  // the longest text shown so far, so a longer time still widens the clock and nothing overlaps.
  const clockText = h('span', { class: 'clock-text' }, '0 min');
  const clock = h('output', { id: 'clock', class: 'clock', 'aria-live': 'off' }, clockText);
  let clockChars = 0;

  const seedId = uid('seed');
  const seed = h('input', { id: seedId, type: 'text', class: 'seed', spellcheck: 'false', autocomplete: 'off', maxlength: 100, 'aria-describedby': `${seedId}-help` });
  const seedHelp = h('span', { id: `${seedId}-help`, class: 'visually-hidden' }, t('transport.seedHelp'));
  seed.addEventListener('change', () => actions.setSeed(seed.value.trim()));
  seed.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      actions.setSeed(seed.value.trim());
    }
  });
  const newSeed = h('button', { type: 'button', id: 'new-seed' }, t('transport.newSeed'));
  newSeed.addEventListener('click', () => actions.newSeed());

  root.append(
    h('div', { class: 'group' }, play, stepBtn, reset),
    h('div', { class: 'group speed-group' }, h('label', { for: speedId }, t('transport.speed')), speed, lagRoom),
    h('div', { class: 'group clock-group' }, h('span', { class: 'clock-label', id: 'clock-label' }, t('transport.time')), clock),
    h('div', { class: 'group' }, h('label', { for: seedId }, t('transport.seed')), seed, seedHelp, newSeed),
    strip,
  );
  clock.setAttribute('aria-labelledby', 'clock-label');

  // "Step" over how far a press goes, so the button stays narrow in the controls' one row.
  const stepLabel = () => {
    const minutes = (session.stepsPerSample * session.dt) / 60;
    stepBtn.replaceChildren(h('span', { class: 'step-word' }, t('transport.step')), ' ', h('span', { class: 'step-by' }, `+${formatClock(minutes / 60)}`));
  };
  let lessonShown = '';
  session.on('load', (info) => {
    // A new lesson starts at a speed that shows its suggested length in about half a minute.
    if (info.scenario.id !== lessonShown) {
      lessonShown = info.scenario.id;
      const hours = info.scenario.lesson?.hours ?? 24;
      const pick = SPEEDS.find((s) => hours / s <= 40) ?? SPEEDS[SPEEDS.length - 1];
      speed.value = String(pick);
      session.setSpeed(pick);
    }
    seed.value = session.seed;
    showClock((info.tick * info.dtSeconds) / 3600);
    setState(false, info.tick > 0 ? t('transport.paused') : t('transport.ready'));
    stepLabel();
  });
  const setState = (on: boolean, words: string) => {
    // Written only where they change (viz/dom.ts setText): each write lays out its room again.
    setText(playLabel, on ? t('transport.pause') : t('transport.play'));
    setAttr(play, 'data-state', on ? 'playing' : 'paused');
    // toggle with a force writes the class only when it changes.
    play.classList.toggle('on', on);
    setText(stateWords, words);
    runState.classList.toggle('playing', on);
  };
  setState(false, t('transport.paused'));
  session.on('playing', (on) => setState(on, on ? t('transport.playing') : t('transport.paused')));
  session.on('stopped', (tick) => setState(false, t('transport.pausedAt', { time: formatClock((tick * session.dt) / 3600) })));
  let lastLag = 0;
  // While playing, the clock's text changes at most every CLOCK_MS (each change costs a layout).
  let clockAt = 0;
  const showClock = (hours: number) => {
    clockAt = performance.now();
    const text = formatClock(hours);
    if (clockText.textContent === text) return;
    // The new characters into the text node there (setText), not a new node.
    setText(clockText, text);
    if (text.length > clockChars) {
      clockChars = text.length;
      clockText.style.width = `${clockChars + 0.5}ch`;
    }
  };
  session.on('playing', (on) => {
    if (!on && session.frame) showClock(session.frame.hours);
  });
  session.on('frame', (f) => {
    if (!session.playing || performance.now() - clockAt >= CLOCK_MS) showClock(f.hours);
    if (!session.playing && f.tick > 0 && stateWords.textContent === t('transport.ready')) setText(stateWords, t('transport.paused'));
    const now = performance.now();
    if (now - lastLag < LAG_MS) return;
    lastLag = now;
    const got = session.stats.report(now).simHoursPerSecond;
    const text = session.playing && got > 0 && got < 0.8 * session.speed ? t('transport.lag', { speed: formatSpeed(got) }) : '';
    // Written only when it changes: each change costs the page a layout.
    setText(lag, text);
  });
  session.on('playing', (on) => {
    if (!on) setText(lag, '');
  });
  return { strip: stripRoom };
}
