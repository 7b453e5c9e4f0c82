// The builder screen's words (src/i18n/catalogues/areas/builder.*.json) through one t() typed to
// the builder's keys, plus the small word helpers the builder's parts share (units, numbers in
// fields).
import { t } from '../../../lab/builder/messages';

export { t };

/** The schema's units that are words, in the reader's language; symbols (µm, mL, EV/mL) stay. */
const UNIT_KEYS = {
  h: 'builder.unit.h',
  '/h': 'builder.unit.perHour',
  '/min': 'builder.unit.perMinute',
  min: 'builder.unit.min',
  s: 'builder.unit.s',
  fraction: 'builder.unit.fraction',
  packets: 'builder.unit.packets',
  cells: 'builder.unit.cells',
  'a.u.': 'builder.unit.au',
  'per cell per hour': 'builder.unit.releasePerCell',
  'EV/h per cell': 'builder.unit.releasePerCell',
  'real cells per simulated cell': 'builder.unit.realPerCell',
} as const;

/** A unit as the reader's language writes it ("h" → "t" in bokmål). */
export function unitWord(unit: string): string {
  return Object.hasOwn(UNIT_KEYS, unit) ? t(UNIT_KEYS[unit as keyof typeof UNIT_KEYS]) : unit;
}

/** A number as a field shows it for editing (src/i18n/fieldNumbers.ts: "0,05" in bokmål). */
export { fieldNumber } from '../../../i18n/i18n';
