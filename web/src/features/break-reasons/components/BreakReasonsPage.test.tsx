import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoAdmin, operator } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { breakReasons } from '@/test/routing';
import { page } from '@/test/telephony';

const routes = { 'GET /api/cc/break-reasons': page(breakReasons) };

describe('Break reasons page (ACD-05)', () => {
  it('lists the reasons with pay, limit and status', async () => {
    renderApp({ path: '/break-reasons', me: demoAdmin, routes });
    const rows = await screen.findAllByTestId('break-reason-row');
    expect(rows.map((r) => r.getAttribute('data-name'))).toEqual(['Lunch', 'Training']);
    expect(rows[0]).toHaveTextContent('Unpaid');
    expect(within(rows[0]!).getByTestId('break-reason-limit')).toHaveTextContent('60 min');
    expect(rows[1]).toHaveTextContent('Paid');
    expect(within(rows[1]!).getByTestId('break-reason-limit')).toHaveTextContent('No limit');
    expect(rows[1]).toHaveTextContent('Disabled');
  });

  it('creates a reason; an empty limit is no limit, and the range is checked first', async () => {
    const { api } = renderApp({
      path: '/break-reasons',
      me: demoAdmin,
      routes: { ...routes, 'POST /api/cc/break-reasons': { ...breakReasons[1], id: 'b-new' } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('break-reasons-create'));
    const form = await screen.findByTestId('break-reason-form');
    await user.type(within(form).getByRole('textbox', { name: /^Name/ }), 'Coaching');
    const limit = form.querySelector<HTMLInputElement>('input[name="maxMinutes"]')!;
    await user.type(limit, '500');
    await user.click(within(form).getByTestId('break-reason-save'));
    expect(within(form).getByText('Enter a whole number from 1 to 480.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/cc/break-reasons')).toHaveLength(0);

    await user.clear(limit);
    await user.click(within(form).getByRole('switch', { name: 'Paid break' }));
    await user.click(within(form).getByTestId('break-reason-save'));
    await waitFor(() => expect(api.callsTo('POST', '/api/cc/break-reasons')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/cc/break-reasons')[0]!.body).toEqual({
      name: 'Coaching',
      paid: true,
      maxMinutes: null,
      enabled: true,
    });
  });

  it('changes a reason with its version and maps a taken name (409 break-reason.name-taken)', async () => {
    const { api } = renderApp({
      path: '/break-reasons',
      me: demoAdmin,
      routes: {
        ...routes,
        'PUT /api/cc/break-reasons/b-lunch': {
          status: 409,
          body: { status: 409, code: 'break-reason.name-taken', detail: 'Training exists.' },
        },
      },
    });
    const user = userEvent.setup();
    const rows = await screen.findAllByTestId('break-reason-row');
    await user.click(within(rows[0]!).getByTestId('break-reason-edit'));
    const form = await screen.findByTestId('break-reason-form');
    const limit = form.querySelector<HTMLInputElement>('input[name="maxMinutes"]')!;
    expect(limit).toHaveValue('60');
    await user.clear(limit);
    await user.type(limit, '45');
    await user.click(within(form).getByTestId('break-reason-save'));
    expect(await within(form).findByText('Training exists.')).toBeInTheDocument();
    expect(api.callsTo('PUT', '/api/cc/break-reasons/b-lunch')[0]!.body).toEqual({
      name: 'Lunch',
      paid: false,
      maxMinutes: 45,
      enabled: true,
      version: 2,
    });
  });

  it('deletes only after confirmation', async () => {
    const { api } = renderApp({
      path: '/break-reasons',
      me: demoAdmin,
      routes: { ...routes, 'DELETE /api/cc/break-reasons/b-training': { status: 204 } },
    });
    const user = userEvent.setup();
    const rows = await screen.findAllByTestId('break-reason-row');
    await user.click(within(rows[1]!).getByTestId('break-reason-delete'));
    const modal = await screen.findByRole('dialog');
    expect(modal).toHaveTextContent('Delete the break reason Training?');
    expect(api.callsTo('DELETE', '/api/cc/break-reasons/b-training')).toHaveLength(0);
    await user.click(within(modal).getByTestId('confirm-action'));
    await waitFor(() => expect(api.callsTo('DELETE', '/api/cc/break-reasons/b-training')).toHaveLength(1));
    expect(await screen.findByText('Break reason Training deleted.')).toBeInTheDocument();
  });

  it('is read-only with queues.view, and has an empty state', async () => {
    renderApp({ path: '/break-reasons', me: operator, routes: { 'GET /api/cc/break-reasons': page([]) } });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No break reasons yet');
    expect(screen.queryByTestId('break-reasons-create')).toBeNull();
  });
});
