// Runs before every unit test file. The files share their worker's modules (vitest.config.ts,
// isolate: false), so each file starts from the state a fresh process would give it: the app's
// language back to English (the CLI's in-process runs and the bokmål tests switch it).
import { beforeAll } from 'vitest';
import { language, setLanguage } from '../../src/i18n/i18n';
import { DEFAULT_LANG } from '../../src/i18n/languages';

beforeAll(async () => {
  if (language() !== DEFAULT_LANG) await setLanguage(DEFAULT_LANG);
});
