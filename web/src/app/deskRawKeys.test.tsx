import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Language } from '@/lib/i18n/languages';
import { demoAdmin, officeHours } from '@/test/fixtures';
import { flatten, initTestI18n, LOCALES, missingKeys } from '@/test/i18n';
import { renderApp } from '@/test/render';
import { myPresence } from '@/test/routing';
import { agents, page } from '@/test/telephony';
import {
  faq,
  kbCategories,
  lateTicket,
  meterHit,
  newTicket,
  ok,
  refundArticle,
  refundHit,
  refundVersions,
  ticketComments,
  ticketEvents,
  ticketPage,
  ticketSettings,
} from '@/test/desk';

// I18N-01: the help-desk and knowledge-base pages show no raw translation key (as rawKeys.test.tsx
// does for the other pages; kept apart so that both can grow without touching each other).
const NAMESPACES = Object.keys(LOCALES.en).join('|');
const RAW_KEY = new RegExp(`^(${NAMESPACES})\\.[\\w.-]+$`);
const ALL_KEYS = new Set(Object.keys(flatten(LOCALES.en)));

const routes = {
  'GET /api/cc/tickets': ticketPage,
  'GET /api/cc/tickets/t-1043': ok(lateTicket),
  'GET /api/cc/tickets/t-1043/comments': ticketComments,
  'GET /api/cc/tickets/t-1043/events': ticketEvents,
  'GET /api/cc/tickets/t-1042': ok(newTicket),
  'GET /api/cc/agents': page(agents),
  'GET /api/cc/presence/me': myPresence,
  'GET /api/cc/ticket-settings': ticketSettings,
  'GET /api/cc/calendars': [officeHours],
  'GET /api/cc/kb/categories': kbCategories,
  'GET /api/cc/kb/articles': page([refundHit, meterHit]),
  'GET /api/cc/kb/articles/a-refund': ok(refundArticle),
  'GET /api/cc/kb/articles/a-refund/versions': refundVersions,
  'GET /api/cc/kb/faq': faq,
};

const PAGES: { path: string; open?: string }[] = [
  { path: '/tickets', open: 'tickets-create' },
  { path: '/tickets/t-1043', open: 'ticket-edit' },
  { path: '/ticket-settings' },
  { path: '/kb', open: 'kb-import' },
  { path: '/kb?tab=faq' },
  { path: '/kb?tab=categories', open: 'category-create' },
  { path: '/kb/articles/a-refund', open: 'article-delete' },
  { path: '/kb/articles/a-refund/edit' },
  { path: '/kb/articles/new?translationOf=a-refund' },
];

function visibleTexts(): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (!node.parentElement?.closest('[data-raw-code]')) texts.push((node.textContent ?? '').trim());
  document.body.querySelectorAll('[aria-label],[placeholder],[title],[alt]').forEach((el) => {
    for (const attr of ['aria-label', 'placeholder', 'title', 'alt'])
      texts.push((el.getAttribute(attr) ?? '').trim());
  });
  return texts.filter(Boolean);
}

function assertNoRawKeys(where: string) {
  expect(missingKeys, `${where}: missing keys`).toEqual([]);
  const raw = visibleTexts().filter((text) => RAW_KEY.test(text) || ALL_KEYS.has(text));
  expect(raw, `${where}: raw keys rendered`).toEqual([]);
}

describe.each<Language>(['en', 'ro', 'kk'])(
  'no raw keys on the help-desk pages in %s (I18N-01)',
  (language) => {
    it.each(PAGES.map((p) => [p.path, p] as const))('%s', async (_name, target) => {
      await initTestI18n(language);
      renderApp({ path: target.path, me: { ...demoAdmin, locale: language }, routes });
      await waitFor(() => expect(document.querySelector('[data-testid="page-title"]')).not.toBeNull());
      await waitFor(() => expect(screen.queryByTestId('loading')).toBeNull());
      assertNoRawKeys(target.path);
      if (target.open) {
        await userEvent.setup().click(screen.getAllByTestId(target.open)[0]!);
        await screen.findByRole('dialog');
        assertNoRawKeys(`${target.path} + ${target.open}`);
      }
    });
  },
);
