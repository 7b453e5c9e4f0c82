// The words of the Export panel and of run files opened in the page: the t() of the "files" part
// (src/i18n/catalogues/areas/files.*.json), which loads with this code, not with the first page.
import en from '../../i18n/catalogues/areas/files.en.json';
import { areaT } from '../../i18n/i18n';

export const t = areaT(en);
