import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { clientFields, crmRoutes, crmSettings } from '@/test/crm';
import { demoAdmin } from '@/test/fixtures';
import { renderApp } from '@/test/render';

async function openCreate() {
  const user = userEvent.setup();
  await user.click(await screen.findByTestId('client-fields-create'));
  const form = await screen.findByTestId('client-field-form');
  return { user, form };
}

describe('Client fields page (CRM-02, AGT-12)', () => {
  it('lists the custom fields in position order', async () => {
    renderApp({ path: '/client-fields', me: demoAdmin, routes: crmRoutes });
    const rows = await screen.findAllByTestId('client-field-row');
    expect(rows.map((row) => row.getAttribute('data-key'))).toEqual([
      'contract_no',
      'region',
      'age',
      'vip',
      'topics',
      'since',
    ]);
    expect(rows[1]).toHaveTextContent('One of a list');
    expect(rows[1]).toHaveTextContent('required');
    expect(within(rows[1]!).getByText('Centre')).toBeInTheDocument();
  });

  it('creates a SELECT field with its options, after the last position', async () => {
    const { api } = renderApp({
      path: '/client-fields',
      me: demoAdmin,
      routes: { ...crmRoutes, 'POST /api/cc/client-fields': { ...clientFields[0], id: 'f-new' } },
    });
    const { user, form } = await openCreate();
    await user.type(within(form).getByLabelText(/^Key/), 'segment');
    await user.type(within(form).getByLabelText(/^Label/), ' Segment ');
    expect(within(form).queryByTestId('client-field-options')).toBeNull();
    await user.selectOptions(within(form).getByLabelText('Type'), 'SELECT');

    // a list needs its options
    await user.click(within(form).getByTestId('client-field-save'));
    expect(within(form).getByText('Add at least one option.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/cc/client-fields')).toHaveLength(0);

    await user.type(within(form).getByLabelText(/^Options/), 'Home{Enter}Business{Enter}');
    await user.click(within(form).getByRole('switch', { name: /^Required/ }));
    await user.click(within(form).getByTestId('client-field-save'));
    await waitFor(() => expect(api.callsTo('POST', '/api/cc/client-fields')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/cc/client-fields')[0]!.body).toEqual({
      key: 'segment',
      label: 'Segment',
      type: 'SELECT',
      required: true,
      options: ['Home', 'Business'],
      position: 6,
    });
    await waitFor(() => expect(screen.queryByTestId('client-field-form')).toBeNull());
  });

  it.each(['Region', '1st', 'with-dash', 'a'.repeat(41)])('refuses the key %s', async (key) => {
    const { api } = renderApp({ path: '/client-fields', me: demoAdmin, routes: crmRoutes });
    const { user, form } = await openCreate();
    const input = within(form).getByLabelText(/^Key/);
    await user.type(input, key);
    await user.type(within(form).getByLabelText(/^Label/), 'Anything');
    await user.click(within(form).getByTestId('client-field-save'));
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/Start with a lowercase letter/);
    expect(api.callsTo('POST', '/api/cc/client-fields')).toHaveLength(0);
  });

  it('shows a taken key at the field', async () => {
    renderApp({
      path: '/client-fields',
      me: demoAdmin,
      routes: {
        ...crmRoutes,
        'POST /api/cc/client-fields': {
          status: 409,
          body: {
            status: 409,
            code: 'client-field.key-taken',
            detail: 'A field with the key region exists.',
          },
        },
      },
    });
    const { user, form } = await openCreate();
    await user.type(within(form).getByLabelText(/^Key/), 'region');
    await user.type(within(form).getByLabelText(/^Label/), 'Region');
    await user.click(within(form).getByTestId('client-field-save'));
    expect(await within(form).findByText('A field with the key region exists.')).toBeInTheDocument();
  });

  it('edits a field with its version, never its key', async () => {
    const { api } = renderApp({
      path: '/client-fields',
      me: demoAdmin,
      routes: { ...crmRoutes, 'PUT /api/cc/client-fields/f-contract': clientFields[1] },
    });
    const user = userEvent.setup();
    const rows = await screen.findAllByTestId('client-field-row');
    await user.click(within(rows[0]!).getByTestId('client-field-edit'));
    const form = await screen.findByTestId('client-field-form');
    expect(within(form).getByLabelText(/^Key/)).toHaveAttribute('readonly');
    const label = within(form).getByLabelText(/^Label/);
    await user.clear(label);
    await user.type(label, 'Contract');
    await user.click(within(form).getByTestId('client-field-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/client-fields/f-contract')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/client-fields/f-contract')[0]!.body).toEqual({
      label: 'Contract',
      type: 'TEXT',
      required: false,
      options: [],
      position: 0,
      version: 2,
    });
  });

  it('deletes a field only after confirmation', async () => {
    const { api } = renderApp({
      path: '/client-fields',
      me: demoAdmin,
      routes: { ...crmRoutes, 'DELETE /api/cc/client-fields/f-age': { status: 204 } },
    });
    const user = userEvent.setup();
    const rows = await screen.findAllByTestId('client-field-row');
    await user.click(within(rows[2]!).getByTestId('client-field-delete'));
    let modal = await screen.findByRole('dialog');
    expect(modal).toHaveTextContent('Delete the field Age?');
    await user.click(within(modal).getByTestId('confirm-cancel'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo('DELETE', '/api/cc/client-fields/f-age')).toHaveLength(0);
    await user.click(within(rows[2]!).getByTestId('client-field-delete'));
    modal = await screen.findByRole('dialog');
    await user.click(within(modal).getByTestId('confirm-action'));
    await waitFor(() => expect(api.callsTo('DELETE', '/api/cc/client-fields/f-age')).toHaveLength(1));
    expect(await screen.findByText('The field Age was deleted.')).toBeInTheDocument();
  });

  it('has an empty state', async () => {
    renderApp({
      path: '/client-fields',
      me: demoAdmin,
      routes: { ...crmRoutes, 'GET /api/cc/client-fields': [] },
    });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No custom fields yet');
  });

  it('previews the CRM link template with 12345 and saves it with its version', async () => {
    const { api } = renderApp({
      path: '/client-fields',
      me: demoAdmin,
      routes: {
        ...crmRoutes,
        'PUT /api/cc/crm-settings': {
          linkTemplate: 'https://crm.example.test/c?id={externalId}',
          version: 5,
        },
      },
    });
    const user = userEvent.setup();
    const section = await screen.findByTestId('crm-link-form');
    const input = within(section).getByLabelText('Link template');
    await waitFor(() => expect(input).toHaveValue(crmSettings.linkTemplate));
    const preview = within(section).getByTestId('crm-link-preview');
    expect(within(preview).getByRole('link')).toHaveAttribute(
      'href',
      'https://crm.example.test/clients/12345',
    );

    // without {externalId}, or not http(s), there is no link to make
    await user.clear(input);
    await user.type(input, 'ftp://crm.example.test/{{externalId}');
    expect(preview).toHaveTextContent('The example appears when the template is valid.');
    await user.click(within(section).getByTestId('crm-link-save'));
    expect(input).toHaveAccessibleDescription(
      /Enter an http or https address that contains \{externalId\}\./,
    );
    expect(api.callsTo('PUT', '/api/cc/crm-settings')).toHaveLength(0);

    await user.clear(input);
    await user.type(input, 'https://crm.example.test/c?id={{externalId}');
    expect(within(preview).getByRole('link')).toHaveTextContent('https://crm.example.test/c?id=12345');
    await user.click(within(section).getByTestId('crm-link-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/crm-settings')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/crm-settings')[0]!.body).toEqual({
      linkTemplate: 'https://crm.example.test/c?id={externalId}',
      version: 4,
    });
    expect(await screen.findByText('The link template was saved.')).toBeInTheDocument();
  });

  it('clears the link template to null', async () => {
    const { api } = renderApp({
      path: '/client-fields',
      me: demoAdmin,
      routes: { ...crmRoutes, 'PUT /api/cc/crm-settings': { linkTemplate: null, version: 5 } },
    });
    const user = userEvent.setup();
    const section = await screen.findByTestId('crm-link-form');
    const input = within(section).getByLabelText('Link template');
    await user.clear(input);
    expect(within(section).getByTestId('crm-link-preview')).toHaveTextContent('No link');
    await user.click(within(section).getByTestId('crm-link-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/crm-settings')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/crm-settings')[0]!.body).toEqual({ linkTemplate: null, version: 4 });
  });
});
