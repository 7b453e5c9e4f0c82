// Words for the second run of a comparison: a change's label as a phrase ("with drug …" stays
// as it is, anything else reads "with: <label>") and the button that opens a declared comparison.
// Core words (src/i18n/catalogues/en.json): the Learn screen's side-by-side views use them too.
import { t } from '../../i18n/i18n';

/** Whether a label already reads as a "with …" phrase in the current language ("with drug", "med legemiddel"). */
const startsWithWith = (label: string) => new RegExp(`^(${t('sideBySide.withWord')})\\b`, 'i').test(label.trim());

export function withLabel(label: string, capital = false): string {
  const text = startsWithWith(label) ? label : t('sideBySide.withLabel', { label });
  return capital ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

export function declaredButtonText(label: string): string {
  return startsWithWith(label) ? t('sideBySide.compareWithoutAnd', { label }) : t('sideBySide.compareWithAndWithout', { label });
}
