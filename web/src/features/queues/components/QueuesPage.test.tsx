import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoAdmin, DEMO_ID, officeHours, operator, queuesByTenant } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { skills } from '@/test/routing';
import { agents, page } from '@/test/telephony';

const routes = {
  'GET /api/cc/queues': queuesByTenant[DEMO_ID],
  'GET /api/cc/calendars': [officeHours],
  'DELETE /api/cc/queues/q-billing': { status: 204 },
  'GET /api/cc/agents': page(agents),
  'GET /api/cc/skills': page(skills),
};

describe('Queues page (ADM-02, ACD-02)', () => {
  it('deletes a queue only after the confirmation modal', async () => {
    const { api } = renderApp({ path: '/queues', me: demoAdmin, routes });
    const user = userEvent.setup();
    const rows = await screen.findAllByTestId('queue-row');
    expect(rows.map((r) => r.getAttribute('data-queue-name'))).toEqual(['Billing', 'Outages']);
    expect(within(rows[0]!).getByText('Office hours')).toBeInTheDocument();
    // ACD-02: the strategy column
    expect(within(rows[0]!).getByTestId('queue-strategy')).toHaveTextContent('Most skilled');
    expect(within(rows[1]!).getByTestId('queue-strategy')).toHaveTextContent('Ring all');

    // cancel: nothing is deleted
    await user.click(within(rows[0]!).getByTestId('queue-delete'));
    let modal = await screen.findByRole('dialog');
    expect(modal).toHaveTextContent('Delete the queue Billing?');
    await user.click(within(modal).getByTestId('confirm-cancel'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo('DELETE', '/api/cc/queues/q-billing')).toHaveLength(0);

    // confirm: exactly one DELETE, for the active tenant
    await user.click(within(rows[0]!).getByTestId('queue-delete'));
    modal = await screen.findByRole('dialog');
    await user.click(within(modal).getByTestId('confirm-action'));
    await waitFor(() => expect(api.callsTo('DELETE', '/api/cc/queues/q-billing')).toHaveLength(1));
    expect(api.callsTo('DELETE', '/api/cc/queues/q-billing')[0]?.headers['X-Linea-Tenant']).toBe(DEMO_ID);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('maps a taken queue name (409 queue.name-taken) to the name field', async () => {
    renderApp({
      path: '/queues',
      me: demoAdmin,
      routes: {
        ...routes,
        'POST /api/cc/queues': {
          status: 409,
          body: { status: 409, code: 'queue.name-taken', detail: 'A queue named Billing exists.' },
        },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('queues-create'));
    const form = await screen.findByTestId('queue-form');
    await user.type(within(form).getByRole('textbox', { name: /^Name/ }), 'Billing');
    await user.click(within(form).getByTestId('queue-save'));
    expect(await within(form).findByText('A queue named Billing exists.')).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: /^Name/ })).toHaveAttribute('aria-invalid', 'true');
  });

  it('is read-only for an agent (queues.view only)', async () => {
    renderApp({ path: '/queues', me: operator, routes });
    expect(await screen.findAllByTestId('queue-row')).toHaveLength(2);
    expect(screen.queryByTestId('queues-create')).toBeNull();
    expect(screen.queryByTestId('queue-delete')).toBeNull();
  });

  it('shows an empty state', async () => {
    renderApp({ path: '/queues', me: demoAdmin, routes: { ...routes, 'GET /api/cc/queues': [] } });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No queues yet');
  });
});
