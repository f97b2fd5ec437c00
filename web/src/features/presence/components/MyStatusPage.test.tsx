import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_ID, operator } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { breakReasons, myPresence } from '@/test/routing';
import { page } from '@/test/telephony';

const routes = {
  'GET /api/cc/presence/me': myPresence,
  'GET /api/cc/break-reasons': page(breakReasons),
};

async function switches() {
  const found = await screen.findAllByTestId('queue-login');
  return Object.fromEntries(found.map((input) => [input.getAttribute('data-queue-id'), input])) as Record<
    string,
    HTMLInputElement
  >;
}

describe('My status page (ACD-05, ACD-11)', () => {
  afterEach(() => vi.useRealTimers());

  it('shows my state and my queues; a queue that leaves it to supervisors has its switch disabled', async () => {
    const { api } = renderApp({ path: '/presence', me: operator, routes });
    const card = await screen.findByTestId('my-presence');
    expect(card).toHaveTextContent('Ana Agent');
    expect(within(card).getByTestId('presence-state')).toHaveTextContent('Available');
    expect(within(card).getByTestId('presence-state')).toHaveAttribute('data-state', 'AVAILABLE');
    expect(screen.getByTestId('presence-available')).toBeDisabled();
    expect(screen.getByTestId('presence-available')).toHaveAttribute('aria-pressed', 'true');

    const toggle = await switches();
    expect(toggle['q-billing']).toBeChecked();
    expect(toggle['q-billing']).toBeEnabled();
    expect(toggle['q-billing']).toHaveAccessibleName('Logged in to Billing');
    expect(toggle['q-outages']).not.toBeChecked();
    expect(toggle['q-outages']).toBeDisabled();
    expect(toggle['q-outages']).toHaveAccessibleDescription('Set by a supervisor');
    await userEvent.setup().hover(screen.getByTestId('queue-login-locked'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Agents cannot log in to or out of this queue themselves. Ask a supervisor.',
    );
    expect(api.callsTo('GET', '/api/cc/presence/me')[0]?.headers['X-Linea-Tenant']).toBe(DEMO_ID);
  });

  it('takes a break only with one of the enabled reasons', async () => {
    const { api } = renderApp({
      path: '/presence',
      me: operator,
      routes: {
        ...routes,
        'PUT /api/cc/presence/me': { ...myPresence, state: 'BREAK' },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('presence-break'));
    const form = await screen.findByTestId('break-form');
    const reason = within(form).getByRole('combobox', { name: /^Reason/ }) as HTMLSelectElement;
    // Training is disabled: it is not offered
    await waitFor(() => expect(reason).toBeEnabled());
    expect([...reason.options].map((o) => o.textContent)).toEqual(['Choose a reason', 'Lunch']);

    await user.click(within(form).getByTestId('break-submit'));
    expect(within(form).getByText('Choose why the break is taken.')).toBeInTheDocument();
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('PUT', '/api/cc/presence/me')).toHaveLength(0);

    await user.selectOptions(reason, 'b-lunch');
    await user.click(within(form).getByTestId('break-submit'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/presence/me')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/presence/me')[0]!.body).toEqual({
      state: 'BREAK',
      breakReasonId: 'b-lunch',
    });
    await waitFor(() => expect(screen.queryByTestId('break-form')).toBeNull());
    expect(screen.getByTestId('presence-state')).toHaveTextContent('On a break');
    expect(await screen.findByText('Your state: On a break.')).toBeInTheDocument();
  });

  it('says so when no break reason is enabled', async () => {
    renderApp({
      path: '/presence',
      me: operator,
      routes: { ...routes, 'GET /api/cc/break-reasons': page([breakReasons[1]]) },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('presence-break'));
    const form = await screen.findByTestId('break-form');
    expect(await within(form).findByTestId('break-no-reasons')).toHaveTextContent(
      'No break reason is enabled.',
    );
    expect(within(form).getByTestId('break-submit')).toBeDisabled();
  });

  it('logs out only after confirmation', async () => {
    const { api } = renderApp({
      path: '/presence',
      me: operator,
      routes: {
        ...routes,
        'PUT /api/cc/presence/me': {
          ...myPresence,
          state: 'LOGGED_OUT',
          queues: myPresence.queues.map((q) => ({ ...q, loggedIn: false })),
        },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('presence-logout'));
    let modal = await screen.findByRole('dialog');
    expect(modal).toHaveTextContent('You stop receiving calls from all your queues');
    await user.click(within(modal).getByTestId('confirm-cancel'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo('PUT', '/api/cc/presence/me')).toHaveLength(0);

    await user.click(screen.getByTestId('presence-logout'));
    modal = await screen.findByRole('dialog');
    await user.click(within(modal).getByTestId('confirm-action'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/presence/me')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/presence/me')[0]!.body).toEqual({ state: 'LOGGED_OUT' });
    await waitFor(() => expect(screen.getByTestId('presence-state')).toHaveTextContent('Logged out'));
    expect(screen.getByTestId('presence-logout')).toBeDisabled();
    expect((await switches())['q-billing']).not.toBeChecked();
  });

  it('becomes available again without asking', async () => {
    const { api } = renderApp({
      path: '/presence',
      me: operator,
      routes: {
        ...routes,
        'GET /api/cc/presence/me': { ...myPresence, state: 'BREAK' },
        'PUT /api/cc/presence/me': myPresence,
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('presence-available'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/presence/me')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/presence/me')[0]!.body).toEqual({ state: 'AVAILABLE' });
    await waitFor(() => expect(screen.getByTestId('presence-state')).toHaveTextContent('Available'));
  });

  it('logs in to and out of a queue', async () => {
    const { api } = renderApp({
      path: '/presence',
      me: operator,
      routes: {
        ...routes,
        'POST /api/cc/presence/me/logout': {
          ...myPresence,
          queues: myPresence.queues.map((q) => ({ ...q, loggedIn: false })),
        },
      },
    });
    const user = userEvent.setup();
    await user.click((await switches())['q-billing']!);
    await waitFor(() => expect(api.callsTo('POST', '/api/cc/presence/me/logout')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/cc/presence/me/logout')[0]!.body).toEqual({ queueId: 'q-billing' });
    await waitFor(async () => expect((await switches())['q-billing']).not.toBeChecked());
  });

  it('shows why the server refused a queue log-in (403 queue.self-login-forbidden)', async () => {
    renderApp({
      path: '/presence',
      me: operator,
      routes: {
        ...routes,
        // the queue changed its rule after the page was read
        'POST /api/cc/presence/me/logout': {
          status: 403,
          body: {
            status: 403,
            code: 'queue.self-login-forbidden',
            detail: 'Agents cannot log in to or out of this queue themselves. Ask a supervisor.',
          },
        },
      },
    });
    const user = userEvent.setup();
    await user.click((await switches())['q-billing']!);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Agents cannot log in to or out of this queue themselves.',
    );
    expect((await switches())['q-billing']).toBeChecked();
  });

  it('explains that a person who is no agent of the tenant takes no calls (404)', async () => {
    renderApp({
      path: '/presence',
      me: operator,
      routes: {
        'GET /api/cc/presence/me': {
          status: 404,
          body: { status: 404, code: 'resource.not-found', detail: 'agent not found' },
        },
      },
    });
    const empty = await screen.findByTestId('empty-state');
    expect(empty).toHaveTextContent('You are not an agent here');
    expect(empty).toHaveTextContent('An administrator links users to agents on the Agents page.');
    expect(screen.queryByTestId('presence-available')).toBeNull();
    expect(screen.getByTestId('page-title')).toHaveTextContent('My status');
  });

  it('has an empty state without queues', async () => {
    renderApp({
      path: '/presence',
      me: operator,
      routes: { ...routes, 'GET /api/cc/presence/me': { ...myPresence, queues: [] } },
    });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No queues yet');
    expect(screen.getByTestId('presence-state')).toHaveTextContent('Available');
  });

  it('asks again every 5 seconds (until live updates arrive over WebSocket)', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let state = 'AVAILABLE';
    const { api } = renderApp({
      path: '/presence',
      me: operator,
      routes: { ...routes, 'GET /api/cc/presence/me': () => ({ ...myPresence, state }) },
    });
    await screen.findByTestId('my-presence');
    const before = api.callsTo('GET', '/api/cc/presence/me').length;
    state = 'RINGING';
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    await waitFor(() => expect(api.callsTo('GET', '/api/cc/presence/me').length).toBeGreaterThan(before));
    await waitFor(() => expect(screen.getByTestId('presence-state')).toHaveTextContent('Ringing'));
  });
});
