// The schema's words for a setting in the reader's language: its label, its help and its unit.
// sim/schema.ts writes them in English (the engine stays free of the message layer); here each
// label maps to the keys "param.l.<name>" and "param.h.<name>" and each unit word to "units.*".
// A label the catalogues do not know (a newer schema) is shown as the schema writes it.
import { t, type MessageKey } from './i18n';
import en from './catalogues/en.json';

/** "vesicle half-life in tissue" → "vesicleHalfLifeInTissue". */
export function paramSlug(label: string): string {
  const words = label.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1))).join('');
}

function lookUp(key: string, english: string): string {
  if (!Object.hasOwn(en, key)) return english;
  return t(key as MessageKey);
}

/** A setting's label ("release rate" → "utslippsrate"). */
export function paramLabel(label: string): string {
  return lookUp(`param.l.${paramSlug(label)}`, label);
}

/** A setting's help; `label` picks the message, `help` is the schema's English text. */
export function paramHelp(label: string, help: string): string {
  return lookUp(`param.h.${paramSlug(label)}`, help);
}

/** Unit words in the reader's language ("EV/h per cell" → "EV/t per celle"); symbols stay. */
const UNIT_KEYS: Record<string, MessageKey> = {
  h: 'units.h',
  '/h': 'units.perHour',
  'EV/h per cell': 'units.evPerHourPerCell',
  packets: 'units.packets',
  cells: 'units.cells',
  'real cells per simulated cell': 'units.realPerSimulated',
  'a.u.': 'units.au',
};

/** A unit as the reader writes it. */
export function unitText(unit: string): string {
  return Object.hasOwn(UNIT_KEYS, unit) ? t(UNIT_KEYS[unit]) : unit;
}
