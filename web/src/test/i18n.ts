import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import cs from '@/i18n/locales/cs.json';
import en from '@/i18n/locales/en.json';
import kk from '@/i18n/locales/kk.json';
import pl from '@/i18n/locales/pl.json';
import ro from '@/i18n/locales/ro.json';
import ru from '@/i18n/locales/ru.json';
import uk from '@/i18n/locales/uk.json';
import { LANGUAGES, type Language } from '@/lib/i18n/languages';

export const LOCALES: Record<Language, Record<string, unknown>> = { en, ro, ru, cs, pl, uk, kk };

/** Keys some component asked for that the language does not have (i18next would render the key). */
export const missingKeys: string[] = [];

/** Tests load every language synchronously instead of the app's lazy chunks. */
export async function initTestI18n(language: Language = 'en') {
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      lng: language,
      fallbackLng: false,
      supportedLngs: [...LANGUAGES],
      resources: Object.fromEntries(Object.entries(LOCALES).map(([lng, res]) => [lng, { translation: res }])),
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
      saveMissing: true,
      missingKeyHandler: (_lngs, _ns, key) => {
        missingKeys.push(key);
      },
    });
  } else if (i18next.language !== language) {
    await i18next.changeLanguage(language);
  }
  return i18next;
}

export function flatten(tree: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (value && typeof value === 'object')
      Object.assign(out, flatten(value as Record<string, unknown>, `${prefix}${key}.`));
    else out[`${prefix}${key}`] = value as string;
  }
  return out;
}
