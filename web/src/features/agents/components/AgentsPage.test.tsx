import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Me } from '@/lib/session/types';
import { demoAdmin, DEMO_ID, membership } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { agents, page, tenantUsers } from '@/test/telephony';

const routes = { 'GET /api/cc/agents': page(agents), 'GET /api/identity/users': tenantUsers };
const credentials = {
  sipUsername: 'demo-ion',
  password: 'Xq7-secret-once',
  realm: 'linea',
  sipDomain: 'sip.linea.example',
  wssUrl: 'wss://sip.linea.example/ws',
};
const field = (form: HTMLElement, name: string) => form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
const row = async (name: string) =>
  (await screen.findAllByTestId('agent-row')).find((r) => r.getAttribute('data-agent-name') === name)!;

describe('Agents page (TEL-04)', () => {
  it('lists agents with their user, how they are reached and their SIP login', async () => {
    renderApp({ path: '/agents', me: demoAdmin, routes });
    const ana = await row('Ana Agent');
    await waitFor(() => expect(ana).toHaveTextContent('demo-agent1'));
    expect(ana).toHaveTextContent('Browser or SIP phone');
    expect(ana).toHaveTextContent('+373 69 000 111');
    expect(within(ana).getByTestId('agent-sip')).toHaveTextContent('demo-ana');
    const ion = await row('Ion Mobile');
    expect(ion).toHaveTextContent('Not linked to a user');
    expect(ion).toHaveTextContent('Mobile phone');
    expect(within(ion).getByTestId('agent-sip')).toHaveTextContent('No credentials');
    expect(within(ion).queryByTestId('agent-revoke')).toBeNull();
  });

  it('shows an empty state', async () => {
    renderApp({ path: '/agents', me: demoAdmin, routes: { ...routes, 'GET /api/cc/agents': page([]) } });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No agents yet');
  });

  it('creates an agent linked to a user, reached on the mobile', async () => {
    const { api } = renderApp({
      path: '/agents',
      me: demoAdmin,
      routes: { ...routes, 'POST /api/cc/agents': { status: 201, body: agents[1] } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('agents-create'));
    const form = await screen.findByTestId('agent-form');
    await waitFor(() => expect(field(form, 'userId')).toHaveTextContent('Agent Two (demo-agent2)'));
    await user.selectOptions(field(form, 'userId'), 'u2');
    expect(field(form, 'displayName')).toHaveValue('Agent Two'); // named after the person
    await user.click(within(form).getByRole('radio', { name: /Mobile phone/ }));
    await user.click(within(form).getByTestId('agent-save'));
    // reached on the mobile: the number is required
    expect(
      within(form).getByText('A mobile number is needed when the agent is reached on the mobile phone.'),
    ).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/cc/agents')).toHaveLength(0);
    await user.type(field(form, 'mobileE164'), '+373 69 000 333');
    await user.click(within(form).getByTestId('agent-save'));
    await waitFor(() => expect(api.callsTo('POST', '/api/cc/agents')).toHaveLength(1));
    const post = api.callsTo('POST', '/api/cc/agents')[0]!;
    expect(post.headers['X-Linea-Tenant']).toBe(DEMO_ID);
    expect(post.body).toEqual({
      displayName: 'Agent Two',
      userId: 'u2',
      reach: 'MOBILE',
      mobileE164: '+37369000333',
      available: true,
      capacity: { voice: 1, chat: 3, email: 5, sms: 5, social: 3, blended: false },
    });
  });

  it('sets how much an agent takes at once, checking the ranges (ACD-05, ACD-11)', async () => {
    const { api } = renderApp({
      path: '/agents',
      me: demoAdmin,
      routes: { ...routes, 'PUT /api/cc/agents/a-ana': { ...agents[0], version: 3 } },
    });
    const user = userEvent.setup();
    await user.click(within(await row('Ana Agent')).getByTestId('agent-edit'));
    const form = await screen.findByTestId('agent-form');
    const capacity = within(form).getByTestId('agent-capacity');
    expect(field(capacity, 'chat')).toHaveValue('3');
    await user.click(within(capacity).getByRole('switch', { name: 'Takes calls' }));
    await user.clear(field(capacity, 'chat'));
    await user.type(field(capacity, 'chat'), '21');
    await user.click(within(form).getByTestId('agent-save'));
    expect(within(capacity).getByText('Enter a whole number from 0 to 20.')).toBeInTheDocument();
    expect(api.callsTo('PUT', '/api/cc/agents/a-ana')).toHaveLength(0);

    await user.clear(field(capacity, 'chat'));
    await user.type(field(capacity, 'chat'), '6');
    await user.click(within(capacity).getByRole('switch', { name: /^Blended/ }));
    await user.click(within(form).getByTestId('agent-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/agents/a-ana')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/agents/a-ana')[0]!.body).toMatchObject({
      capacity: { voice: 0, chat: 6, email: 5, sms: 5, social: 3, blended: true },
      version: 2,
    });
  });

  it('shows the problem detail field errors next to their fields', async () => {
    renderApp({
      path: '/agents',
      me: demoAdmin,
      routes: {
        ...routes,
        'POST /api/cc/agents': {
          status: 400,
          body: {
            status: 400,
            code: 'validation.failed',
            detail: 'The request has invalid fields.',
            errors: [{ field: 'userId', code: 'taken', message: 'This user already works as Ana Agent.' }],
          },
        },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('agents-create'));
    const form = await screen.findByTestId('agent-form');
    await waitFor(() => expect(field(form, 'userId')).toHaveTextContent('demo-agent1'));
    await user.selectOptions(field(form, 'userId'), 'u1');
    await user.click(within(form).getByTestId('agent-save'));
    expect(await within(form).findByText('This user already works as Ana Agent.')).toBeInTheDocument();
    expect(field(form, 'userId')).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows generated SIP credentials once, with copy buttons and a warning', async () => {
    let listed: unknown = page(agents);
    const { api } = renderApp({
      path: '/agents',
      me: demoAdmin,
      routes: {
        ...routes,
        'GET /api/cc/agents': () => listed,
        'POST /api/cc/agents/a-ion/credentials': () => {
          listed = page([
            agents[0],
            { ...agents[1], sipUsername: 'demo-ion', hasCredentials: true, version: 1 },
          ]);
          return { status: 201, body: credentials };
        },
      },
    });
    const user = userEvent.setup();
    // no credentials yet: nothing to confirm
    await user.click(within(await row('Ion Mobile')).getByTestId('agent-credentials'));
    const modal = await screen.findByTestId('credentials-modal');
    expect(api.callsTo('POST', '/api/cc/agents/a-ion/credentials')).toHaveLength(1);
    expect(within(modal).getByRole('alert')).toHaveTextContent('cannot be shown again');
    for (const [name, value] of Object.entries(credentials))
      expect(within(modal).getByTestId(`credentials-${name}`)).toHaveValue(value);
    await user.click(within(modal).getByTestId('copy-password'));
    // user-event's clipboard stands in for the browser's
    expect(await navigator.clipboard.readText()).toBe('Xq7-secret-once');
    expect(await within(modal).findByText('Copied')).toBeInTheDocument();

    await user.click(within(modal).getByTestId('credentials-done'));
    await waitFor(() => expect(screen.queryByTestId('credentials-modal')).toBeNull());
    // gone for good: not on the page, and the list now shows the login without the password
    expect(document.body.innerHTML).not.toContain('Xq7-secret-once');
    await waitFor(async () =>
      expect(within(await row('Ion Mobile')).getByTestId('agent-sip')).toHaveTextContent('demo-ion'),
    );
  });

  it('asks before replacing existing credentials, because the old password stops working', async () => {
    const { api } = renderApp({
      path: '/agents',
      me: demoAdmin,
      routes: { ...routes, 'POST /api/cc/agents/a-ana/credentials': { status: 201, body: credentials } },
    });
    const user = userEvent.setup();
    const ana = await row('Ana Agent');
    await user.click(within(ana).getByTestId('agent-credentials'));
    let modal = await screen.findByRole('dialog');
    expect(modal).toHaveTextContent('The current password stops working at once');
    await user.click(within(modal).getByTestId('confirm-cancel'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo('POST', '/api/cc/agents/a-ana/credentials')).toHaveLength(0);

    await user.click(within(ana).getByTestId('agent-credentials'));
    modal = await screen.findByRole('dialog');
    await user.click(within(modal).getByTestId('confirm-action'));
    expect(await screen.findByTestId('credentials-modal')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/cc/agents/a-ana/credentials')).toHaveLength(1);
  });

  it('revokes credentials after confirmation', async () => {
    const { api } = renderApp({
      path: '/agents',
      me: demoAdmin,
      routes: { ...routes, 'DELETE /api/cc/agents/a-ana/credentials': { status: 204 } },
    });
    const user = userEvent.setup();
    await user.click(within(await row('Ana Agent')).getByTestId('agent-revoke'));
    const modal = await screen.findByRole('dialog');
    expect(modal).toHaveTextContent('Revoke the SIP credentials of Ana Agent?');
    expect(api.callsTo('DELETE', '/api/cc/agents/a-ana/credentials')).toHaveLength(0);
    await user.click(within(modal).getByTestId('confirm-action'));
    await waitFor(() => expect(api.callsTo('DELETE', '/api/cc/agents/a-ana/credentials')).toHaveLength(1));
  });

  it('toggles availability with the whole agent and its version', async () => {
    const { api } = renderApp({
      path: '/agents',
      me: demoAdmin,
      routes: { ...routes, 'PUT /api/cc/agents/a-ana': { ...agents[0], available: false, version: 3 } },
    });
    const user = userEvent.setup();
    await user.click(within(await row('Ana Agent')).getByRole('switch', { name: 'Ana Agent is available' }));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/agents/a-ana')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/agents/a-ana')[0]!.body).toEqual({
      displayName: 'Ana Agent',
      userId: 'u1',
      reach: 'ENDPOINT',
      mobileE164: '+37369000111',
      available: false,
      version: 2,
    });
  });

  it('is read-only with telephony.view only', async () => {
    const supervisor: Me = {
      ...demoAdmin,
      memberships: [membership({ roles: ['supervisor'], permissions: ['telephony.view'] })],
    };
    const { api } = renderApp({ path: '/agents', me: supervisor, routes });
    expect(await screen.findAllByTestId('agent-row')).toHaveLength(2);
    expect(screen.queryByTestId('agents-create')).toBeNull();
    expect(screen.queryByTestId('agent-credentials')).toBeNull();
    expect(screen.queryByRole('switch')).toBeNull();
    // without users.view the user names are not asked for
    expect(api.callsTo('GET', '/api/identity/users')).toHaveLength(0);
  });
});
