// The command line's words: its own t() over the `cli` catalogue (src/i18n/catalogues/areas/
// cli.en.json and cli.nb.json), in the language chosen by src/cli/language.ts. Machine outputs
// (JSON, CSV, hashes, ids, field names) never go through here: they are the same in every language.
import en from '../i18n/catalogues/areas/cli.en.json';
import { areaT } from '../i18n/i18n';

export const t = areaT(en);
export type CliKey = keyof typeof en & string;
