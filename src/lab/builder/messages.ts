// The builder's words (src/i18n/catalogues/areas/builder.*.json): the edit model's messages and
// default names come in the reader's language through this t(), typed to the builder's keys.
import en from '../../i18n/catalogues/areas/builder.en.json';
import { areaT } from '../../i18n/i18n';

export const t = areaT(en);
