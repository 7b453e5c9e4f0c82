// Durations for progress lines and summaries ("45 s", "12 min 05 s", "3 h 05 min"), written the
// same way by `cellpost sweep` on the terminal and by the app's sweep and cohort panels, in the
// current language ("3 t 05 min" in bokmål).
import { num, t } from './sweep/messages';

export function fmtDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  if (s < 60) return t('labtools.time.seconds', { s: String(s) });
  if (s < 3600) return t('labtools.time.minutes', { m: String(Math.floor(s / 60)), s: two(s % 60) });
  return t('labtools.time.hours', { h: String(Math.floor(s / 3600)), m: two(Math.floor((s % 3600) / 60)) });
}

/** Time left from the fraction done and the seconds so far, as "about … left", or '' too early to say. */
export function etaText(fraction: number, elapsedSeconds: number): string {
  return fraction > 0.005 && fraction < 1 && elapsedSeconds > 1 ? t('labtools.time.left', { time: fmtDuration((elapsedSeconds * (1 - fraction)) / fraction) }) : '';
}

/** "4.2 s" under a minute, "3 min 05 s" beyond. */
export function fmtElapsed(seconds: number): string {
  return seconds < 60 ? t('labtools.time.seconds', { s: num(seconds, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) }) : fmtDuration(seconds);
}
