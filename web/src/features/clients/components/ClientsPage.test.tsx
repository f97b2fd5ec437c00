import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Me } from '@/lib/session/types';
import { ana, clientFields, crmRoutes, ion } from '@/test/crm';
import { demoAdmin, DEMO_ID, membership, operator } from '@/test/fixtures';
import { renderApp, type RecordedCall } from '@/test/render';
import { page } from '@/test/telephony';

const viewer: Me = {
  ...operator,
  memberships: [membership({ roles: ['agent'], permissions: ['clients.view'] })],
};

async function openCreate() {
  const user = userEvent.setup();
  await user.click(await screen.findByTestId('clients-create'));
  const form = await screen.findByTestId('client-form');
  return { user, form };
}

describe('Clients page (CRM-01, CRM-03, CRM-04)', () => {
  it('lists the clients with their numbers, e-mails and tags, sorted by name', async () => {
    const { api } = renderApp({ path: '/clients', me: demoAdmin, routes: crmRoutes });
    const rows = await screen.findAllByTestId('client-row');
    expect(rows.map((row) => row.getAttribute('data-id'))).toEqual(['c-ana', 'c-ion']);
    expect(rows[0]).toHaveTextContent('Ana Popa');
    expect(rows[0]).toHaveTextContent('Moldova Gaz');
    expect(rows[0]).toHaveTextContent('+373 69 123 456');
    expect(rows[0]).toHaveTextContent('ana@example.test');
    expect(within(rows[0]!).getByText('vip')).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('ion@example.test');
    const call = api.callsTo('GET', '/api/cc/clients')[0]!;
    expect(call.headers['X-Linea-Tenant']).toBe(DEMO_ID);
    expect(call.search.get('sort')).toBe('name,asc');
    expect(call.search.get('page')).toBe('0');
    expect(call.search.has('q')).toBe(false);

    await userEvent.setup().selectOptions(screen.getByTestId('clients-sort'), 'updated');
    await waitFor(() =>
      expect(api.callsTo('GET', '/api/cc/clients').at(-1)!.search.get('sort')).toBe('updatedAt,desc'),
    );
  });

  it('searches by what was typed once typing stops, and by tag', async () => {
    const { api } = renderApp({ path: '/clients', me: demoAdmin, routes: crmRoutes });
    await screen.findAllByTestId('client-row');
    const user = userEvent.setup();
    await user.type(screen.getByTestId('clients-search'), ' +373 69');
    await waitFor(() =>
      expect(api.callsTo('GET', '/api/cc/clients').some((c) => c.search.get('q') === '+373 69')).toBe(true),
    );
    // debounced: no request for every keystroke
    const searched = api.callsTo('GET', '/api/cc/clients').filter((c) => c.search.has('q'));
    expect(searched.map((c) => c.search.get('q'))).toEqual(['+373 69']);

    await user.type(screen.getByTestId('clients-tag'), 'vip');
    await waitFor(() =>
      expect(
        api
          .callsTo('GET', '/api/cc/clients')
          .some((c) => c.search.get('tag') === 'vip' && c.search.get('q') === '+373 69'),
      ).toBe(true),
    );
  });

  it('tells "no clients yet" from "nothing matches"', async () => {
    renderApp({
      path: '/clients',
      me: demoAdmin,
      routes: {
        ...crmRoutes,
        'GET /api/cc/clients': (call: RecordedCall) => page(call.search.get('q') === 'ana' ? [ana] : []),
      },
    });
    const empty = await screen.findByTestId('empty-state');
    expect(empty).toHaveTextContent('No clients yet');
    expect(within(empty).getByTestId('clients-create')).toBeInTheDocument();

    await userEvent.setup().type(screen.getByTestId('clients-search'), 'zzz');
    await waitFor(() => expect(screen.getByTestId('empty-state')).toHaveTextContent('No results'));
    expect(screen.getByTestId('empty-state')).toHaveTextContent('No client matches this search or tag.');
  });

  it('opens the card from a row, by keyboard as well', async () => {
    renderApp({ path: '/clients', me: demoAdmin, routes: crmRoutes });
    const rows = await screen.findAllByTestId('client-row');
    const link = within(rows[1]!).getByTestId('client-open');
    expect(link).toHaveAttribute('href', '/clients/c-ion');
    link.focus();
    await userEvent.setup().keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('page-title')).toHaveTextContent('Ion Rusu'));
  });

  it('adds a client with numbers, e-mails, tags and custom fields, sending exactly what was typed', async () => {
    const { api } = renderApp({
      path: '/clients',
      me: demoAdmin,
      routes: {
        ...crmRoutes,
        'POST /api/cc/clients': { ...ion, id: 'c-new', firstName: 'Maria', lastName: 'Ceban' },
        'GET /api/cc/clients/c-new': { ...ion, id: 'c-new', firstName: 'Maria', lastName: 'Ceban' },
      },
    });
    const { user, form } = await openCreate();
    // the custom fields come in the designer's order
    const custom = within(form).getByTestId('client-custom');
    expect(
      within(custom)
        .getAllByText(/^(Contract number|Region|Age|VIP|Topics|Client since)$/)
        .map((label) => label.textContent?.replace(/\s*\*$/, '')),
    ).toEqual(['Contract number', 'Region', 'Age', 'VIP', 'Topics', 'Client since']);

    await user.type(within(form).getByLabelText('First name'), ' Maria ');
    await user.type(within(form).getByLabelText('Last name'), 'Ceban');
    await user.selectOptions(within(form).getByLabelText('Language'), 'ru');

    await user.click(within(form).getByTestId('client-add-phone'));
    await user.click(within(form).getByTestId('client-add-phone'));
    const phones = within(form).getAllByTestId('client-phone');
    await user.type(within(phones[0]!).getByLabelText('Number'), '+373 (69) 12-34-56');
    await user.type(within(phones[0]!).getByLabelText('Label'), 'mobile');
    await user.type(within(phones[1]!).getByLabelText('Number'), '022 123');

    await user.click(within(form).getByTestId('client-add-email'));
    await user.type(within(form).getByLabelText('E-mail'), 'maria@example.test');

    await user.type(within(form).getByLabelText('Tags'), 'vip{Enter}new,');

    await user.type(within(form).getByLabelText('Contract number'), 'K-9');
    await user.type(within(form).getByLabelText('Age'), '33');
    await user.click(within(form).getByLabelText('VIP'));
    await user.click(within(form).getByTestId('client-custom-topics'));
    await user.click(await within(form).findByRole('option', { name: 'Outage', hidden: true }));
    await user.type(within(form).getByLabelText('Client since'), '2026-02-30x');

    // the required region is missing, a number is not international, a date is not a date
    await user.click(within(form).getByTestId('client-save'));
    expect(within(phones[1]!).getByLabelText('Number')).toHaveAttribute('aria-invalid', 'true');
    expect(
      within(form).getByText('Enter the number in international format, e.g. +37322123456.'),
    ).toBeVisible();
    expect(within(form).getByText('Enter a date as YYYY-MM-DD.')).toBeVisible();
    expect(within(form).getByLabelText(/^Region/)).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('POST', '/api/cc/clients')).toHaveLength(0);

    await user.click(within(phones[1]!).getByRole('button', { name: 'Remove phone number 2' }));
    await user.selectOptions(within(form).getByLabelText(/^Region/), 'South');
    const since = within(form).getByLabelText('Client since');
    await user.clear(since);
    await user.type(since, '2026-02-03');
    await user.click(within(form).getByTestId('client-save'));

    await waitFor(() => expect(api.callsTo('POST', '/api/cc/clients')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/cc/clients')[0]!.body).toEqual({
      firstName: 'Maria',
      lastName: 'Ceban',
      organisation: '',
      externalId: '',
      language: 'ru',
      phones: [{ number: '+37369123456', label: 'mobile' }],
      emails: [{ address: 'maria@example.test', label: null }],
      tags: ['vip', 'new'],
      custom: {
        contract_no: 'K-9',
        region: 'South',
        age: 33,
        vip: true,
        topics: ['Outage'],
        since: '2026-02-03',
      },
    });
    // the new card opens
    await waitFor(() => expect(screen.getByTestId('page-title')).toHaveTextContent('Maria Ceban'));
  });

  it("shows the server's error on a custom field next to that field", async () => {
    renderApp({
      path: '/clients',
      me: demoAdmin,
      routes: {
        ...crmRoutes,
        'GET /api/cc/client-fields': [clientFields[1]],
        'POST /api/cc/clients': {
          status: 400,
          body: {
            status: 400,
            code: 'validation',
            detail: 'Some fields are wrong.',
            errors: [
              {
                field: 'custom.contract_no',
                code: 'custom.pattern',
                message: 'Contract numbers look like K-123.',
              },
              {
                field: 'phones[0].number',
                code: 'phone.taken',
                message: 'This number belongs to a blocked line.',
              },
            ],
          },
        },
      },
    });
    const { user, form } = await openCreate();
    await user.type(within(form).getByLabelText('Last name'), 'Ceban');
    await user.click(within(form).getByTestId('client-add-phone'));
    await user.type(within(form).getByLabelText('Number'), '+37369000000');
    await user.type(within(form).getByLabelText('Contract number'), 'nope');
    await user.click(within(form).getByTestId('client-save'));

    const contract = within(form).getByLabelText('Contract number');
    await waitFor(() => expect(contract).toHaveAttribute('aria-invalid', 'true'));
    expect(contract).toHaveAccessibleDescription(/Contract numbers look like K-123\./);
    expect(within(form).getByLabelText('Number')).toHaveAccessibleDescription(
      /This number belongs to a blocked line\./,
    );
    // typing again clears the field's error
    await user.type(contract, '1');
    expect(contract).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('is read-only with clients.view: no add button, the card cannot be changed', async () => {
    renderApp({ path: '/clients', me: viewer, routes: crmRoutes });
    await screen.findAllByTestId('client-row');
    expect(screen.queryByTestId('clients-create')).toBeNull();

    await userEvent.setup().click(screen.getAllByTestId('client-open')[0]!);
    expect(await screen.findByTestId('client-read-only')).toBeInTheDocument();
    const form = await screen.findByTestId('client-form');
    expect(within(form).getByLabelText('First name')).toBeDisabled();
    expect(within(form).getByLabelText('First name')).toHaveValue('Ana');
    expect(within(form).queryByTestId('client-save')).toBeNull();
    expect(within(form).queryByTestId('client-add-phone')).toBeNull();
    expect(screen.queryByTestId('client-delete')).toBeNull();
  });

  it('has an empty state without an add button for someone who may only look', async () => {
    renderApp({ path: '/clients', me: viewer, routes: { ...crmRoutes, 'GET /api/cc/clients': page([]) } });
    const empty = await screen.findByTestId('empty-state');
    expect(empty).toHaveTextContent('No clients yet');
    expect(screen.queryByTestId('clients-create')).toBeNull();
  });
});
