// The words of the Lab tools' shared code (sweep descriptions, results tables, worker pool,
// durations): messages from the `labtools` catalogue, English by default (the command line) and
// bokmål when the app has chosen it.
import en from '../../i18n/catalogues/areas/labtools.en.json';
import { areaT } from '../../i18n/i18n';

export const t = /* @__PURE__ */ areaT(en);
export { num } from '../../i18n/i18n';
