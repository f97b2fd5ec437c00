import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Language } from '@/lib/i18n/languages';
import type { Me } from '@/lib/session/types';
import { demoAdmin, DEMO_ID, HEALTH_ID, officeHours, platformAdmin, queuesByTenant } from '@/test/fixtures';
import { flatten, initTestI18n, LOCALES, missingKeys } from '@/test/i18n';
import { crmRoutes } from '@/test/crm';
import { crmAdminRoutes } from '@/test/crmAdmin';
import { renderApp } from '@/test/render';
import {
  abandonedCall,
  agents,
  answeredCall,
  answeredCallDetail,
  inventoryNumbers,
  outboundCall,
  page,
  queuedNumber,
  sipTrunk,
  tenantNumbers,
} from '@/test/telephony';
import {
  billingMembers,
  breakReasons,
  myPresence,
  openCallbacks,
  skills,
  teamPresence,
} from '@/test/routing';

// I18N-01: no page shows a raw translation key, in any of the checked languages.
const NAMESPACES = Object.keys(LOCALES.en).join('|');
/** A text that is nothing but a key, as i18next renders a missing one. */
const RAW_KEY = new RegExp(`^(${NAMESPACES})\\.[\\w.-]+$`);
const ALL_KEYS = new Set(Object.keys(flatten(LOCALES.en)));

