// The words of run files, predictions and share links: the t() of the "files" part
// (src/i18n/catalogues/areas/files.*.json), for the lab code whose messages the app shows and the
// command line prints. Its English comes with this code; bokmål loads with the rest of bokmål.
import en from '../i18n/catalogues/areas/files.en.json';
import { areaT } from '../i18n/i18n';

export const t = areaT(en);
