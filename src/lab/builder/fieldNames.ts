// The builder's name for each setting it edits. A setting the Lab's settings panel shows too is
// named once, by the core catalogue's `param.l.*` (so both places say the same); the builder's own
// fields (title, seed, switches …) by its `builder.*` keys. Labels in sentence case; the lower-case
// word for inside a sentence ("Changed the cell radius of Reader").
import { t as coreT, type MessageKey } from '../../i18n/i18n';
import { t } from './messages';

type BuilderKey = Parameters<typeof t>[0];
/** A builder key, or a core catalogue setting name (`param.l.*`). */
export type FieldKey = BuilderKey | Extract<MessageKey, `param.l.${string}`>;

const isParam = (key: FieldKey): key is Extract<MessageKey, `param.l.${string}`> => key.startsWith('param.l.');

/** The field's name as the catalogue writes it. */
function fieldText(key: FieldKey): string {
  return isParam(key) ? coreT(key) : t(key);
}

/** A field's label: "cell radius" → "Cell radius"; a one-letter coordinate ("x") stays as it is. */
export function fieldLabel(key: FieldKey): string {
  const s = fieldText(key);
  return s.length > 1 ? s[0].toLocaleUpperCase() + s.slice(1) : s;
}

/** A field's name inside a sentence: "Doubling time (0: never)" → "doubling time"; "CD9" stays. */
export function fieldWord(key: FieldKey): string {
  const label = fieldText(key).replace(/\s*\([^)]*\)$/, '');
  return label.length > 1 && label[1] === label[1].toLowerCase() ? label[0].toLowerCase() + label.slice(1) : label;
}