const routes = {
  'GET /api/cc/queues': queuesByTenant[DEMO_ID],
  'GET /api/cc/queues/q-billing': {
    ...queuesByTenant[DEMO_ID][0],
    overflow: {
      closed: { type: 'QUEUE', queueId: 'q-outages', agentId: null, number: null, message: null },
      timeout: { type: 'AGENT', agentId: 'a-ana', queueId: null, number: null, message: null },
      full: { type: 'NUMBER', number: '+37322123456', queueId: null, agentId: null, message: null },
      noAgents: { type: 'ANNOUNCE_HANGUP', message: 'Sorry.', queueId: null, agentId: null, number: null },
    },
  },
  'GET /api/cc/queues/q-billing/members': billingMembers,
  'GET /api/cc/skills': page(skills),
  'GET /api/cc/break-reasons': page(breakReasons),
  'GET /api/cc/callbacks': openCallbacks,
  'GET /api/cc/presence/me': myPresence,
  'GET /api/cc/presence': teamPresence,
  'GET /api/cc/calendars': [officeHours],
  'GET /api/cc/settings': {
    displayName: 'Demo Energy',
    timeZone: 'Europe/Chisinau',
    defaultLanguage: 'ro',
    enabledLanguages: ['ro', 'ru'],
  },
  'GET /api/identity/catalogue': {
    roles: [
      { name: 'tenant-admin', permissions: ['users.manage'] },
      { name: 'supervisor', permissions: ['users.view'] },
      { name: 'agent', permissions: ['queues.view'] },
    ],
    grantablePermissions: ['recordings.listen', 'audit.view'],
  },
  'GET /api/identity/users': {
    items: [
      {
        id: 'u1',
        username: 'demo-agent1',
        displayName: 'Agent One',
        email: 'a1@example.test',
        roles: ['agent'],
        extraPermissions: ['recordings.listen'],
        enabled: false,
        locked: true,
        mfaEnrolled: true,
        lastLoginAt: '2026-05-01T10:00:00Z',
      },
    ],
    page: 0,
    size: 20,
    total: 45,
  },
  'GET /api/identity/policy': {
    minLength: 12,
    requireUpper: true,
    requireLower: true,
    requireDigit: true,
    requireSymbol: false,
    historySize: 5,
    maxAgeDays: 90,
    lockoutThreshold: 5,
    lockoutMinutes: 15,
    mfaMode: 'ADMINS',
    trustedNetworks: ['10.0.0.0/8'],
    auditRetentionDays: 365,
  },
  'GET /api/identity/audit': {
    items: [
      {
        id: 'a1',
        occurredAt: '2026-05-01T10:00:00Z',
        type: 'login.success',
        outcome: 'SUCCESS',
        actorName: 'demo-admin',
        sourceIp: '127.0.0.1',
        details: { method: 'password' },
      },
      {
        id: 'a2',
        occurredAt: '2026-05-01T09:00:00Z',
        type: 'login.failed',
        outcome: 'FAILURE',
        actorName: 'demo-agent1',
        sourceIp: '127.0.0.1',
        details: { username: 'demo-agent1', reason: 'bad-password' },
      },
      {
        id: 'a3',
        occurredAt: '2026-05-01T08:00:00Z',
        type: 'policy.updated',
        outcome: 'SUCCESS',
        actorName: 'demo-admin',
        details: {
          changes: { mfaMode: { from: 'OFF', to: 'ALL' }, requireSymbol: { from: 'false', to: 'true' } },
        },
      },
      {
        id: 'a4',
        occurredAt: '2026-05-01T07:00:00Z',
        type: 'user.updated',
        outcome: 'SUCCESS',
        actorName: 'demo-admin',
        details: {
          username: 'demo-agent1',
          roles: ['agent'],
          extraPermissions: ['audit.view'],
          locale: 'ro',
        },
      },
    ],
    page: 0,
    size: 50,
    total: 120,
  },
  'GET /api/identity/platform/tenants': [
    {
      id: DEMO_ID,
      slug: 'demo',
      displayName: 'Demo Energy',
      defaultLanguage: 'ro',
      timeZone: 'Europe/Chisinau',
      status: 'ACTIVE',
      createdAt: '2026-01-01T00:00:00Z',
    },
    {
      id: HEALTH_ID,
      slug: 'health',
      displayName: 'Health Line',
      defaultLanguage: 'uk',
      timeZone: 'Europe/Kyiv',
      status: 'SUSPENDED',
      suspendedReason: 'Unpaid invoice',
      createdAt: '2026-01-01T00:00:00Z',
    },
  ],
  'GET /api/identity/platform/people': {
    items: [
      {
        id: 'p1',
        username: 'operator',
        displayName: 'Olena',
        memberships: [{ tenantId: DEMO_ID, name: 'Demo Energy', roles: ['agent'] }],
      },
    ],
    page: 0,
    size: 20,
    total: 1,
  },
  'GET /api/identity/platform/people/p1': {
    id: 'p1',
    username: 'operator',
    displayName: 'Olena',
    memberships: [
      { tenantId: DEMO_ID, name: 'Demo Energy', roles: ['agent'], extraPermissions: ['recordings.listen'] },
    ],
  },
  'GET /api/cc/platform/carriers': page([sipTrunk]),
  'GET /api/cc/platform/numbers': page(inventoryNumbers),
  // the queued number first: its form shows the queue and the priority (ACD-01, ACD-04)
  'GET /api/cc/numbers': page([queuedNumber, ...tenantNumbers]),
  'GET /api/cc/calls/caller-numbers': tenantNumbers,
  'GET /api/cc/agents': page(agents),
  'GET /api/cc/interactions': page([answeredCall, abandonedCall, outboundCall]),
  'GET /api/cc/interactions/i-answered': answeredCallDetail,
  ...crmRoutes,
  ...crmAdminRoutes,
  'POST /api/identity/me/mfa/enrolment': {
    secret: 'JBSWY3DPEHPK3PXP',
    otpauthUri: 'otpauth://totp/Linea:demo-admin?secret=JBSWY3DPEHPK3PXP',
    qrCodeDataUri: 'data:image/png;base64,iVBORw0KGgo=',
  },
};

