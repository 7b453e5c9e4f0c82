// The words of class results (src/lab/class/ and the app's Class results screen): the `class`
// catalogue (src/i18n/catalogues/areas/class.*.json) through areaT, and a message as data
// ({ key, params }) for words made where no language is set (a sweep worker) and said later.
import en from '../../i18n/catalogues/areas/class.en.json';
import { areaT } from '../../i18n/i18n';

export type ClassKey = keyof typeof en;
export type ClassParams = Record<string, string | number>;

/** The class part's t(): its English comes with this code, its bokmål with the rest of bokmål. */
export const t = /* @__PURE__ */ areaT(en);

/** A message not yet in words: structured-cloneable, so a worker can make it and the page say it. */
export interface ClassMessage {
  key: ClassKey;
  params?: ClassParams;
}

/** A message in the current language. */
export const say = (m: ClassMessage): string => t(m.key, m.params);
