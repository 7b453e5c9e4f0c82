// A message catalogue: message keys to ICU MessageFormat texts in one language.
export type Catalogue = Record<string, string>;
