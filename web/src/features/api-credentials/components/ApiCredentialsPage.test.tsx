import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiCredentials, crmAdminRoutes } from '@/test/crmAdmin';
import { demoAdmin } from '@/test/fixtures';
import { renderApp } from '@/test/render';

const routes = crmAdminRoutes;
const SECRET = 'lnk_q1w2e3r4t5_Zm9vYmFyYmF6cXV4cXV1eGZvb2JhcmJhenF1eA';

describe('API credentials (CRM-05)', () => {
  it('lists the keys with their prefix, scopes, creator, last use and revocation', async () => {
    renderApp({ path: '/api-credentials', me: demoAdmin, routes });
    const rows = await screen.findAllByTestId('api-credential-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('CRM nightly sync');
    expect(rows[0]).toHaveTextContent('lnk_ab3cd4ef5g_…');
    expect(rows[0]).toHaveTextContent('Create and update clients, import files');
    expect(rows[0]).toHaveTextContent('Read import progress and reports');
    expect(rows[0]).toHaveTextContent('by you');
    expect(within(rows[0]!).getByTestId('api-credential-status')).toHaveTextContent('Active');
    expect(rows[1]).toHaveTextContent('Never');
    expect(rows[1]).toHaveTextContent('by d0000000…');
    expect(within(rows[1]!).getByTestId('api-credential-status')).toHaveTextContent('Revoked');
    // a revoked key cannot be revoked again
    expect(within(rows[1]!).queryByTestId('api-credential-revoke')).toBeNull();
  });

  it('creates a key and shows its secret once, with a copy button and a warning', async () => {
    let listed: unknown[] = apiCredentials;
    const created = {
      id: 'key-new',
      name: 'Website',
      prefix: 'q1w2e3r4t5',
      scopes: ['clients.write', 'interactions.read'],
      createdAt: '2026-05-02T08:00:00Z',
      createdBy: 'p-admin',
      lastUsedAt: null,
      revokedAt: null,
    };
    const { api } = renderApp({
      path: '/api-credentials',
      me: demoAdmin,
      routes: {
        ...routes,
        'GET /api/cc/api-credentials': () => listed,
        'POST /api/cc/api-credentials': () => {
          listed = [created, ...apiCredentials];
          return { status: 201, body: { ...created, secret: SECRET } };
        },
      },
    });
    const user = userEvent.setup();
    await user.click((await screen.findAllByTestId('api-credentials-create'))[0]!);
    const form = await screen.findByTestId('api-credential-form');
    await user.type(within(form).getByLabelText(/^Name/), 'Website');
    // at least one scope
    await user.click(within(form).getByTestId('api-credential-save'));
    expect(within(form).getByText('Choose at least one scope.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/cc/api-credentials')).toHaveLength(0);
    await user.click(within(form).getByRole('checkbox', { name: /Export interactions/ }));
    await user.click(within(form).getByRole('checkbox', { name: /Create and update clients/ }));
    await user.click(within(form).getByTestId('api-credential-save'));

    await waitFor(() => expect(api.callsTo('POST', '/api/cc/api-credentials')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/cc/api-credentials')[0]!.body).toEqual({
      name: 'Website',
      scopes: ['clients.write', 'interactions.read'],
    });
    const modal = await screen.findByTestId('api-credential-secret-modal');
    expect(within(modal).getByTestId('api-credential-secret')).toHaveTextContent(SECRET);
    expect(modal).toHaveTextContent('This is the only time the key is shown.');
    await user.click(within(modal).getByTestId('api-credential-copy'));
    expect(await navigator.clipboard.readText()).toBe(SECRET);
    await waitFor(() => expect(within(modal).getByTestId('api-credential-copy')).toHaveTextContent('Copied'));

    await user.click(within(modal).getByTestId('api-credential-secret-done'));
    await waitFor(() => expect(screen.queryByTestId('api-credential-secret-modal')).toBeNull());
    // the list has the new key, never its secret
    await waitFor(() => expect(screen.getAllByTestId('api-credential-row')).toHaveLength(3));
    expect(screen.queryByText(SECRET)).toBeNull();
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('revokes a key only after confirmation', async () => {
    const { api } = renderApp({
      path: '/api-credentials',
      me: demoAdmin,
      routes: { ...routes, 'DELETE /api/cc/api-credentials/key-crm': { status: 204 } },
    });
    const user = userEvent.setup();
    const rows = await screen.findAllByTestId('api-credential-row');
    await user.click(within(rows[0]!).getByRole('button', { name: 'Revoke CRM nightly sync' }));
    let modal = await screen.findByRole('dialog');
    expect(modal).toHaveTextContent('Revoke CRM nightly sync? Systems using it are refused at once.');
    await user.click(within(modal).getByTestId('confirm-cancel'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo('DELETE', '/api/cc/api-credentials/key-crm')).toHaveLength(0);

    await user.click(within(rows[0]!).getByTestId('api-credential-revoke'));
    modal = await screen.findByRole('dialog');
    await user.click(within(modal).getByTestId('confirm-action'));
    await waitFor(() => expect(api.callsTo('DELETE', '/api/cc/api-credentials/key-crm')).toHaveLength(1));
    expect(await screen.findByText('The credential CRM nightly sync was revoked.')).toBeInTheDocument();
  });

  it('has an empty state with a way to create the first key', async () => {
    renderApp({
      path: '/api-credentials',
      me: demoAdmin,
      routes: { ...routes, 'GET /api/cc/api-credentials': [] },
    });
    const empty = await screen.findByTestId('empty-state');
    expect(empty).toHaveTextContent('No API credentials yet');
    expect(within(empty).getByTestId('api-credentials-create')).toBeInTheDocument();
  });
});
