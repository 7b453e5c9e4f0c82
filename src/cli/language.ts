// The language the command line speaks: --lang en|nb (anywhere before `--`), else CELLPOST_LANG,
// else the locale (LC_ALL, LC_MESSAGES, LANG: nb, nn or no give bokmål), else English. The flag is
// taken out of the command line before the command reads its own flags.
import { DEFAULT_LANG, parseLang, type Lang } from '../i18n/languages';

export interface LanguageChoice {
  lang: Lang;
  /** The command line without --lang. */
  argv: string[];
  /** A --lang that is not a language Cellpost speaks ('' when --lang had no value). */
  badFlag?: string;
  /** A CELLPOST_LANG that is not a language Cellpost speaks (ignored). */
  badEnv?: string;
}

/** bokmål for a locale such as nb_NO.UTF-8, nn_NO or no; English for anything else. */
export function fromLocale(locale: string): Lang {
  return /^(nb|nn|no)([_.@-]|$)/i.test(locale.trim()) ? 'nb' : 'en';
}

/** The language from the environment alone (CELLPOST_LANG, then the locale). */
function fromEnv(env: NodeJS.ProcessEnv): { lang: Lang; badEnv?: string } {
  const own = env.CELLPOST_LANG;
  if (own !== undefined && own.trim() !== '') {
    const lang = parseLang(own);
    if (lang) return { lang };
    return { ...fromEnv({ ...env, CELLPOST_LANG: undefined }), badEnv: own };
  }
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return { lang: locale === undefined ? DEFAULT_LANG : fromLocale(locale) };
}

/** Picks the language and removes `--lang X` / `--lang=X` from the command line. */
export function chooseLanguage(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): LanguageChoice {
  const rest: string[] = [];
  let flag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--lang') {
      const next = argv[i + 1];
      flag = next === undefined || next.startsWith('--') ? '' : next;
      if (flag !== '') i++;
    } else if (arg.startsWith('--lang=')) flag = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  const envChoice = fromEnv(env);
  if (flag === undefined) return { ...envChoice, argv: rest };
  const lang = parseLang(flag);
  if (lang) return { lang, argv: rest, badEnv: envChoice.badEnv };
  return { ...envChoice, argv: rest, badFlag: flag };
}
