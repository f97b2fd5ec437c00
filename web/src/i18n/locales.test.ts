import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@/lib/i18n/languages';
import { flatten, LOCALES } from '@/test/i18n';

// I18N-01: the UI exists in seven languages; a key missing or empty in any of them fails the build.
const english = flatten(LOCALES.en);
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('translation files (I18N-01)', () => {
  it('English has keys', () => {
    expect(Object.keys(english).length).toBeGreaterThan(100);
  });

  describe.each(LANGUAGES)('%s', (language) => {
    const flat = flatten(LOCALES[language]);

    it('has exactly the key set of English', () => {
      const missing = Object.keys(english).filter((key) => !(key in flat));
      const extra = Object.keys(flat).filter((key) => !(key in english));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it('has no empty or non-text value', () => {
      const empty = Object.entries(flat)
        .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
        .map(([key]) => key);
      expect(empty).toEqual([]);
    });

    it('keeps every {{placeholder}} of the English text', () => {
      const wrong = Object.keys(english).filter(
        (key) =>
          key in flat && placeholders(english[key] ?? '').join() !== placeholders(flat[key] ?? '').join(),
      );
      expect(wrong).toEqual([]);
    });
  });

  // English is the source; every other language must be a translation, not a copy of it.
  describe.each(LANGUAGES.filter((language) => language !== 'en'))('%s', (language) => {
    it('is a translation, not a copy of English', () => {
      const flat = flatten(LOCALES[language]);
      const same = Object.keys(english).filter((key) => flat[key] === english[key]);
      // product name, "2FA", "E-mail" and unit symbols may legitimately match
      expect(same.length / Object.keys(english).length).toBeLessThan(0.03);
    });
  });
});
