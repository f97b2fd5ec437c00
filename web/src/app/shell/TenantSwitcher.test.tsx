import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEMO_ID, HEALTH_ID, operator, queuesByTenant } from '@/test/fixtures';
import { renderApp, type RecordedCall } from '@/test/render';

describe('tenant switcher (TEN-03)', () => {
  it('switches the active tenant: header name, audit call, remembered choice, tenant data', async () => {
    const { api } = renderApp({
      path: '/queues',
      me: operator,
      routes: {
        'GET /api/cc/queues': (call: RecordedCall) =>
          queuesByTenant[call.headers['X-Linea-Tenant'] as keyof typeof queuesByTenant] ?? [],
        'GET /api/cc/calendars': [],
        'POST /api/identity/me/active-tenant': { status: 204 },
      },
    });
    const user = userEvent.setup();
    expect(await screen.findByTestId('active-tenant-name')).toHaveTextContent('Demo Energy');
    await waitFor(() =>
      expect(screen.getAllByTestId('queue-row').map((r) => r.dataset.queueName)).toEqual([
        'Billing',
        'Outages',
      ]),
    );

    await user.click(screen.getByTestId('tenant-switcher'));
    await user.click(await screen.findByTestId('tenant-option-health'));

    await waitFor(() => expect(screen.getByTestId('active-tenant-name')).toHaveTextContent('Health Line'));
    expect(api.callsTo('POST', '/api/identity/me/active-tenant').map((c) => c.body)).toEqual([
      { tenantId: HEALTH_ID },
    ]);
    expect(localStorage.getItem(`linea.activeTenant.${operator.id}`)).toBe(HEALTH_ID);
    await waitFor(() =>
      expect(screen.getAllByTestId('queue-row').map((r) => r.dataset.queueName)).toEqual(['Hotline']),
    );
    expect(api.callsTo('GET', '/api/cc/queues').at(-1)?.headers['X-Linea-Tenant']).toBe(HEALTH_ID);
  });

  it('starts in the remembered tenant', async () => {
    localStorage.setItem(`linea.activeTenant.${operator.id}`, HEALTH_ID);
    renderApp({ path: '/', me: operator });
    expect(await screen.findByTestId('active-tenant-name')).toHaveTextContent('Health Line');
  });

  it('keeps the tenant when the server refuses the switch', async () => {
    renderApp({
      path: '/',
      me: operator,
      routes: {
        'POST /api/identity/me/active-tenant': {
          status: 403,
          body: { status: 403, code: 'tenant.suspended', detail: 'Health Line is suspended.' },
        },
      },
    });
    const user = userEvent.setup();
    expect(await screen.findByTestId('active-tenant-name')).toHaveTextContent('Demo Energy');
    await user.click(screen.getByTestId('tenant-switcher'));
    await user.click(await screen.findByTestId('tenant-option-health'));
    expect(await screen.findByText('Health Line is suspended.')).toBeInTheDocument();
    expect(screen.getByTestId('active-tenant-name')).toHaveTextContent('Demo Energy');
    expect(localStorage.getItem(`linea.activeTenant.${operator.id}`)).not.toBe(HEALTH_ID);
    expect(DEMO_ID).toBeTruthy();
  });
});
