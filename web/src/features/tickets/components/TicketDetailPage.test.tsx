import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '@/lib/session/types';
import { demoAdmin, membership, operator } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { myPresence } from '@/test/routing';
import { agents, page } from '@/test/telephony';
import {
  closedTicket,
  lateTicket,
  LINKED_CALL,
  newTicket,
  NOW,
  ok,
  pendingTicket,
  ticketComments,
  ticketEvents,
  ticketSettings,
} from '@/test/desk';

const routes = {
  'GET /api/cc/tickets/t-1042': ok(newTicket),
  'GET /api/cc/tickets/t-1042/comments': ticketComments,
  'GET /api/cc/tickets/t-1042/events': ticketEvents,
  'GET /api/cc/agents': page(agents),
  'GET /api/cc/presence/me': myPresence,
  'GET /api/cc/ticket-settings': ticketSettings,
};

const handler: Me = {
  ...operator,
  memberships: [membership({ roles: ['agent'], permissions: ['queues.view', 'tickets.handle'] })],
};

afterEach(() => {
  vi.useRealTimers();
});

async function openTicket(path = '/tickets/t-1042', me: Me = demoAdmin, extra: Record<string, unknown> = {}) {
  const view = renderApp({ path, me, routes: { ...routes, ...extra } });
  await screen.findByTestId('ticket-sla');
  return view;
}

