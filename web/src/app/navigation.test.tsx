import { cleanup, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { demoAdmin, membership, operator, platformAdmin } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import type { Me } from '@/lib/session/types';

async function navIds(me: Me, path = '/') {
  renderApp({ path, me });
  const nav = await screen.findByTestId('navigation');
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.getAttribute('data-testid'));
}

describe('navigation by role and permission (ADM-01, TEN-02, TEN-04, TEN-05, ACD-03, ACD-05, ACD-11, ACD-14, CRM-01, CRM-02, CRM-05, AGT-05)', () => {
  it('gives a tenant admin every tenant page and no platform page', async () => {
    expect(await navIds(demoAdmin)).toEqual([
      'nav-home',
      'nav-presence',
      'nav-my-calls',
      'nav-presence-agents',
      'nav-queues',
      'nav-skills',
      'nav-break-reasons',
      'nav-calendars',
      'nav-numbers',
      'nav-agents',
      'nav-interactions',
      'nav-callbacks',
      'nav-clients',
      'nav-users',
      'nav-policy',
      'nav-settings',
      'nav-client-fields',
      'nav-audit',
      'nav-tickets',
      'nav-ticket-settings',
      'nav-kb',
      'nav-forms',
      'nav-categories',
      'nav-api-credentials',
    ]);
  });

  it('gives an agent only what queues.view, calendars.view and callbacks.handle allow', async () => {
    expect(await navIds(operator)).toEqual([
      'nav-home',
      'nav-presence',
      'nav-my-calls',
      'nav-queues',
      'nav-skills',
      'nav-break-reasons',
      'nav-calendars',
      'nav-callbacks',
    ]);
  });

  it('adds single permissions granted on top of a role', async () => {
    const supervisorWithAudit: Me = {
      ...demoAdmin,
      memberships: [
        membership({ roles: ['supervisor'], permissions: ['users.view', 'queues.view', 'audit.view'] }),
      ],
    };
    expect(await navIds(supervisorWithAudit)).toEqual([
      'nav-home',
      'nav-presence',
      'nav-my-calls',
      'nav-queues',
      'nav-skills',
      'nav-break-reasons',
      'nav-users',
      'nav-audit',
    ]);
  });

  it('gives the platform admin the platform pages', async () => {
    expect(await navIds(platformAdmin)).toEqual([
      'nav-home',
      'nav-tenants',
      'nav-people',
      'nav-carriers',
      'nav-inventory',
    ]);
  });

  it('opens the telephony pages by telephony.view and interactions by calls.place alone (TEL-04, TEL-05)', async () => {
    const supervisor: Me = {
      ...demoAdmin,
      memberships: [
        membership({ roles: ['supervisor'], permissions: ['telephony.view', 'interactions.view'] }),
      ],
    };
    expect(await navIds(supervisor)).toEqual(['nav-home', 'nav-numbers', 'nav-agents', 'nav-interactions']);
  });

  it('gives an agent who may place calls the interactions page only', async () => {
    const caller: Me = {
      ...operator,
      memberships: [membership({ roles: ['agent'], permissions: ['queues.view', 'calls.place'] })],
    };
    expect(await navIds(caller)).toEqual([
      'nav-home',
      'nav-presence',
      'nav-my-calls',
      'nav-queues',
      'nav-skills',
      'nav-break-reasons',
      'nav-interactions',
    ]);
  });

  it('opens the callback list by callbacks.handle alone, and the routing pages by queues.view (ACD-03, ACD-05, ACD-14)', async () => {
    const callbacksOnly: Me = {
      ...operator,
      memberships: [membership({ roles: ['agent'], permissions: ['callbacks.handle'] })],
    };
    expect(await navIds(callbacksOnly)).toEqual(['nav-home', 'nav-callbacks']);
  });

  it.each(['/skills', '/break-reasons', '/queues/q-billing'])(
    'refuses %s without queues.view',
    async (path) => {
      const callbacksOnly: Me = {
        ...operator,
        memberships: [membership({ roles: ['agent'], permissions: ['callbacks.handle'] })],
      };
      renderApp({ path, me: callbacksOnly });
      expect(await screen.findByTestId('empty-state')).toHaveTextContent('No access');
    },
  );

  it('opens "My status" by queues.view and the agents\' status by agents.monitor (ACD-05, ACD-11)', async () => {
    const monitorOnly: Me = {
      ...demoAdmin,
      memberships: [membership({ roles: ['supervisor'], permissions: ['agents.monitor'] })],
    };
    expect(await navIds(monitorOnly)).toEqual(['nav-home', 'nav-presence-agents']);
  });

  it("refuses the agents' status to an agent", async () => {
    renderApp({ path: '/presence/agents', me: operator });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No access');
    expect(screen.queryByTestId('agent-status-table')).toBeNull();
  });

  it('refuses "My status" without queues.view', async () => {
    const callbacksOnly: Me = {
      ...operator,
      memberships: [membership({ roles: ['agent'], permissions: ['callbacks.handle'] })],
    };
    renderApp({ path: '/presence', me: callbacksOnly });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No access');
  });

  it('marks only the most specific item as the current page', async () => {
    renderApp({ path: '/presence/agents', me: demoAdmin, routes: { 'GET /api/cc/presence': [] } });
    const nav = await screen.findByTestId('navigation');
    expect(within(nav).getByTestId('nav-presence-agents')).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByTestId('nav-presence')).not.toHaveAttribute('aria-current');
  });

  it('opens the clients by clients.view or clients.manage, and the client fields by crm.configure alone (CRM-01, CRM-02)', async () => {
    const viewer: Me = {
      ...operator,
      memberships: [membership({ roles: ['agent'], permissions: ['clients.view'] })],
    };
    expect(await navIds(viewer)).toEqual(['nav-home', 'nav-clients', 'nav-forms', 'nav-categories']);
    cleanup();
    const manager: Me = {
      ...operator,
      memberships: [membership({ roles: ['customer-manager'], permissions: ['clients.manage'] })],
    };
    expect(await navIds(manager)).toEqual(['nav-home', 'nav-clients']);
    cleanup();
    const designer: Me = {
      ...demoAdmin,
      memberships: [membership({ roles: ['supervisor'], permissions: ['crm.configure'] })],
    };
    expect(await navIds(designer)).toEqual(['nav-home', 'nav-client-fields']);
  });

  it.each(['/clients', '/clients/c-ana'])('refuses %s without clients.view', async (path) => {
    renderApp({ path, me: operator });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No access');
    expect(screen.queryByTestId('client-form')).toBeNull();
  });

  it('refuses the client fields without crm.configure, even to someone who manages clients', async () => {
    const manager: Me = {
      ...operator,
      memberships: [
        membership({ roles: ['customer-manager'], permissions: ['clients.view', 'clients.manage'] }),
      ],
    };
    renderApp({ path: '/client-fields', me: manager });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No access');
    expect(screen.queryByTestId('client-fields-create')).toBeNull();
  });

  it('opens the API credentials by integrations.manage alone (CRM-05)', async () => {
    const supervisor: Me = {
      ...demoAdmin,
      memberships: [
        membership({
          roles: ['supervisor'],
          permissions: ['clients.view', 'clients.manage', 'crm.configure', 'agents.monitor'],
        }),
      ],
    };
    const ids = await navIds(supervisor);
    expect(ids).toEqual([
      'nav-home',
      'nav-presence-agents',
      'nav-clients',
      'nav-client-fields',
      'nav-forms',
      'nav-categories',
    ]);
    expect(ids).not.toContain('nav-api-credentials');
    cleanup();
    const integrator: Me = {
      ...demoAdmin,
      memberships: [membership({ roles: ['supervisor'], permissions: ['integrations.manage'] })],
    };
    expect(await navIds(integrator)).toEqual(['nav-home', 'nav-api-credentials']);
  });

  it('refuses the API credentials without integrations.manage, even to a CRM designer', async () => {
    const designer: Me = {
      ...demoAdmin,
      memberships: [membership({ roles: ['supervisor'], permissions: ['clients.view', 'crm.configure'] })],
    };
    renderApp({ path: '/api-credentials', me: designer });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No access');
    expect(screen.queryByTestId('api-credentials-create')).toBeNull();
  });

  it.each(['/forms', '/categories', '/clients/import'])('refuses %s without clients.view', async (path) => {
    renderApp({ path, me: operator });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No access');
  });

  it('refuses the client import to someone who may only view clients', async () => {
    const viewer: Me = {
      ...operator,
      memberships: [membership({ roles: ['agent'], permissions: ['clients.view'] })],
    };
    renderApp({ path: '/clients/import', me: viewer });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No access');
    expect(screen.queryByTestId('import-dropzone')).toBeNull();
  });

  it('refuses the callback list without callbacks.handle', async () => {
    const viewer: Me = {
      ...operator,
      memberships: [membership({ roles: ['supervisor'], permissions: ['queues.view'] })],
    };
    renderApp({ path: '/callbacks', me: viewer });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No access');
  });

  it('refuses creating a queue to an agent with queues.view only', async () => {
    renderApp({ path: '/queues/new', me: operator });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No access');
    expect(screen.queryByTestId('queue-form')).toBeNull();
  });

  it('refuses the platform telephony pages to a tenant admin (TEN-02)', async () => {
    renderApp({ path: '/platform/carriers', me: demoAdmin });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No access');
  });

  it('refuses a typed URL the role does not allow', async () => {
    renderApp({ path: '/security-policy', me: operator });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No access');
    expect(screen.queryByTestId('policy-form')).toBeNull();
  });

  it('refuses platform pages to a tenant admin', async () => {
    renderApp({ path: '/platform/tenants', me: demoAdmin });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No access');
  });
});

