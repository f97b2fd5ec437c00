import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoAdmin, DEMO_ID } from '@/test/fixtures';
import { renderApp } from '@/test/render';

const catalogue = {
  roles: [
    { name: 'tenant-admin', permissions: ['users.manage'] },
    { name: 'agent', permissions: ['queues.view', 'callbacks.handle'] },
  ],
  grantablePermissions: ['recordings.listen', 'callbacks.handle'],
};
const emptyPage = { items: [], page: 0, size: 20, total: 0 };

async function openCreateForm() {
  const user = userEvent.setup();
  await user.click(await screen.findByTestId('users-create'));
  const form = await screen.findByTestId('user-form');
  await user.type(within(form).getByRole('textbox', { name: /^Username/ }), 'new.agent');
  await user.type(within(form).getByRole('textbox', { name: /^Full name/ }), 'New Agent');
  await user.type(form.querySelector<HTMLInputElement>('input[name="initialPassword"]')!, 'short');
  return { user, form };
}

describe('Users page (ADM-01, TEN-04)', () => {
  it('shows the problem detail field errors next to their fields (SEC-01)', async () => {
    const { api } = renderApp({
      path: '/users',
      me: demoAdmin,
      routes: {
        'GET /api/identity/users': emptyPage,
        'GET /api/identity/catalogue': catalogue,
        'POST /api/identity/users': {
          status: 400,
          body: {
            type: 'about:blank',
            title: 'Bad Request',
            status: 400,
            code: 'validation.failed',
            detail: 'The request has invalid fields.',
            errors: [
              { field: 'username', code: 'taken', message: 'This username is already taken.' },
              { field: 'initialPassword', code: 'policy', message: 'At least 12 characters.' },
            ],
          },
        },
      },
    });
    expect(await screen.findByTestId('empty-state')).toBeInTheDocument();
    const { user, form } = await openCreateForm();
    await user.click(within(form).getByTestId('user-save'));

    const username = within(form).getByRole('textbox', { name: /^Username/ });
    await waitFor(() => expect(username).toHaveAttribute('aria-invalid', 'true'));
    expect(within(form).getByText('This username is already taken.')).toBeInTheDocument();
    expect(within(form).getByText('At least 12 characters.')).toBeInTheDocument();
    // the message is the field's description for assistive technology
    const describedBy = username.getAttribute('aria-describedby') ?? '';
    expect(
      describedBy
        .split(/\s+/)
        .some((id) => document.getElementById(id)?.textContent === 'This username is already taken.'),
    ).toBe(true);
    // shown inline, not as a notification
    expect(within(screen.getByTestId('notifications')).queryByRole('alert')).toBeNull();

    const post = api.callsTo('POST', '/api/identity/users')[0]!;
    expect(post.headers['X-Linea-Tenant']).toBe(DEMO_ID);
    expect(post.body).toMatchObject({ username: 'new.agent', displayName: 'New Agent', roles: ['agent'] });
  });

  it('shows a problem without field errors as a notification', async () => {
    renderApp({
      path: '/users',
      me: demoAdmin,
      routes: {
        'GET /api/identity/users': emptyPage,
        'GET /api/identity/catalogue': catalogue,
        'POST /api/identity/users': {
          status: 403,
          body: { status: 403, code: 'permission.denied', detail: 'You may not manage users here.' },
        },
      },
    });
    const { user, form } = await openCreateForm();
    await user.click(within(form).getByTestId('user-save'));
    const alert = await within(screen.getByTestId('notifications')).findByRole('alert');
    expect(alert).toHaveTextContent('You may not manage users here.');
  });

  it('validates inline before calling the server', async () => {
    const { api } = renderApp({
      path: '/users',
      me: demoAdmin,
      routes: { 'GET /api/identity/users': emptyPage, 'GET /api/identity/catalogue': catalogue },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('users-create'));
    const form = await screen.findByTestId('user-form');
    await user.click(within(form).getByTestId('user-save'));
    expect(within(form).getByRole('textbox', { name: /^Username/ })).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getAllByText('This field is required.').length).toBeGreaterThan(0);
    expect(api.callsTo('POST', '/api/identity/users')).toHaveLength(0);
  });

  it('asks for confirmation before disabling a user', async () => {
    const { api } = renderApp({
      path: '/users',
      me: demoAdmin,
      routes: {
        'GET /api/identity/users': {
          items: [
            {
              id: 'u1',
              username: 'demo-agent1',
              displayName: 'Agent One',
              roles: ['agent'],
              extraPermissions: [],
              enabled: true,
              locked: false,
              mfaEnrolled: false,
            },
          ],
          page: 0,
          size: 20,
          total: 1,
        },
        'GET /api/identity/catalogue': catalogue,
        'POST /api/identity/users/u1/disable': { status: 204 },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('user-actions'));
    await user.click(await screen.findByTestId('user-disable'));
    const modal = await screen.findByRole('dialog');
    expect(modal).toHaveTextContent('Disable demo-agent1?');
    expect(api.callsTo('POST', '/api/identity/users/u1/disable')).toHaveLength(0);
    await user.click(within(modal).getByTestId('confirm-action'));
    await waitFor(() => expect(api.callsTo('POST', '/api/identity/users/u1/disable')).toHaveLength(1));
  });
});
