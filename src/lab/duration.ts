// Durations for progress lines and summaries ("45 s", "12 min 05 s", "3 h 05 min"), written the
// same way by `cellpost sweep` on the terminal and by the app's sweep and cohort panels.
import { t } from '../i18n/i18n';

export function fmtDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${two(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${two(Math.floor((s % 3600) / 60))} min`;
}

/** Time left from the fraction done and the seconds so far, as "about … left", or '' too early to say. */
export function etaText(fraction: number, elapsedSeconds: number): string {
  return fraction > 0.005 && fraction < 1 && elapsedSeconds > 1 ? t('lab.timeLeft', { time: fmtDuration((elapsedSeconds * (1 - fraction)) / fraction) }) : '';
}

/** "4.2 s" under a minute, "3 min 05 s" beyond. */
export function fmtElapsed(seconds: number): string {
  return seconds < 60 ? `${seconds.toFixed(1)} s` : fmtDuration(seconds);
}