describe('navigation of the help desk and the knowledge base (HD-01, HD-02, HD-03)', () => {
  const withPermissions = (permissions: string[]): Me => ({
    ...operator,
    memberships: [membership({ roles: ['agent'], permissions })],
  });

  it('gives an agent tickets and the knowledge base, but not the help-desk settings', async () => {
    expect(await navIds(withPermissions(['tickets.handle', 'kb.view']))).toEqual([
      'nav-home',
      'nav-tickets',
      'nav-kb',
    ]);
  });

  it('gives the help-desk settings by tickets.manage alone', async () => {
    expect(await navIds(withPermissions(['tickets.manage']))).toEqual(['nav-home', 'nav-ticket-settings']);
  });

  it.each([
    ['/tickets', ['kb.view']],
    ['/tickets/t-1', ['kb.view']],
    ['/ticket-settings', ['tickets.handle', 'kb.view']],
    ['/kb', ['tickets.handle']],
    ['/kb/articles/a-1', ['tickets.handle']],
    ['/kb/articles/new', ['tickets.handle']],
  ])('refuses %s with only %j', async (path, permissions) => {
    renderApp({ path, me: withPermissions(permissions) });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No access');
  });

  it('refuses the article editor with kb.view only', async () => {
    renderApp({
      path: '/kb/articles/new',
      me: withPermissions(['kb.view']),
      routes: { 'GET /api/cc/kb/categories': [] },
    });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No access');
    expect(screen.queryByTestId('article-form')).toBeNull();
  });
});
