/** The UI languages of I18N-01, in the order the switchers show them. */
export const LANGUAGES = ['en', 'ro', 'ru', 'cs', 'pl', 'uk', 'kk'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Each language's own name. A language switcher shows endonyms, which are the same in every UI
 * language, so they live here rather than in the translation files.
 */
export const ENDONYMS: Record<Language, string> = {
  en: 'English',
  ro: 'Română',
  ru: 'Русский',
  cs: 'Čeština',
  pl: 'Polski',
  uk: 'Українська',
  kk: 'Қазақ тілі',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Maps `ro-MD`, `RU`, `uk_UA` to a supported language, or undefined. */
export function toLanguage(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const base = tag.toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : undefined;
}
