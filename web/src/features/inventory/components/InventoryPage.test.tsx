import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEMO_ID, HEALTH_ID, platformAdmin } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { inventoryNumbers, page, platformTenants, sipTrunk } from '@/test/telephony';

const routes = {
  'GET /api/cc/platform/numbers': page(inventoryNumbers),
  'GET /api/cc/platform/carriers': page([sipTrunk]),
  'GET /api/identity/platform/tenants': platformTenants,
};

const field = (form: HTMLElement, name: string) => form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;

describe('Number inventory page (TEN-02)', () => {
  it('lists numbers for reading, with their carrier and the tenant they belong to', async () => {
    renderApp({ path: '/platform/numbers', me: platformAdmin, routes });
    const rows = await screen.findAllByTestId('inventory-row');
    expect(rows.map((row) => row.getAttribute('data-e164'))).toEqual(['+37380012345', '+37322123456']);
    expect(rows[0]).toHaveTextContent('+373 80 012 345');
    expect(rows[0]).toHaveTextContent('Freephone (0-800)');
    expect(rows[0]).toHaveTextContent('Moldtelecom');
    await waitFor(() =>
      expect(within(rows[0]!).getByTestId('inventory-tenant')).toHaveTextContent('Demo Energy'),
    );
    expect(within(rows[1]!).getByTestId('inventory-tenant')).toHaveTextContent('Not assigned');
  });

  it('searches by digits and filters by tenant', async () => {
    const { api } = renderApp({ path: '/platform/numbers', me: platformAdmin, routes });
    const user = userEvent.setup();
    await screen.findAllByTestId('inventory-row');
    await user.type(screen.getByTestId('inventory-search'), '800');
    await waitFor(() =>
      expect(api.callsTo('GET', '/api/cc/platform/numbers').some((c) => c.search.get('q') === '800')).toBe(
        true,
      ),
    );
    await waitFor(() =>
      expect(screen.getByTestId('inventory-tenant-filter')).toHaveTextContent('Health Line'),
    );
    await user.selectOptions(screen.getByTestId('inventory-tenant-filter'), HEALTH_ID);
    await waitFor(() =>
      expect(
        api
          .callsTo('GET', '/api/cc/platform/numbers')
          .some((c) => c.search.get('tenantId') === HEALTH_ID && c.search.get('q') === '800'),
      ).toBe(true),
    );
  });

  it('adds a number and assigns it to a tenant', async () => {
    const { api } = renderApp({
      path: '/platform/numbers',
      me: platformAdmin,
      routes: { ...routes, 'POST /api/cc/platform/numbers': { status: 201, body: inventoryNumbers[0] } },
    });
    const user = userEvent.setup();
    await screen.findAllByTestId('inventory-row');
    await user.click(screen.getByTestId('inventory-create'));
    const form = await screen.findByTestId('inventory-form');
    await user.type(field(form, 'e164'), '+373 22 99-88-77');
    await user.selectOptions(field(form, 'type'), 'GEOGRAPHIC');
    await waitFor(() => expect(field(form, 'carrierId')).toHaveValue('c-moldtel'));
    await waitFor(() => expect(field(form, 'tenantId')).toHaveTextContent('Demo Energy'));
    await user.selectOptions(field(form, 'tenantId'), DEMO_ID);
    await user.click(within(form).getByTestId('inventory-save'));
    await waitFor(() => expect(api.callsTo('POST', '/api/cc/platform/numbers')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/cc/platform/numbers')[0]!.body).toEqual({
      e164: '+37322998877',
      type: 'GEOGRAPHIC',
      carrierId: 'c-moldtel',
      tenantId: DEMO_ID,
    });
  });

  it('checks the E.164 format before calling the server', async () => {
    const { api } = renderApp({ path: '/platform/numbers', me: platformAdmin, routes });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('inventory-create'));
    const form = await screen.findByTestId('inventory-form');
    await user.type(field(form, 'e164'), '022123456');
    await user.click(within(form).getByTestId('inventory-save'));
    expect(
      within(form).getByText('Enter the number in international format, e.g. +37322123456.'),
    ).toBeInTheDocument();
    expect(field(form, 'e164')).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('POST', '/api/cc/platform/numbers')).toHaveLength(0);
  });

  it('puts a duplicate number (409 number.duplicate) on the number field', async () => {
    renderApp({
      path: '/platform/numbers',
      me: platformAdmin,
      routes: {
        ...routes,
        'POST /api/cc/platform/numbers': {
          status: 409,
          body: {
            status: 409,
            code: 'number.duplicate',
            detail: '+37380012345 is already in the inventory.',
          },
        },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('inventory-create'));
    const form = await screen.findByTestId('inventory-form');
    await user.type(field(form, 'e164'), '+37380012345');
    await user.click(within(form).getByTestId('inventory-save'));
    expect(await within(form).findByText('+37380012345 is already in the inventory.')).toBeInTheDocument();
    expect(field(form, 'e164')).toHaveAttribute('aria-invalid', 'true');
  });

  it('moves a number to another tenant with its version, and unassigns with null', async () => {
    const { api } = renderApp({
      path: '/platform/numbers',
      me: platformAdmin,
      routes: { ...routes, 'PUT /api/cc/platform/numbers/n-free': inventoryNumbers[0] },
    });
    const user = userEvent.setup();
    const rows = await screen.findAllByTestId('inventory-row');
    await user.click(within(rows[0]!).getByTestId('inventory-edit'));
    const form = await screen.findByTestId('inventory-form');
    expect(field(form, 'tenantId')).toHaveValue(DEMO_ID);
    await user.selectOptions(field(form, 'tenantId'), '');
    await user.click(within(form).getByTestId('inventory-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/platform/numbers/n-free')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/platform/numbers/n-free')[0]!.body).toEqual({
      e164: '+37380012345',
      type: 'FREEPHONE',
      carrierId: 'c-moldtel',
      tenantId: null,
      version: 1,
    });
  });

  it('deletes a number only after confirmation', async () => {
    const { api } = renderApp({
      path: '/platform/numbers',
      me: platformAdmin,
      routes: { ...routes, 'DELETE /api/cc/platform/numbers/n-free': { status: 204 } },
    });
    const user = userEvent.setup();
    const rows = await screen.findAllByTestId('inventory-row');
    await waitFor(() => expect(rows[0]).toHaveTextContent('Demo Energy'));
    await user.click(within(rows[0]!).getByTestId('inventory-delete'));
    const modal = await screen.findByRole('dialog');
    expect(modal).toHaveTextContent(
      'Delete the number +373 80 012 345? Demo Energy will no longer receive calls on it.',
    );
    expect(api.callsTo('DELETE', '/api/cc/platform/numbers/n-free')).toHaveLength(0);
    await user.click(within(modal).getByTestId('confirm-action'));
    await waitFor(() => expect(api.callsTo('DELETE', '/api/cc/platform/numbers/n-free')).toHaveLength(1));
  });

  it('shows an empty state', async () => {
    renderApp({
      path: '/platform/numbers',
      me: platformAdmin,
      routes: { ...routes, 'GET /api/cc/platform/numbers': page([]) },
    });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No numbers yet');
  });
});
