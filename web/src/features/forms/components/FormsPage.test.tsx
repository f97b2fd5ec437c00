import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Me } from '@/lib/session/types';
import { crmAdminRoutes, srhForm } from '@/test/crmAdmin';
import { demoAdmin, membership, operator } from '@/test/fixtures';
import { renderApp } from '@/test/render';

const routes = crmAdminRoutes;

async function openCreate() {
  const user = userEvent.setup();
  await user.click(await screen.findByTestId('forms-create'));
  const form = await screen.findByTestId('form-editor');
  return { user, form };
}

const fieldCards = (form: HTMLElement) => within(form).getAllByTestId('form-field');

describe('Intake forms designer (CRM-02, CRM-06)', () => {
  it('lists the forms by name with their fields and state', async () => {
    renderApp({ path: '/forms', me: demoAdmin, routes });
    const rows = await screen.findAllByTestId('form-row');
    expect(rows.map((row) => row.getAttribute('data-id'))).toEqual(['form-old', 'form-srh']);
    expect(rows[0]).toHaveTextContent('Inactive');
    expect(rows[1]).toHaveTextContent('Active');
    expect(rows[1]).toHaveTextContent('Asked on every hotline call');
    expect(within(rows[1]!).getByText('Age *')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Region')).toBeInTheDocument();
  });

  it('creates a form with a choice field, a multiple-choice field and their visibility', async () => {
    const { api } = renderApp({
      path: '/forms',
      me: demoAdmin,
      routes: { ...routes, 'POST /api/cc/forms': { status: 201, body: { ...srhForm, id: 'form-new' } } },
    });
    const { user, form } = await openCreate();
    await user.type(within(form).getByLabelText(/^Name/), ' Hotline intake ');
    await user.type(within(form).getByLabelText('Description'), 'Every call');

    let cards = fieldCards(form);
    await user.type(within(cards[0]!).getByLabelText(/^Key/), 'sex');
    await user.type(within(cards[0]!).getByLabelText(/^Label/), 'Sex');
    await user.selectOptions(within(cards[0]!).getByLabelText('Type'), 'SELECT');
    // a choice field needs its options
    await user.click(within(form).getByTestId('form-save'));
    expect(within(cards[0]!).getByText('Add at least one option.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/cc/forms')).toHaveLength(0);
    await user.type(within(cards[0]!).getByLabelText(/^Options/), 'female{Enter}male{Enter}other{Enter}');

    await user.click(within(form).getByTestId('form-add-field'));
    cards = fieldCards(form);
    await user.type(within(cards[1]!).getByLabelText(/^Key/), 'topic');
    await user.type(within(cards[1]!).getByLabelText(/^Label/), 'Topic');
    await user.selectOptions(within(cards[1]!).getByLabelText('Type'), 'MULTI_SELECT');
    await user.type(within(cards[1]!).getByLabelText(/^Options/), 'Contraception{Enter}Pregnancy{Enter}');
    await user.click(within(cards[1]!).getByRole('switch', { name: 'Required' }));
    await user.click(within(cards[1]!).getByRole('checkbox', { name: 'Supervisor' }));
    await user.click(within(cards[1]!).getByRole('checkbox', { name: 'Tenant administrator' }));

    // the topic comes first
    await user.click(within(cards[1]!).getByRole('button', { name: 'Move field 2 up' }));
    expect(fieldCards(form).map((card) => card.getAttribute('data-key'))).toEqual(['topic', 'sex']);

    await user.click(within(form).getByTestId('form-save'));
    await waitFor(() => expect(api.callsTo('POST', '/api/cc/forms')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/cc/forms')[0]!.body).toEqual({
      name: 'Hotline intake',
      description: 'Every call',
      active: true,
      fields: [
        {
          key: 'topic',
          label: 'Topic',
          type: 'MULTI_SELECT',
          required: true,
          options: ['Contraception', 'Pregnancy'],
          position: 0,
          visibleTo: ['supervisor', 'tenant-admin'],
        },
        {
          key: 'sex',
          label: 'Sex',
          type: 'SELECT',
          required: false,
          options: ['female', 'male', 'other'],
          position: 1,
          visibleTo: [],
        },
      ],
    });
    await waitFor(() => expect(screen.queryByTestId('form-editor')).toBeNull());
    expect(await screen.findByText('The form Hotline intake was saved.')).toBeInTheDocument();
  });

  it.each(['Age', '1st', 'with-dash', 'a'.repeat(41)])('refuses the key %s', async (key) => {
    const { api } = renderApp({ path: '/forms', me: demoAdmin, routes });
    const { user, form } = await openCreate();
    await user.type(within(form).getByLabelText(/^Name/), 'Survey');
    const input = within(fieldCards(form)[0]!).getByLabelText(/^Key/);
    await user.type(input, key);
    await user.type(within(fieldCards(form)[0]!).getByLabelText(/^Label/), 'Anything');
    await user.click(within(form).getByTestId('form-save'));
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/Start with a lowercase letter/);
    expect(input).toHaveFocus();
    expect(api.callsTo('POST', '/api/cc/forms')).toHaveLength(0);
  });

  it('refuses two fields with one key, and shows the server field errors at their field', async () => {
    renderApp({
      path: '/forms',
      me: demoAdmin,
      routes: {
        ...routes,
        'POST /api/cc/forms': {
          status: 400,
          body: {
            status: 400,
            code: 'validation.failed',
            detail: 'Some values are not valid.',
            errors: [
              { field: 'fields[0].label', code: 'validation.size', message: 'At most 200 characters.' },
            ],
          },
        },
      },
    });
    const { user, form } = await openCreate();
    await user.type(within(form).getByLabelText(/^Name/), 'Survey');
    await user.type(within(fieldCards(form)[0]!).getByLabelText(/^Key/), 'age');
    await user.type(within(fieldCards(form)[0]!).getByLabelText(/^Label/), 'Age');
    await user.click(within(form).getByTestId('form-add-field'));
    await user.type(within(fieldCards(form)[1]!).getByLabelText(/^Key/), 'age');
    await user.type(within(fieldCards(form)[1]!).getByLabelText(/^Label/), 'Age again');
    await user.click(within(form).getByTestId('form-save'));
    expect(within(fieldCards(form)[1]!).getByLabelText(/^Key/)).toHaveAccessibleDescription(
      /Another field of this form has this key\./,
    );

    await user.click(within(fieldCards(form)[1]!).getByRole('button', { name: 'Remove field 2' }));
    await user.click(within(form).getByTestId('form-save'));
    const label = within(fieldCards(form)[0]!).getByLabelText(/^Label/);
    await waitFor(() => expect(label).toHaveAttribute('aria-invalid', 'true'));
    expect(label).toHaveAccessibleDescription(/At most 200 characters\./);
  });

  it('edits a form with its version', async () => {
    const { api } = renderApp({
      path: '/forms',
      me: demoAdmin,
      routes: { ...routes, 'PUT /api/cc/forms/form-srh': srhForm },
    });
    const user = userEvent.setup();
    const rows = await screen.findAllByTestId('form-row');
    await user.click(within(rows[1]!).getByTestId('form-edit'));
    const form = await screen.findByTestId('form-editor');
    expect(fieldCards(form).map((card) => card.getAttribute('data-key'))).toEqual([
      'age',
      'sex',
      'topic',
      'region',
    ]);
    expect(within(fieldCards(form)[3]!).getByRole('checkbox', { name: 'Supervisor' })).toBeChecked();
    expect(within(fieldCards(form)[3]!).getByRole('checkbox', { name: 'Agent' })).not.toBeChecked();
    await user.click(within(form).getByTestId('form-active'));
    await user.click(within(form).getByTestId('form-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/forms/form-srh')).toHaveLength(1));
    const body = api.callsTo('PUT', '/api/cc/forms/form-srh')[0]!.body as Record<string, unknown>;
    expect(body.version).toBe(3);
    expect(body.active).toBe(false);
    expect((body.fields as { key: string }[]).map((f) => f.key)).toEqual(['age', 'sex', 'topic', 'region']);
  });

  it('deletes a form only after confirmation', async () => {
    const { api } = renderApp({
      path: '/forms',
      me: demoAdmin,
      routes: { ...routes, 'DELETE /api/cc/forms/form-old': { status: 204 } },
    });
    const user = userEvent.setup();
    const rows = await screen.findAllByTestId('form-row');
    await user.click(within(rows[0]!).getByTestId('form-delete'));
    let modal = await screen.findByRole('dialog');
    expect(modal).toHaveTextContent('Delete the form Billing survey?');
    await user.click(within(modal).getByTestId('confirm-cancel'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo('DELETE', '/api/cc/forms/form-old')).toHaveLength(0);

    await user.click(within(rows[0]!).getByTestId('form-delete'));
    modal = await screen.findByRole('dialog');
    await user.click(within(modal).getByTestId('confirm-action'));
    await waitFor(() => expect(api.callsTo('DELETE', '/api/cc/forms/form-old')).toHaveLength(1));
    expect(await screen.findByText('The form Billing survey was deleted.')).toBeInTheDocument();
  });

  it("shows the server's reason when a filled form cannot be deleted, and offers to deactivate it", async () => {
    const { api } = renderApp({
      path: '/forms',
      me: demoAdmin,
      routes: {
        ...routes,
        'DELETE /api/cc/forms/form-srh': {
          status: 409,
          body: {
            status: 409,
            code: 'form.has-answers',
            detail: 'This form has been filled in; deactivate it instead.',
          },
        },
        'PUT /api/cc/forms/form-srh': { ...srhForm, active: false, version: 4 },
      },
    });
    const user = userEvent.setup();
    const rows = await screen.findAllByTestId('form-row');
    await user.click(within(rows[1]!).getByTestId('form-delete'));
    const modal = await screen.findByRole('dialog');
    await user.click(within(modal).getByTestId('confirm-action'));
    const kept = await within(modal).findByTestId('form-delete-kept');
    expect(kept).toHaveTextContent('This form has been filled in; deactivate it instead.');
    expect(kept).toHaveTextContent('agents can no longer fill it');
    expect(within(modal).getByTestId('confirm-action')).toBeDisabled();

    await user.click(within(kept).getByTestId('form-deactivate'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/forms/form-srh')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/forms/form-srh')[0]!.body).toEqual({
      name: srhForm.name,
      description: srhForm.description,
      active: false,
      fields: srhForm.fields,
      version: 3,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows the forms without changing them to someone who may only view clients', async () => {
    const viewer: Me = {
      ...operator,
      memberships: [membership({ roles: ['agent'], permissions: ['clients.view', 'clients.manage'] })],
    };
    renderApp({ path: '/forms', me: viewer, routes });
    expect(await screen.findAllByTestId('form-row')).toHaveLength(2);
    expect(screen.queryByTestId('forms-create')).toBeNull();
    expect(screen.queryByTestId('form-edit')).toBeNull();
    expect(screen.queryByTestId('form-delete')).toBeNull();
  });

  it('has an empty state', async () => {
    renderApp({ path: '/forms', me: demoAdmin, routes: { ...routes, 'GET /api/cc/forms': [] } });
    const empty = await screen.findByTestId('empty-state');
    expect(empty).toHaveTextContent('No intake forms yet');
    expect(within(empty).getByTestId('forms-create')).toBeInTheDocument();
  });
});
