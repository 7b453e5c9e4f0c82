// Speeds the run can go at, in simulated hours per wall-clock second, and how to say them
// ("30 min/s", "2 h/s"; bokmål "2 t/s"). Clock and number formats come from viz/format.ts.
import { num, t } from '../../i18n/i18n';
export const SPEEDS = [1 / 60, 5 / 60, 10 / 60, 0.5, 1, 2, 4, 8] as const;
export const DEFAULT_SPEED = 1;

/** "30 min per second" style text for a speed (hours per second). */
export function formatSpeed(hoursPerSecond: number, short = true): string {
  const per = short ? '/s' : ` ${t('units.perSecond')}`;
  if (hoursPerSecond < 1) {
    const min = hoursPerSecond * 60;
    return `${num(min >= 10 ? Math.round(min) : Number(min.toFixed(1)))} min${per}`;
  }
  return `${num(Number(hoursPerSecond.toFixed(1)))} ${t('units.h')}${per}`;
}
