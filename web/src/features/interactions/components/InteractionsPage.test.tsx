import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '@/lib/session/types';
import { demoAdmin, DEMO_ID, membership } from '@/test/fixtures';
import { crmAdminRoutes } from '@/test/crmAdmin';
import { renderApp } from '@/test/render';
import {
  abandonedCall,
  answeredCall,
  answeredCallDetail,
  outboundCall,
  page,
  tenantNumbers,
} from '@/test/telephony';

const routes = {
  // the drawer's categories and intake forms (AGT-05, CRM-02)
  ...crmAdminRoutes,
  'GET /api/cc/interactions': page([answeredCall, abandonedCall, outboundCall]),
  'GET /api/cc/interactions/i-answered': answeredCallDetail,
  'GET /api/cc/calls/caller-numbers': tenantNumbers,
};
// an agent: may place calls, does not see the number configuration
const caller: Me = {
  ...demoAdmin,
  memberships: [membership({ roles: ['agent'], permissions: ['calls.place'] })],
};

async function openPlaceCall() {
  const user = userEvent.setup();
  await user.click(await screen.findByTestId('place-call'));
  const form = await screen.findByTestId('place-call-form');
  const select = form.querySelector<HTMLSelectElement>('select[name="numberId"]')!;
  await waitFor(() => expect(select).toBeEnabled());
  return { user, form, select, to: form.querySelector<HTMLInputElement>('input[name="to"]')! };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Interactions page (TEL-05)', () => {
  it('lists calls with translated states, outcomes and m:ss durations', async () => {
    const { api } = renderApp({ path: '/interactions', me: demoAdmin, routes });
    const rows = await screen.findAllByTestId('interaction-row');
    expect(rows.map((r) => r.getAttribute('data-state'))).toEqual(['ENDED', 'ABANDONED', 'FAILED']);
    expect(rows[0]).toHaveTextContent('Inbound');
    expect(rows[0]).toHaveTextContent('+373 69 555 666');
    expect(rows[0]).toHaveTextContent('Ana Agent');
    expect(rows[0]).toHaveTextContent('Caller hung up');
    expect(within(rows[0]!).getByTestId('interaction-ring')).toHaveTextContent('0:07');
    expect(within(rows[0]!).getByTestId('interaction-talk')).toHaveTextContent('2:05');
    expect(rows[1]).toHaveTextContent('Abandoned');
    expect(rows[1]).toHaveTextContent('Hung up during the greeting');
    expect(within(rows[1]!).getByTestId('interaction-talk')).toHaveTextContent('—');
    expect(rows[2]).toHaveTextContent('Outbound');
    // an end reason this UI does not know is shown as the code, marked as such
    expect(within(rows[2]!).getByText('SIP_503')).toHaveAttribute('data-raw-code');
    expect(api.callsTo('GET', '/api/cc/interactions')[0]?.headers['X-Linea-Tenant']).toBe(DEMO_ID);
  });

  it('filters by direction', async () => {
    const { api } = renderApp({ path: '/interactions', me: demoAdmin, routes });
    const user = userEvent.setup();
    await screen.findAllByTestId('interaction-row');
    expect(api.callsTo('GET', '/api/cc/interactions')[0]!.search.get('direction')).toBeNull();
    await user.click(within(screen.getByTestId('interactions-direction')).getByText('Outbound'));
    await waitFor(() =>
      expect(
        api.callsTo('GET', '/api/cc/interactions').some((c) => c.search.get('direction') === 'OUTBOUND'),
      ).toBe(true),
    );
  });

  it('opens a call as a timeline of translated events', async () => {
    renderApp({ path: '/interactions', me: demoAdmin, routes });
    const user = userEvent.setup();
    const rows = await screen.findAllByTestId('interaction-row');
    await user.click(within(rows[0]!).getByTestId('interaction-open'));
    const drawer = await screen.findByRole('dialog');
    const events = await within(drawer).findAllByTestId('interaction-event');
    expect(events.map((e) => e.getAttribute('data-type'))).toEqual([
      'OFFERED',
      'GREETING',
      'RINGING',
      'AGENT_NO_ANSWER',
      'RINGING',
      'ANSWERED',
      'ENDED',
    ]);
    expect(events[3]).toHaveTextContent('Agent did not answer');
    expect(events[3]).toHaveTextContent('Ion Mobile');
    expect(events[3]).toHaveTextContent('timeout 3s');
    expect(events[3]!.querySelector('time')).toHaveAttribute('dateTime', '2026-05-01T10:00:08Z');
    expect(within(drawer).getByTestId('interaction-state')).toHaveTextContent('Ended');
    expect(drawer).toHaveTextContent('0:07 / 2:05');
  });

  it('refreshes every 5 seconds while the page is visible, and not while it is hidden', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { api } = renderApp({ path: '/interactions', me: demoAdmin, routes });
    await screen.findAllByTestId('interaction-row');
    const count = () => api.callsTo('GET', '/api/cc/interactions').length;
    const before = count();
    await act(() => vi.advanceTimersByTimeAsync(5_100));
    await waitFor(() => expect(count()).toBe(before + 1));

    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
      await vi.advanceTimersByTimeAsync(15_000);
    });
    expect(count()).toBe(before + 1);
    visibility.mockRestore();
  });

  it('shows an empty state', async () => {
    renderApp({
      path: '/interactions',
      me: demoAdmin,
      routes: { ...routes, 'GET /api/cc/interactions': page([]) },
    });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No interactions yet');
  });

  it('places a call from a tenant number, and the new call appears in the list', async () => {
    let listed: unknown = page([answeredCall]);
    const { api } = renderApp({
      path: '/interactions',
      me: demoAdmin,
      routes: {
        ...routes,
        'GET /api/cc/interactions': () => listed,
        'POST /api/cc/calls': () => {
          listed = page([{ ...outboundCall, id: 'i-new', state: 'RINGING', endReason: null }, answeredCall]);
          return { status: 202, body: { interactionId: 'i-new' } };
        },
      },
    });
    const { user, form, select, to } = await openPlaceCall();
    expect([...select.options].map((o) => o.textContent)).toEqual(['+373 80 012 345', '+373 69 123 456']);
    await user.selectOptions(select, 'n-mobile');
    await user.type(to, '+40 712 345 678');
    await user.click(within(form).getByTestId('place-call-submit'));
    await waitFor(() => expect(api.callsTo('POST', '/api/cc/calls')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/cc/calls')[0]!.body).toEqual({
      numberId: 'n-mobile',
      to: '+40712345678',
    });
    await waitFor(() => expect(screen.queryByTestId('place-call-form')).toBeNull());
    await waitFor(() =>
      expect(screen.getAllByTestId('interaction-row').map((r) => r.getAttribute('data-id'))).toEqual([
        'i-new',
        'i-answered',
      ]),
    );
  });

  it('checks the number to call before asking the server', async () => {
    const { api } = renderApp({ path: '/interactions', me: demoAdmin, routes });
    const { user, form, to } = await openPlaceCall();
    await user.type(to, '0712345678');
    await user.click(within(form).getByTestId('place-call-submit'));
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(
      within(form).getByText('Enter the number in international format, e.g. +37322123456.'),
    ).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/cc/calls')).toHaveLength(0);
  });

  it.each([
    ['call.no-agent', 'You are not set up as an agent in this tenant'],
    ['call.agent-busy', 'Your agent is on another call. Finish it, then try again.'],
  ])('says plainly why the server refused the call (409 %s)', async (code, message) => {
    renderApp({
      path: '/interactions',
      me: demoAdmin,
      routes: { ...routes, 'POST /api/cc/calls': { status: 409, body: { status: 409, code, detail: code } } },
    });
    const { user, form, to } = await openPlaceCall();
    await user.type(to, '+40712345678');
    await user.click(within(form).getByTestId('place-call-submit'));
    expect(await within(form).findByTestId('place-call-refused')).toHaveTextContent(message);
    expect(screen.getByTestId('place-call-form')).toBeInTheDocument();
  });

  it('shows the server field errors of a refused call next to the field', async () => {
    renderApp({
      path: '/interactions',
      me: demoAdmin,
      routes: {
        ...routes,
        'POST /api/cc/calls': {
          status: 400,
          body: {
            status: 400,
            code: 'validation.failed',
            errors: [{ field: 'to', code: 'premium', message: 'Premium-rate numbers cannot be called.' }],
          },
        },
      },
    });
    const { user, form, to } = await openPlaceCall();
    await user.type(to, '+37390012345');
    await user.click(within(form).getByTestId('place-call-submit'));
    expect(await within(form).findByText('Premium-rate numbers cannot be called.')).toBeInTheDocument();
    expect(to).toHaveAttribute('aria-invalid', 'true');
  });

  it('lets someone with calls.place alone place calls without loading the list', async () => {
    const { api } = renderApp({ path: '/interactions', me: caller, routes });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('List of interactions not available');
    expect(screen.getByTestId('place-call')).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/cc/interactions')).toHaveLength(0);
  });

  it('hides the place-call button without calls.place', async () => {
    const viewer: Me = {
      ...demoAdmin,
      memberships: [membership({ roles: ['supervisor'], permissions: ['interactions.view'] })],
    };
    renderApp({ path: '/interactions', me: viewer, routes });
    expect(await screen.findAllByTestId('interaction-row')).toHaveLength(3);
    expect(screen.queryByTestId('place-call')).toBeNull();
  });
});
