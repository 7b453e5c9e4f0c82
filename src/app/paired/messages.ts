// The words of the Lab tools (paired): messages from the `labtools` catalogue, which loads with this
// code (the Lab's chunk), never with the first page; numbers in the reader's language.
import en from '../../i18n/catalogues/areas/labtools.en.json';
import { areaT } from '../../i18n/i18n';

export const t = /* @__PURE__ */ areaT(en);
export { num } from '../../i18n/i18n';
