// The teacher page's words: the `teacher` catalogue (src/i18n/catalogues/areas/teacher.*.json),
// whose English comes with this code and whose bokmål loads with the rest of bokmål.
import en from '../../../i18n/catalogues/areas/teacher.en.json';
import { areaT } from '../../../i18n/i18n';

export type TeacherKey = keyof typeof en;

export const t = areaT(en);