describe('Ticket detail (HD-01, HD-02)', () => {
  it('shows the number, subject, SLA panel with its live countdown, links and comments newest last', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: new Date(NOW) });
    await openTicket();
    expect(screen.getByTestId('page-title')).toHaveTextContent('#1042 Invoice paid twice');
    expect(screen.getByTestId('ticket-description')).toHaveTextContent('paid the April invoice twice');
    const sla = screen.getByTestId('ticket-sla');
    expect(within(sla).getByTestId('sla-countdown')).toHaveTextContent('2 h 15 min left');
    expect(within(sla).getByTestId('sla-first-response')).toHaveTextContent('Not answered yet');
    expect(within(sla).queryByText('Breached')).toBeNull();
    expect(screen.getByTestId('ticket-interactions')).toHaveTextContent(LINKED_CALL);
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(within(sla).getByTestId('sla-countdown')).toHaveTextContent('2 h 14 min left');

    const comments = await screen.findAllByTestId('ticket-comment');
    expect(comments.map((c) => c.textContent)).toEqual([
      expect.stringContaining('Refund requested from accounting.'),
      expect.stringContaining('We are refunding the second payment.'),
    ]);
    expect(comments[0]).toHaveAttribute('data-internal', 'true');
    expect(comments[0]).toHaveTextContent('Internal');
    expect(comments[1]).toHaveTextContent('Public');
  });

  it('shows breaches, a running pause and the escalations that fired', async () => {
    await openTicket('/tickets/t-1043', demoAdmin, {
      'GET /api/cc/tickets/t-1043': ok({ ...lateTicket, sla: { ...lateTicket.sla, pausedSince: NOW } }),
      'GET /api/cc/tickets/t-1043/comments': [],
      'GET /api/cc/tickets/t-1043/events': [],
    });
    const sla = screen.getByTestId('ticket-sla');
    expect(within(sla).getByTestId('sla-resolution')).toHaveTextContent('Breached');
    expect(within(sla).getByTestId('sla-first-response')).toHaveTextContent(/^First response due/);
    expect(within(sla).getByTestId('sla-paused-since')).toHaveTextContent('Paused since');
    expect(within(sla).getByTestId('sla-countdown')).toHaveTextContent('Paused');
    const escalations = within(sla).getByTestId('ticket-escalations');
    expect(escalations).toHaveTextContent('Urgent and late');
    expect(escalations).toHaveTextContent('priority raised to Urgent');
    expect(escalations).toHaveTextContent('Failed');
    expect(escalations).toHaveTextContent('HTTP 502');
  });

  it('offers only the status changes the life cycle allows', async () => {
    await openTicket('/tickets/t-1044', demoAdmin, {
      'GET /api/cc/tickets/t-1044': ok({ ...pendingTicket, status: 'RESOLVED' }),
      'GET /api/cc/tickets/t-1044/comments': [],
      'GET /api/cc/tickets/t-1044/events': [],
    });
    const select = screen.getByTestId('ticket-status-select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['RESOLVED', 'OPEN', 'CLOSED']);
  });

  it('changes the status with a full PUT carrying the version', async () => {
    const { api } = await openTicket('/tickets/t-1042', demoAdmin, {
      'PUT /api/cc/tickets/t-1042': ok({ ...newTicket, status: 'PENDING', version: 4 }),
    });
    const select = screen.getByTestId('ticket-status-select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['NEW', 'OPEN', 'PENDING', 'RESOLVED', 'CLOSED']);
    await userEvent.setup().selectOptions(select, 'PENDING');
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/tickets/t-1042')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/tickets/t-1042')[0]!.body).toEqual({
      subject: 'Invoice paid twice',
      description: 'The customer paid the April invoice twice and wants a refund.',
      status: 'PENDING',
      priority: 'HIGH',
      assigneeId: 'a-ana',
      group: 'Billing',
      clientId: null,
      interactionIds: [LINKED_CALL],
      resolutionDue: null,
      version: 3,
    });
    expect(await screen.findByText('Ticket #1042 saved.')).toBeInTheDocument();
  });

  it('changes the priority and the assignee the same way', async () => {
    // the server keeps the ticket: what a PUT answers is what the next GET reads
    let current = { ...newTicket };
    const { api } = await openTicket('/tickets/t-1042', demoAdmin, {
      'GET /api/cc/tickets/t-1042': () => ok(current),
      'PUT /api/cc/tickets/t-1042': (call: { body: unknown }) => {
        current = { ...current, ...(call.body as object), version: current.version + 1 };
        return ok(current);
      },
    });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByTestId('ticket-priority-select'), 'URGENT');
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/tickets/t-1042')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/tickets/t-1042')[0]!.body).toMatchObject({
      priority: 'URGENT',
      version: 3,
    });
    const assignee = screen.getByTestId('ticket-assignee-select');
    await waitFor(() => expect(assignee).toBeEnabled());
    await user.selectOptions(assignee, '');
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/tickets/t-1042')).toHaveLength(2));
    // the second change goes with the version the first one answered
    expect(api.callsTo('PUT', '/api/cc/tickets/t-1042')[1]!.body).toMatchObject({
      priority: 'URGENT',
      assigneeId: null,
      version: 4,
    });
  });

  it('shows the server refusal of a change', async () => {
    await openTicket('/tickets/t-1042', demoAdmin, {
      'PUT /api/cc/tickets/t-1042': {
        status: 409,
        body: { status: 409, code: 'resource.stale', detail: 'Someone else changed this ticket.' },
      },
    });
    await userEvent.setup().selectOptions(screen.getByTestId('ticket-status-select'), 'CLOSED');
    expect(await screen.findByTestId('ticket-problem')).toHaveTextContent(
      'Someone else changed this ticket.',
    );
  });

  it('adds an internal note, and a public reply', async () => {
    const { api } = await openTicket('/tickets/t-1042', demoAdmin, {
      'POST /api/cc/tickets/t-1042/comments': (call: { body: unknown }) => ({
        status: 201,
        body: {
          id: 'c-3',
          authorId: 'p-admin',
          authorName: 'Ana Popescu',
          createdAt: NOW,
          ...(call.body as object),
        },
      }),
    });
    const user = userEvent.setup();
    const form = await screen.findByTestId('comment-form');
    await user.click(within(form).getByTestId('comment-submit'));
    expect(within(form).getByText('This field is required.')).toBeInTheDocument();

    await user.click(within(screen.getByTestId('comment-kind')).getByText('Internal note'));
    await user.type(within(form).getByRole('textbox', { name: 'Internal note' }), '  Called accounting.  ');
    await user.click(within(form).getByTestId('comment-submit'));
    await waitFor(() => expect(api.callsTo('POST', '/api/cc/tickets/t-1042/comments')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/cc/tickets/t-1042/comments')[0]!.body).toEqual({
      text: 'Called accounting.',
      internal: true,
    });
    expect(await screen.findByText('Note added.')).toBeInTheDocument();
    await waitFor(() => expect(within(form).getByRole('textbox', { name: 'Internal note' })).toHaveValue(''));
    // the thread and the ticket (its first-response timer) are read again
    await waitFor(() =>
      expect(api.callsTo('GET', '/api/cc/tickets/t-1042/comments').length).toBeGreaterThan(1),
    );
    expect(api.callsTo('GET', '/api/cc/tickets/t-1042').length).toBeGreaterThan(1);

    await user.click(within(screen.getByTestId('comment-kind')).getByText('Public reply'));
    await user.type(within(form).getByRole('textbox', { name: 'Public reply' }), 'Refund sent.');
    await user.click(within(form).getByTestId('comment-submit'));
    await waitFor(() => expect(api.callsTo('POST', '/api/cc/tickets/t-1042/comments')).toHaveLength(2));
    expect(api.callsTo('POST', '/api/cc/tickets/t-1042/comments')[1]!.body).toEqual({
      text: 'Refund sent.',
      internal: false,
    });
  });

  it('takes no comments on a closed ticket, and shows its hand-off', async () => {
    await openTicket('/tickets/t-1001', demoAdmin, {
      'GET /api/cc/tickets/t-1001': ok(closedTicket),
      'GET /api/cc/tickets/t-1001/comments': [],
      'GET /api/cc/tickets/t-1001/events': [],
    });
    expect(await screen.findByTestId('comments-closed')).toHaveTextContent('The ticket is closed');
    expect(screen.queryByTestId('comment-form')).toBeNull();
    expect(screen.getByTestId('ticket-status-select')).toBeDisabled();
    const handoff = screen.getByTestId('ticket-handoff');
    expect(within(handoff).getByTestId('handoff-status')).toHaveTextContent('Sent');
    expect(handoff).toHaveTextContent('REC-77');
  });

  it('shows the history in the person’s language', async () => {
    await openTicket();
    await userEvent.setup().click(screen.getByTestId('ticket-tab-history'));
    const events = await screen.findAllByTestId('ticket-event');
    expect(events.map((e) => e.getAttribute('data-type'))).toEqual(['CREATED', 'ASSIGNED', 'STATUS_CHANGED']);
    expect(events[1]).toHaveTextContent('Assigned');
    await waitFor(() => expect(events[1]).toHaveTextContent('Unassigned → Ana Agent'));
    expect(events[2]).toHaveTextContent('Status changed');
    expect(events[2]).toHaveTextContent('New → Open');
    expect(events[2]).toHaveTextContent('System');
  });

  it('sends the ticket to the records system and shows the outcome (HD-02)', async () => {
    let current: object = newTicket;
    const { api } = await openTicket('/tickets/t-1042', demoAdmin, {
      'GET /api/cc/tickets/t-1042': () => ok(current),
      'POST /api/cc/tickets/t-1042/handoff': () => {
        current = {
          ...newTicket,
          handoff: { status: 'SENT', attempts: 1, lastError: null, externalReference: 'REC-1042' },
          version: 4,
        };
        return ok(current);
      },
    });
    const button = await screen.findByTestId('ticket-handoff-send');
    await userEvent.setup().click(button);
    await waitFor(() => expect(api.callsTo('POST', '/api/cc/tickets/t-1042/handoff')).toHaveLength(1));
    expect(await screen.findByText('Sent to the records system as REC-1042.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('handoff-status')).toHaveTextContent('Sent'));
  });

  it('says when the records system refused the ticket', async () => {
    await openTicket('/tickets/t-1042', demoAdmin, {
      'POST /api/cc/tickets/t-1042/handoff': ok({
        ...newTicket,
        handoff: {
          status: 'FAILED',
          attempts: 3,
          lastError: 'HTTP 500 from records.example',
          externalReference: null,
        },
        version: 4,
      }),
    });
    await userEvent.setup().click(await screen.findByTestId('ticket-handoff-send'));
    expect(await screen.findByRole('alert')).toHaveTextContent('HTTP 500 from records.example');
  });

  it('offers no hand-off without a target, to whom can see the settings', async () => {
    await openTicket('/tickets/t-1042', demoAdmin, {
      'GET /api/cc/ticket-settings': { ...ticketSettings, handoff: null },
    });
    expect(await screen.findByTestId('handoff-not-configured')).toHaveTextContent(
      'No records system is set up.',
    );
    expect(screen.queryByTestId('ticket-handoff-send')).toBeNull();
  });

  it('lets a handler without the settings try, and shows the server’s answer', async () => {
    const { api } = await openTicket('/tickets/t-1042', handler, {
      'POST /api/cc/tickets/t-1042/handoff': {
        status: 409,
        body: {
          status: 409,
          code: 'ticket.handoff-not-configured',
          detail: 'No records system is configured.',
        },
      },
    });
    await userEvent.setup().click(await screen.findByTestId('ticket-handoff-send'));
    expect(await screen.findByTestId('ticket-problem')).toHaveTextContent('No records system is configured.');
    expect(api.callsTo('GET', '/api/cc/ticket-settings')).toHaveLength(0);
  });

  it('edits the subject and the group with the version', async () => {
    const { api } = await openTicket('/tickets/t-1042', demoAdmin, {
      'PUT /api/cc/tickets/t-1042': ok({ ...newTicket, subject: 'Invoice paid twice in April', version: 4 }),
    });
    const user = userEvent.setup();
    await user.click(screen.getByTestId('ticket-edit'));
    const form = await screen.findByTestId('ticket-form');
    const subject = within(form).getByRole('textbox', { name: /^Subject/ });
    await user.clear(subject);
    await user.type(subject, 'Invoice paid twice in April');
    const group = within(form).getByRole('textbox', { name: /^Group/ });
    await user.clear(group);
    await user.click(within(form).getByTestId('ticket-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/tickets/t-1042')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/tickets/t-1042')[0]!.body).toEqual({
      subject: 'Invoice paid twice in April',
      description: 'The customer paid the April invoice twice and wants a refund.',
      status: 'NEW',
      priority: 'HIGH',
      assigneeId: 'a-ana',
      group: null,
      clientId: null,
      interactionIds: [LINKED_CALL],
      resolutionDue: null,
      version: 3,
    });
    await waitFor(() => expect(screen.queryByTestId('ticket-form')).toBeNull());
  });

  it('says when the ticket does not exist', async () => {
    renderApp({
      path: '/tickets/t-gone',
      me: demoAdmin,
      routes: {
        ...routes,
        'GET /api/cc/tickets/t-gone': { status: 404, body: { status: 404, code: 'resource.not-found' } },
      },
    });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('Not found');
  });
});
