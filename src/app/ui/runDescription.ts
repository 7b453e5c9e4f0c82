// The run, told in words: each simulated hour the lesson's one-sentence description (src/lab/
// describe.ts) goes to a polite live region for screen readers and to a one-line caption over the
// stage's lower-left corner. Learn mode only; at most one sentence every few seconds while playing,
// and the hour reached said as soon as the run pauses.
import { describeSample, sampleAt } from '../../lab/describe';
import { describeWords } from '../../lab/i18n/ruleWords';
import type { Session } from '../session';
import { h } from './dom';
import { setText } from '../../../viz/dom';

/** Wall time between two sentences while playing (a screen reader needs time to say one). */
export const MIN_GAP_MS = 3000;

export interface RunDescription {
  /** The live region (visually hidden) and the visible caption. */
  readonly live: HTMLElement;
  readonly caption: HTMLElement;
}

/**
 * What the stage shows besides the session's run (a second run side by side): a sentence for a
 * whole hour ('' for nothing), or null while that run has not reached the hour yet; `onChange`
 * says when to ask again.
 */
export interface MoreDescription {
  text(hour: number): string | null;
  onChange(fn: () => void): void;
}

export function mountRunDescription(box: HTMLElement, session: Session, learning: () => boolean, more?: MoreDescription): RunDescription {
  const live = h('div', { id: 'run-description', class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  // The caption repeats the live region for sighted readers; screen readers hear the region once.
  const caption = h('p', { id: 'run-caption', class: 'run-caption', 'aria-hidden': 'true' });
  caption.hidden = true;
  // The caption's room (styles.css): a box of fixed size over the stage, so a new sentence lays out the room alone.
  box.append(h('div', { class: 'caption-room' }, caption));
  // The live region sits in a room of its own too (styles.css, `.live-room`): a new sentence there
  // laid out the whole page, every few seconds while a lesson plays and at every stop.
  box.append(h('div', { class: 'live-room' }, live));

  let spokenHour = 0;
  let spokenSample = -1;
  let spokenAt = -Infinity;
  /** The sentence of the hour just reached, said once the second run (if any) has its part. */
  let waiting: { hour: number; text: string } | null = null;

  const restart = () => {
    waiting = null;
    spokenHour = 0;
    spokenSample = -1;
    spokenAt = -Infinity;
    setText(live, '');
    setText(caption, '');
    caption.hidden = true;
  };

  session.on('load', restart);
  /** Says the newest whole hour reached, if it is new: at most one sentence every few seconds while playing. */
  const tell = () => {
    const series = session.series;
    if (!learning() || !session.scenario || series.t.length === 0) return;
    const now = series.t[series.t.length - 1];
    // The timeline moved back (a seek): start counting hours again from there.
    if (Math.floor(now + 1e-9) < spokenHour) {
      spokenHour = Math.floor(now + 1e-9);
      spokenSample = sampleAt(series, spokenHour);
    }
    const hour = Math.floor(now + 1e-9);
    if (hour <= spokenHour) return;
    const wall = performance.now();
    if (session.playing && wall - spokenAt < MIN_GAP_MS) return;
    const k = sampleAt(series, hour);
    const prev = spokenSample >= 0 ? spokenSample : sampleAt(series, 0);
    spokenHour = hour;
    spokenSample = k;
    spokenAt = wall;
    waiting = { hour, text: describeSample(session.scenario, series, k, prev, describeWords()) };
    say();
  };
  session.on('frame', (_f, grew) => {
    if (grew) tell();
  });
  // A run that pauses (at a lesson's stop, or by the student) says the hour it reached: the frame
  // that reached it came while playing, maybe within the gap, and no other frame follows it.
  session.on('playing', (on) => {
    if (!on) tell();
  });

  const say = () => {
    if (!waiting) return;
    const extra = more ? more.text(waiting.hour) : '';
    if (extra === null) return;
    const sentence = waiting.text + (extra ? ` ${extra}` : '');
    waiting = null;
    // A new sentence goes into the text nodes already there (setText: a changed text, not a node
    // removed and one added, which laid out the whole page). The live region is still announced: its
    // text changed. The same sentence again is written as a new node, so it is said again, as before.
    if (live.textContent === sentence) live.textContent = sentence;
    else setText(live, sentence);
    setText(caption, sentence);
    if (caption.hidden) caption.hidden = false;
  };
  more?.onChange(say);

  return { live, caption };
}
