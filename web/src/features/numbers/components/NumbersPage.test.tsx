import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Me } from '@/lib/session/types';
import { demoAdmin, DEMO_ID, membership, queuesByTenant } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { page, queuedNumber, tenantNumbers } from '@/test/telephony';

const routes = {
  'GET /api/cc/numbers': page(tenantNumbers),
  'GET /api/cc/queues': page(queuesByTenant[DEMO_ID]),
};
const supervisor: Me = {
  ...demoAdmin,
  memberships: [membership({ roles: ['supervisor'], permissions: ['telephony.view'] })],
};

async function editFirst() {
  const user = userEvent.setup();
  const rows = await screen.findAllByTestId('number-row');
  await user.click(within(rows[0]!).getByTestId('number-edit'));
  const form = await screen.findByTestId('number-form');
  return { user, form, greeting: form.querySelector<HTMLTextAreaElement>('textarea[name="greeting"]')! };
}

describe('Numbers page of a tenant (TEN-02)', () => {
  it('shows each number formatted for reading, its type and its greeting', async () => {
    const { api } = renderApp({ path: '/numbers', me: demoAdmin, routes });
    const rows = await screen.findAllByTestId('number-row');
    expect(rows.map((row) => within(row).getByTestId('number-formatted').textContent)).toEqual([
      '+373 80 012 345',
      '+373 69 123 456',
    ]);
    expect(rows[0]).toHaveTextContent('Freephone (0-800)');
    expect(rows[0]).toHaveTextContent('Available agents');
    expect(within(rows[0]!).getByTestId('number-greeting')).toHaveTextContent(
      "Default greeting in the tenant's language",
    );
    expect(within(rows[1]!).getByTestId('number-greeting')).toHaveTextContent('Bună ziua, Demo Energy.');
    expect(api.callsTo('GET', '/api/cc/numbers')[0]?.headers['X-Linea-Tenant']).toBe(DEMO_ID);
  });

  it('explains that the platform operator assigns numbers when there are none', async () => {
    renderApp({ path: '/numbers', me: demoAdmin, routes: { 'GET /api/cc/numbers': page([]) } });
    const empty = await screen.findByTestId('empty-state');
    expect(empty).toHaveTextContent('No numbers yet');
    expect(empty).toHaveTextContent('Numbers are bought and assigned by the platform operator.');
  });

  it('saves a greeting override with the version', async () => {
    const { api } = renderApp({
      path: '/numbers',
      me: demoAdmin,
      routes: {
        ...routes,
        'PUT /api/cc/numbers/n-free': { ...tenantNumbers[0], greeting: 'Welcome', version: 2 },
      },
    });
    const { user, form, greeting } = await editFirst();
    await user.type(greeting, '  Welcome to Demo Energy.  ');
    await user.click(within(form).getByTestId('number-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/numbers/n-free')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/numbers/n-free')[0]!.body).toEqual({
      target: 'AGENTS',
      greeting: 'Welcome to Demo Energy.',
      queueId: null,
      priority: 0,
      version: 1,
    });
  });

  it('goes back to the default greeting with null', async () => {
    const { api } = renderApp({
      path: '/numbers',
      me: demoAdmin,
      routes: { ...routes, 'PUT /api/cc/numbers/n-mobile': tenantNumbers[1] },
    });
    const user = userEvent.setup();
    const rows = await screen.findAllByTestId('number-row');
    await user.click(within(rows[1]!).getByTestId('number-edit'));
    const form = await screen.findByTestId('number-form');
    await user.clear(form.querySelector('textarea[name="greeting"]')!);
    await user.click(within(form).getByTestId('number-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/numbers/n-mobile')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/numbers/n-mobile')[0]!.body).toEqual({
      target: 'AGENTS',
      greeting: null,
      queueId: null,
      priority: 0,
      version: 4,
    });
  });

  it('refuses a greeting over 500 characters before calling the server', async () => {
    const { api } = renderApp({ path: '/numbers', me: demoAdmin, routes });
    const { user, form, greeting } = await editFirst();
    await user.click(greeting);
    await user.paste('a'.repeat(501));
    expect(within(form).getByText('501 / 500 characters')).toBeInTheDocument();
    await user.click(within(form).getByTestId('number-save'));
    expect(within(form).getByText('At most 500 characters.')).toBeInTheDocument();
    expect(greeting).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('PUT', '/api/cc/numbers/n-free')).toHaveLength(0);
  });

  it('shows a server validation error next to the greeting', async () => {
    renderApp({
      path: '/numbers',
      me: demoAdmin,
      routes: {
        ...routes,
        'PUT /api/cc/numbers/n-free': {
          status: 400,
          body: {
            status: 400,
            code: 'validation.failed',
            errors: [
              {
                field: 'greeting',
                code: 'unsupported',
                message: 'The greeting has characters TTS cannot read.',
              },
            ],
          },
        },
      },
    });
    const { user, form, greeting } = await editFirst();
    await user.type(greeting, '☎☎☎');
    await user.click(within(form).getByTestId('number-save'));
    expect(await within(form).findByText('The greeting has characters TTS cannot read.')).toBeInTheDocument();
    expect(greeting).toHaveAttribute('aria-invalid', 'true');
  });

  describe('routed to a queue with a priority (ACD-01, ACD-04)', () => {
    const withVip = { ...routes, 'GET /api/cc/numbers': page([...tenantNumbers, queuedNumber]) };

    it('shows the queue and the priority of a queued number', async () => {
      const { api } = renderApp({ path: '/numbers', me: demoAdmin, routes: withVip });
      const rows = await screen.findAllByTestId('number-row');
      const vip = rows[2]!;
      await waitFor(() => expect(within(vip).getByTestId('number-queue')).toHaveTextContent('Queue Billing'));
      expect(within(vip).getByTestId('number-priority')).toHaveTextContent('Priority 7');
      expect(within(rows[0]!).getByTestId('number-target')).toHaveTextContent('Available agents');
      expect(within(rows[0]!).queryByTestId('number-priority')).toBeNull();
      expect(api.callsTo('GET', '/api/cc/queues')[0]?.headers['X-Linea-Tenant']).toBe(DEMO_ID);
    });

    it('says only "queue" to whom may not read queue names', async () => {
      const supervisorNoQueues: Me = {
        ...demoAdmin,
        memberships: [membership({ roles: ['supervisor'], permissions: ['telephony.view'] })],
      };
      const { api } = renderApp({ path: '/numbers', me: supervisorNoQueues, routes: withVip });
      const rows = await screen.findAllByTestId('number-row');
      expect(within(rows[2]!).getByTestId('number-queue')).toHaveTextContent(/^Queue$/);
      expect(api.callsTo('GET', '/api/cc/queues')).toHaveLength(0);
    });

    it('routes a number to a queue: the queue is required and the priority is 0 to 9', async () => {
      const { api } = renderApp({
        path: '/numbers',
        me: demoAdmin,
        routes: { ...routes, 'PUT /api/cc/numbers/n-free': { ...queuedNumber, id: 'n-free' } },
      });
      const { user, form } = await editFirst();
      const target = within(form).getByRole('combobox', { name: 'Calls go to' });
      expect([...(target as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
        'Ring available agents directly',
        'Queue',
      ]);
      // the queue and the priority belong to queued numbers only
      expect(form.querySelector('select[name="queueId"]')).toBeNull();
      expect(form.querySelector('input[name="priority"]')).toBeNull();

      await user.selectOptions(target, 'QUEUE');
      const queue = form.querySelector<HTMLSelectElement>('select[name="queueId"]')!;
      await waitFor(() => expect(queue.options).toHaveLength(3));
      expect([...queue.options].map((o) => o.textContent)).toEqual(['Choose a queue', 'Billing', 'Outages']);
      expect(form).toHaveTextContent('Callers of this number overtake callers with a lower priority');
      const priority = form.querySelector<HTMLInputElement>('input[name="priority"]')!;
      expect(priority).toHaveValue('0');
      await user.clear(priority);
      await user.type(priority, '12');
      await user.click(within(form).getByTestId('number-save'));
      expect(within(form).getByText('Choose the queue the calls wait in.')).toBeInTheDocument();
      expect(within(form).getByText('Enter a whole number from 0 to 9.')).toBeInTheDocument();
      expect(queue).toHaveAttribute('aria-invalid', 'true');
      expect(api.callsTo('PUT', '/api/cc/numbers/n-free')).toHaveLength(0);

      await user.selectOptions(queue, 'q-outages');
      await user.clear(priority);
      await user.type(priority, '9');
      await user.click(within(form).getByTestId('number-save'));
      await waitFor(() => expect(api.callsTo('PUT', '/api/cc/numbers/n-free')).toHaveLength(1));
      expect(api.callsTo('PUT', '/api/cc/numbers/n-free')[0]!.body).toEqual({
        target: 'QUEUE',
        greeting: null,
        queueId: 'q-outages',
        priority: 9,
        version: 1,
      });
    });

    it('shows the server refusing a missing queue next to the queue (number.queue-missing)', async () => {
      renderApp({
        path: '/numbers',
        me: demoAdmin,
        routes: {
          ...withVip,
          'PUT /api/cc/numbers/n-vip': {
            status: 400,
            body: {
              status: 400,
              code: 'validation.failed',
              errors: [
                { field: 'queueId', code: 'number.queue-missing', message: 'The queue does not exist.' },
              ],
            },
          },
        },
      });
      const user = userEvent.setup();
      const rows = await screen.findAllByTestId('number-row');
      await user.click(within(rows[2]!).getByTestId('number-edit'));
      const form = await screen.findByTestId('number-form');
      const queue = form.querySelector<HTMLSelectElement>('select[name="queueId"]')!;
      await waitFor(() => expect(queue).toHaveValue('q-billing'));
      expect(form.querySelector('input[name="priority"]')).toHaveValue('7');
      await user.click(within(form).getByTestId('number-save'));
      expect(await within(form).findByText('The queue does not exist.')).toBeInTheDocument();
      expect(queue).toHaveAttribute('aria-invalid', 'true');
    });

    it('sends no queue when a queued number goes back to ringing agents, and keeps its priority', async () => {
      const { api } = renderApp({
        path: '/numbers',
        me: demoAdmin,
        routes: { ...withVip, 'PUT /api/cc/numbers/n-vip': { ...queuedNumber, target: 'AGENTS' } },
      });
      const user = userEvent.setup();
      const rows = await screen.findAllByTestId('number-row');
      await user.click(within(rows[2]!).getByTestId('number-edit'));
      const form = await screen.findByTestId('number-form');
      await user.selectOptions(within(form).getByRole('combobox', { name: 'Calls go to' }), 'AGENTS');
      await user.click(within(form).getByTestId('number-save'));
      await waitFor(() => expect(api.callsTo('PUT', '/api/cc/numbers/n-vip')).toHaveLength(1));
      expect(api.callsTo('PUT', '/api/cc/numbers/n-vip')[0]!.body).toEqual({
        target: 'AGENTS',
        greeting: null,
        queueId: null,
        priority: 7,
        version: 2,
      });
    });
  });

  it('is read-only with telephony.view only', async () => {
    renderApp({ path: '/numbers', me: supervisor, routes });
    expect(await screen.findAllByTestId('number-row')).toHaveLength(2);
    expect(screen.queryByTestId('number-edit')).toBeNull();
  });
});
