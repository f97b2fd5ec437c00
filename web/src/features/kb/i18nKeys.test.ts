import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@/lib/i18n/languages';
import { flatten, LOCALES } from '@/test/i18n';
import { ARTICLE_STATUSES, VISIBILITIES } from './api/kb';
import { FAQ_PERIODS } from './components/FaqPanel';
import { KB_TABS } from './components/KbPage';

// I18N-01: the keys the knowledge-base pages build at run time exist in every language.
describe('knowledge-base keys built at run time (I18N-01)', () => {
  const keys = [
    'kb.nav',
    ...ARTICLE_STATUSES.map((s) => `kb.statuses.${s}`),
    ...VISIBILITIES.flatMap((v) => [`kb.visibilities.${v}`, `kb.visibilityHints.${v}`]),
    ...FAQ_PERIODS.map((d) => `kb.faq.periods.${d}`),
    ...KB_TABS.map((tab) => `kb.tabs.${tab}`),
  ];

  it.each(LANGUAGES)('%s has them all', (language) => {
    const flat = flatten(LOCALES[language]);
    expect(keys.filter((key) => !flat[key])).toEqual([]);
  });
});
