import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoAdmin, DEMO_ID, membership, operator } from '@/test/fixtures';
import type { Me } from '@/lib/session/types';
import { renderApp } from '@/test/render';
import { myPresence } from '@/test/routing';
import { agents, page } from '@/test/telephony';
import { closedTicket, lateTicket, newTicket, NOW, ok, pendingTicket, ticketPage } from '@/test/desk';

const routes = {
  'GET /api/cc/tickets': ticketPage,
  'GET /api/cc/agents': page(agents),
  'GET /api/cc/presence/me': myPresence,
};

async function rows() {
  const found = await screen.findAllByTestId('ticket-row');
  return Object.fromEntries(found.map((row) => [row.getAttribute('data-id'), row])) as Record<
    string,
    HTMLElement
  >;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Tickets page (HD-01)', () => {
  it('lists tickets with number, subject, badges, assignee and group', async () => {
    const { api } = renderApp({ path: '/tickets', me: demoAdmin, routes });
    const row = await rows();
    expect(Object.keys(row)).toEqual(['t-1042', 't-1043', 't-1044', 't-1001']);
    expect(row['t-1042']).toHaveTextContent('#1042');
    expect(within(row['t-1042']!).getByTestId('ticket-subject')).toHaveTextContent('Invoice paid twice');
    expect(within(row['t-1042']!).getByRole('link', { name: '#1042' })).toHaveAttribute(
      'href',
      '/tickets/t-1042',
    );
    expect(within(row['t-1042']!).getByTestId('ticket-status')).toHaveTextContent('New');
    expect(within(row['t-1042']!).getByTestId('ticket-priority')).toHaveTextContent('High');
    await waitFor(() =>
      expect(within(row['t-1042']!).getByTestId('ticket-assignee')).toHaveTextContent('Ana Agent'),
    );
    expect(row['t-1042']).toHaveTextContent('Billing');
    expect(within(row['t-1043']!).getByTestId('ticket-assignee')).toHaveTextContent('Unassigned');
    expect(screen.getByText('4 entries in total')).toBeInTheDocument();
    const call = api.callsTo('GET', '/api/cc/tickets')[0]!;
    expect(call.headers['X-Linea-Tenant']).toBe(DEMO_ID);
    expect(call.search.get('page')).toBe('0');
    expect(call.search.get('size')).toBe('20');
    expect(call.search.get('sort')).toBe('createdAt,desc');
    expect(call.search.get('status')).toBeNull();
  });

  it('counts down to the next due time: left, overdue in red, paused, and refreshes every 30 s', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: new Date(NOW) });
    renderApp({ path: '/tickets', me: demoAdmin, routes });
    const row = await rows();
    const sla = (id: string) => within(row[id]!).getByTestId('sla-countdown');

    // unanswered: the first-response timer
    expect(sla('t-1042')).toHaveAttribute('data-timer', 'FIRST_RESPONSE');
    expect(sla('t-1042')).toHaveTextContent('2 h 15 min left');
    expect(sla('t-1042')).toHaveTextContent('First response');
    // answered: the resolution timer, 40 minutes late
    expect(sla('t-1043')).toHaveAttribute('data-state', 'overdue');
    expect(sla('t-1043')).toHaveTextContent('overdue by 40 min');
    expect(sla('t-1043')).toHaveTextContent('Resolution');
    expect(within(sla('t-1043')).getByText('overdue by 40 min')).toHaveStyle({
      color: 'var(--mantine-color-red-text)',
    });
    // pending: standing still
    expect(sla('t-1044')).toHaveAttribute('data-state', 'paused');
    expect(sla('t-1044')).toHaveTextContent('Paused');
    // closed: nothing runs any more
    expect(sla('t-1001')).toHaveTextContent('Met');

    // 2 h 14 min 50 s left, 40 min 30 s late
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(sla('t-1042')).toHaveTextContent('2 h 14 min left');
    expect(sla('t-1043')).toHaveTextContent('overdue by 40 min');
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(sla('t-1042')).toHaveTextContent('2 h 14 min left');
    expect(sla('t-1043')).toHaveTextContent('overdue by 41 min');
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(sla('t-1042')).toHaveTextContent('2 h 13 min left');
    expect(sla('t-1044')).toHaveTextContent('Paused');
  });

  it('sends the filters, the text search and the sort, and starts again at the first page', async () => {
    const { api } = renderApp({
      path: '/tickets?page=1',
      me: demoAdmin,
      routes: { ...routes, 'GET /api/cc/tickets': page([newTicket], 25, 20) },
    });
    const user = userEvent.setup();
    await rows();
    expect(api.callsTo('GET', '/api/cc/tickets')[0]!.search.get('page')).toBe('1');
    const filters = screen.getByTestId('ticket-filters');
    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Status' }), 'PENDING');
    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Priority' }), 'URGENT');
    const assignee = within(filters).getByRole('combobox', { name: 'Assignee' });
    await waitFor(() =>
      expect(within(assignee).getByRole('option', { name: 'Ion Mobile' })).toBeInTheDocument(),
    );
    await user.selectOptions(assignee, 'a-ion');
    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Sort by' }), 'resolutionDue,asc');
    await user.type(within(filters).getByRole('textbox', { name: 'Group' }), 'Billing');
    await user.type(within(filters).getByRole('textbox', { name: 'Search' }), '#1042');

    await waitFor(() => {
      const last = api.callsTo('GET', '/api/cc/tickets').at(-1)!.search;
      expect(Object.fromEntries(last)).toEqual({
        status: 'PENDING',
        priority: 'URGENT',
        assignee: 'a-ion',
        group: 'Billing',
        q: '#1042',
        sort: 'resolutionDue,asc',
        page: '0',
        size: '20',
      });
    });

    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Status' }), '');
    await waitFor(() =>
      expect(api.callsTo('GET', '/api/cc/tickets').at(-1)!.search.get('status')).toBeNull(),
    );
  });

  it('says when no ticket matches the filters, and has an empty state', async () => {
    renderApp({
      path: '/tickets?status=CLOSED',
      me: demoAdmin,
      routes: { ...routes, 'GET /api/cc/tickets': page([]) },
    });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No ticket matches these filters.');
  });

  it('has an empty state that offers to create the first ticket', async () => {
    renderApp({ path: '/tickets', me: demoAdmin, routes: { ...routes, 'GET /api/cc/tickets': page([]) } });
    const empty = await screen.findByTestId('empty-state');
    expect(empty).toHaveTextContent('No tickets yet');
    expect(within(empty).getByRole('button', { name: 'New ticket' })).toBeInTheDocument();
  });

  it('creates a ticket and opens it', async () => {
    const created = { ...newTicket, id: 't-1050', number: 1050, subject: 'Wrong tariff' };
    const { api } = renderApp({
      path: '/tickets',
      me: demoAdmin,
      routes: {
        ...routes,
        'POST /api/cc/tickets': { status: 201, body: created },
        'GET /api/cc/tickets/t-1050': ok(created),
        'GET /api/cc/tickets/t-1050/comments': [],
        'GET /api/cc/tickets/t-1050/events': [],
        'GET /api/cc/ticket-settings': { status: 404, body: { status: 404, code: 'x' } },
      },
    });
    const user = userEvent.setup();
    await rows();
    await user.click(screen.getByTestId('tickets-create'));
    const form = await screen.findByTestId('ticket-form');
    const assignee = within(form).getByRole('combobox', { name: 'Assignee' });
    await waitFor(() =>
      expect(within(assignee).getByRole('option', { name: 'Ion Mobile' })).toBeInTheDocument(),
    );

    // nothing is sent without a subject or with a wrong id
    await user.type(within(form).getByRole('textbox', { name: 'Client id' }), 'not-an-id');
    await user.click(within(form).getByTestId('ticket-save'));
    expect(within(form).getByText('This field is required.')).toBeInTheDocument();
    expect(within(form).getByText(/Enter an id such as/)).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/cc/tickets')).toHaveLength(0);

    await user.type(within(form).getByRole('textbox', { name: /^Subject/ }), '  Wrong tariff ');
    await user.type(within(form).getByRole('textbox', { name: 'Description' }), 'Billed as business.');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Priority' }), 'URGENT');
    await user.selectOptions(assignee, 'a-ion');
    await user.type(within(form).getByRole('textbox', { name: /^Group/ }), 'Second line');
    const client = within(form).getByRole('textbox', { name: /^Client id/ });
    await user.clear(client);
    await user.paste('3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f');
    await user.click(within(form).getByRole('textbox', { name: /^Linked interactions/ }));
    await user.paste('aaaaaaaa-0000-4000-8000-000000000001\naaaaaaaa-0000-4000-8000-000000000002');
    await user.click(within(form).getByTestId('ticket-save'));
    await waitFor(() => expect(api.callsTo('POST', '/api/cc/tickets')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/cc/tickets')[0]!.body).toEqual({
      subject: 'Wrong tariff',
      description: 'Billed as business.',
      priority: 'URGENT',
      assigneeId: 'a-ion',
      group: 'Second line',
      clientId: '3f2a8c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f',
      interactionIds: ['aaaaaaaa-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000002'],
    });
    expect(await screen.findByText('Ticket #1050 created.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('page-title')).toHaveTextContent('#1050 Wrong tariff'));
  });

  it('shows a linked interaction the server does not know at its field', async () => {
    const { api } = renderApp({
      path: '/tickets',
      me: demoAdmin,
      routes: {
        ...routes,
        'POST /api/cc/tickets': {
          status: 400,
          body: {
            status: 400,
            code: 'validation.failed',
            detail: 'The request has invalid fields.',
            errors: [
              {
                field: 'interactionIds[0]',
                code: 'ticket.interaction-missing',
                message: 'No such interaction.',
              },
            ],
          },
        },
      },
    });
    const user = userEvent.setup();
    await rows();
    await user.click(screen.getByTestId('tickets-create'));
    const form = await screen.findByTestId('ticket-form');
    await user.type(within(form).getByRole('textbox', { name: /^Subject/ }), 'From a call');
    await user.click(within(form).getByRole('textbox', { name: /^Linked interactions/ }));
    await user.paste('aaaaaaaa-0000-4000-8000-000000000009');
    await user.click(within(form).getByTestId('ticket-save'));
    expect(await within(form).findByText('No such interaction.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/cc/tickets')[0]!.body).toMatchObject({
      subject: 'From a call',
      priority: 'NORMAL',
      assigneeId: null,
      clientId: null,
    });
  });

  it('lets an agent without the agents list assign a ticket to themselves', async () => {
    const agent: Me = {
      ...operator,
      memberships: [
        membership({ roles: ['agent'], permissions: ['queues.view', 'tickets.handle', 'kb.view'] }),
      ],
    };
    const { api } = renderApp({ path: '/tickets', me: agent, routes });
    await rows();
    const assignee = within(screen.getByTestId('ticket-filters')).getByRole('combobox', { name: 'Assignee' });
    await waitFor(() =>
      expect(within(assignee).getByRole('option', { name: 'Ana Agent' })).toBeInTheDocument(),
    );
    expect(within(assignee).queryByRole('option', { name: 'Ion Mobile' })).toBeNull();
    // the agents list needs telephony.view: it is not even asked for
    expect(api.callsTo('GET', '/api/cc/agents')).toHaveLength(0);
    expect(within((await rows())['t-1044']!).getByTestId('ticket-assignee')).toHaveTextContent(
      'Another agent',
    );
  });

  it('shows a closed ticket with a breached resolution as breached', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: new Date(NOW) });
    renderApp({
      path: '/tickets',
      me: demoAdmin,
      routes: {
        ...routes,
        'GET /api/cc/tickets': page([
          { ...closedTicket, sla: { ...closedTicket.sla, resolutionBreached: true } },
          pendingTicket,
          lateTicket,
        ]),
      },
    });
    const row = await rows();
    expect(within(row['t-1001']!).getByTestId('sla-countdown')).toHaveTextContent('Breached');
  });
});
