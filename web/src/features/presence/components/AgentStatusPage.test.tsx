import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Me } from '@/lib/session/types';
import { demoAdmin, DEMO_ID, membership } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { breakReasons, myPresence, teamPresence } from '@/test/routing';
import { page } from '@/test/telephony';

const supervisor: Me = {
  ...demoAdmin,
  id: 'p-sup',
  username: 'demo-supervisor',
  memberships: [membership({ roles: ['supervisor'], permissions: ['queues.view', 'agents.monitor'] })],
};

const routes = {
  'GET /api/cc/presence': teamPresence,
  'GET /api/cc/break-reasons': page(breakReasons),
};

async function rows() {
  const found = await screen.findAllByTestId('agent-status-row');
  return Object.fromEntries(found.map((row) => [row.getAttribute('data-agent-id'), row])) as Record<
    string,
    HTMLElement
  >;
}

async function chooseState(agentRow: HTMLElement, item: string) {
  const user = userEvent.setup();
  await user.click(within(agentRow).getByTestId('agent-state-menu'));
  await user.click(await screen.findByTestId(item));
  return user;
}

describe('Agent status page for supervisors (ACD-05, ACD-11)', () => {
  it('lists every agent with a state badge and the queues they are logged in to', async () => {
    const { api } = renderApp({ path: '/presence/agents', me: supervisor, routes });
    const row = await rows();
    expect(Object.keys(row)).toEqual(['a-ana', 'a-ion']);
    expect(within(row['a-ana']!).getByTestId('presence-state')).toHaveTextContent('Available');
    expect(within(row['a-ion']!).getByTestId('presence-state')).toHaveTextContent('On a break');
    expect(within(row['a-ion']!).getByTestId('presence-state')).toHaveAttribute('data-state', 'BREAK');
    const ana = within(row['a-ana']!).getAllByTestId('queue-login');
    expect(ana.map((s) => [s.getAttribute('data-queue-id'), (s as HTMLInputElement).checked])).toEqual([
      ['q-billing', true],
      ['q-outages', false],
    ]);
    // a supervisor may log agents in where they may not do it themselves
    expect(ana[1]).toBeEnabled();
    expect(ana[1]).toHaveAccessibleName('Ana Agent logged in to Outages');
    expect(api.callsTo('GET', '/api/cc/presence')[0]?.headers['X-Linea-Tenant']).toBe(DEMO_ID);

    // the state an agent is in is not offered again
    await userEvent.setup().click(within(row['a-ana']!).getByTestId('agent-state-menu'));
    expect(await screen.findByTestId('agent-set-available')).toBeDisabled();
    expect(screen.getByTestId('agent-set-logout')).toBeEnabled();
  });

  it('logs an agent in to a queue', async () => {
    const ionIn = { ...teamPresence[1]!, queues: [{ ...teamPresence[1]!.queues[0]!, loggedIn: true }] };
    const { api } = renderApp({
      path: '/presence/agents',
      me: supervisor,
      routes: { ...routes, 'POST /api/cc/presence/agents/a-ion/login': ionIn },
    });
    const user = userEvent.setup();
    await user.click(within((await rows())['a-ion']!).getByTestId('queue-login'));
    await waitFor(() => expect(api.callsTo('POST', '/api/cc/presence/agents/a-ion/login')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/cc/presence/agents/a-ion/login')[0]!.body).toEqual({
      queueId: 'q-billing',
    });
    await waitFor(async () =>
      expect(within((await rows())['a-ion']!).getByTestId('queue-login')).toBeChecked(),
    );
  });

  it('logs an agent out of a queue', async () => {
    const { api } = renderApp({
      path: '/presence/agents',
      me: supervisor,
      routes: {
        ...routes,
        'POST /api/cc/presence/agents/a-ana/logout': {
          ...myPresence,
          queues: myPresence.queues.map((q) => ({ ...q, loggedIn: false })),
        },
      },
    });
    const user = userEvent.setup();
    await user.click(within((await rows())['a-ana']!).getAllByTestId('queue-login')[0]!);
    await waitFor(() => expect(api.callsTo('POST', '/api/cc/presence/agents/a-ana/logout')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/cc/presence/agents/a-ana/logout')[0]!.body).toEqual({
      queueId: 'q-billing',
    });
  });

  it('makes an agent available from the row menu', async () => {
    const { api } = renderApp({
      path: '/presence/agents',
      me: supervisor,
      routes: {
        ...routes,
        'PUT /api/cc/presence/agents/a-ion': { ...teamPresence[1], state: 'AVAILABLE' },
      },
    });
    const row = (await rows())['a-ion']!;
    await chooseState(row, 'agent-set-available');
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/presence/agents/a-ion')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/presence/agents/a-ion')[0]!.body).toEqual({ state: 'AVAILABLE' });
    await waitFor(async () =>
      expect(within((await rows())['a-ion']!).getByTestId('presence-state')).toHaveTextContent('Available'),
    );
    expect(await screen.findByText('State of Ion Mobile: Available.')).toBeInTheDocument();
  });

  it('puts an agent on a break only with a reason', async () => {
    const { api } = renderApp({
      path: '/presence/agents',
      me: supervisor,
      routes: {
        ...routes,
        'PUT /api/cc/presence/agents/a-ana': { ...myPresence, state: 'BREAK' },
      },
    });
    const user = await chooseState((await rows())['a-ana']!, 'agent-set-break');
    const form = await screen.findByTestId('break-form');
    expect(screen.getByRole('dialog')).toHaveTextContent('A break for Ana Agent');
    await user.click(within(form).getByTestId('break-submit'));
    expect(within(form).getByText('Choose why the break is taken.')).toBeInTheDocument();
    expect(api.callsTo('PUT', '/api/cc/presence/agents/a-ana')).toHaveLength(0);
    const reason = within(form).getByRole('combobox', { name: /^Reason/ });
    await waitFor(() => expect(reason).toBeEnabled());
    await user.selectOptions(reason, 'b-lunch');
    await user.click(within(form).getByTestId('break-submit'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/presence/agents/a-ana')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/presence/agents/a-ana')[0]!.body).toEqual({
      state: 'BREAK',
      breakReasonId: 'b-lunch',
    });
    await waitFor(() => expect(screen.queryByTestId('break-form')).toBeNull());
  });

  it('shows a refused reason next to it (presence.break-reason-disabled)', async () => {
    renderApp({
      path: '/presence/agents',
      me: supervisor,
      routes: {
        ...routes,
        'PUT /api/cc/presence/agents/a-ana': {
          status: 400,
          body: {
            status: 400,
            code: 'validation.failed',
            errors: [
              {
                field: 'breakReasonId',
                code: 'presence.break-reason-disabled',
                message: 'This break reason is disabled.',
              },
            ],
          },
        },
      },
    });
    const user = await chooseState((await rows())['a-ana']!, 'agent-set-break');
    const form = await screen.findByTestId('break-form');
    const reason = within(form).getByRole('combobox', { name: /^Reason/ });
    await waitFor(() => expect(reason).toBeEnabled());
    await user.selectOptions(reason, 'b-lunch');
    await user.click(within(form).getByTestId('break-submit'));
    expect(await within(form).findByText('This break reason is disabled.')).toBeInTheDocument();
    expect(screen.getByTestId('break-form')).toBeInTheDocument();
  });

  it('logs an agent out only after confirmation', async () => {
    const { api } = renderApp({
      path: '/presence/agents',
      me: supervisor,
      routes: {
        ...routes,
        'PUT /api/cc/presence/agents/a-ana': { ...myPresence, state: 'LOGGED_OUT' },
      },
    });
    let user = await chooseState((await rows())['a-ana']!, 'agent-set-logout');
    let modal = await screen.findByRole('dialog');
    expect(modal).toHaveTextContent('Ana Agent stops receiving calls from all their queues');
    await user.click(within(modal).getByTestId('confirm-cancel'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo('PUT', '/api/cc/presence/agents/a-ana')).toHaveLength(0);

    user = await chooseState((await rows())['a-ana']!, 'agent-set-logout');
    modal = await screen.findByRole('dialog');
    await user.click(within(modal).getByTestId('confirm-action'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/presence/agents/a-ana')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/presence/agents/a-ana')[0]!.body).toEqual({ state: 'LOGGED_OUT' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(async () =>
      expect(within((await rows())['a-ana']!).getByTestId('presence-state')).toHaveTextContent('Logged out'),
    );
  });

  it('has an empty state when the tenant has no agents', async () => {
    renderApp({ path: '/presence/agents', me: supervisor, routes: { 'GET /api/cc/presence': [] } });
    const empty = await screen.findByTestId('empty-state');
    expect(empty).toHaveTextContent('No agents yet');
    expect(empty).toHaveTextContent('Agents are created on the Agents page.');
  });
});