const PAGES: { path: string; me: Me; open?: string }[] = [
  { path: '/', me: demoAdmin },
  { path: '/users', me: demoAdmin, open: 'users-create' },
  { path: '/security-policy', me: demoAdmin },
  { path: '/queues', me: demoAdmin },
  { path: '/queues/q-billing', me: demoAdmin },
  { path: '/queues/new', me: demoAdmin },
  { path: '/skills', me: demoAdmin, open: 'skills-create' },
  { path: '/break-reasons', me: demoAdmin, open: 'break-reasons-create' },
  { path: '/callbacks', me: demoAdmin, open: 'callback-done' },
  { path: '/presence', me: demoAdmin, open: 'presence-break' },
  { path: '/presence', me: demoAdmin, open: 'presence-logout' },
  { path: '/presence/agents', me: demoAdmin, open: 'agent-state-menu' },
  { path: '/callbacks', me: demoAdmin, open: 'callback-dial' },
  { path: '/working-hours', me: demoAdmin, open: 'calendars-create' },
  { path: '/settings', me: demoAdmin },
  { path: '/audit', me: demoAdmin },
  { path: '/profile', me: demoAdmin, open: 'mfa-start' },
  { path: '/numbers', me: demoAdmin, open: 'number-edit' },
  { path: '/agents', me: demoAdmin, open: 'agents-create' },
  { path: '/interactions', me: demoAdmin, open: 'place-call' },
  { path: '/interactions', me: demoAdmin, open: 'interaction-open' },
  { path: '/clients', me: demoAdmin, open: 'clients-create' },
  { path: '/clients/c-ana', me: demoAdmin, open: 'client-delete' },
  { path: '/client-fields', me: demoAdmin, open: 'client-fields-create' },
  { path: '/', me: platformAdmin },
  { path: '/platform/tenants', me: platformAdmin, open: 'tenants-create' },
  { path: '/platform/people', me: platformAdmin, open: 'people-create' },
  { path: '/platform/people/p1', me: platformAdmin, open: 'membership-edit' },
  { path: '/platform/carriers', me: platformAdmin, open: 'carriers-create' },
  { path: '/platform/numbers', me: platformAdmin, open: 'inventory-create' },
  { path: '/no-such-page', me: demoAdmin },
  // CRM admin and agent pages (CRM-02, CRM-05, CRM-06, AGT-05)
  { path: '/clients/import', me: demoAdmin },
  { path: '/forms', me: demoAdmin, open: 'forms-create' },
  { path: '/forms', me: demoAdmin, open: 'form-delete' },
  { path: '/categories', me: demoAdmin, open: 'category-edit' },
  { path: '/categories', me: demoAdmin, open: 'category-deactivate' },
  { path: '/api-credentials', me: demoAdmin, open: 'api-credentials-create' },
  { path: '/api-credentials', me: demoAdmin, open: 'api-credential-revoke' },
];

/** What a page's `open` button shows when it is not a dialog. */
const OPENS_ROLE: Record<string, string> = { 'mfa-start': 'img', 'agent-state-menu': 'menu' };

/** Every piece of text a person (or a screen reader) meets: text nodes and labelling attributes (not raw codes shown on purpose). */
function visibleTexts(): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    // a raw code shown on purpose next to its translation (e.g. the audit event type `policy.updated`)
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

describe.each<Language>(['en', 'ro', 'kk'])('no raw keys rendered in %s (I18N-01)', (language) => {
  it.each(PAGES.map((p) => [`${p.path} as ${p.me.username}`, p] as const))(
    '%s',
    async (_name, page) => {
      await initTestI18n(language);
      renderApp({ path: page.path, me: { ...page.me, locale: language }, routes });
      await waitFor(() =>
        expect(
          document.querySelector('[data-testid="page-title"],[data-testid="empty-state"]'),
        ).not.toBeNull(),
      );
      await waitFor(() => expect(screen.queryByTestId('loading')).toBeNull());
      assertNoRawKeys(page.path);
      if (page.open) {
        const role = OPENS_ROLE[page.open] ?? 'dialog';
        const user = userEvent.setup();
        const opened = () => screen.queryAllByRole(role, { hidden: true }).length > 0;
        await user.click(screen.getAllByTestId(page.open)[0]!);
        // Under load a click can land while the page re-renders and be lost: click again until it opens.
        // `hidden: true` skips the computed-style walk that makes role queries slow in jsdom.
        await waitFor(
          async () => {
            if (!opened()) await user.click(screen.getAllByTestId(page.open!)[0]!);
            expect(opened()).toBe(true);
          },
          { timeout: 15_000, interval: 500 },
        );
        assertNoRawKeys(`${page.path} + ${page.open}`);
      }
    },
    40_000,
  );
});
