import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Me } from '@/lib/session/types';
import { categories, crmAdminRoutes } from '@/test/crmAdmin';
import { demoAdmin, membership, operator } from '@/test/fixtures';
import { renderApp } from '@/test/render';

const routes = crmAdminRoutes;
const rowsById = async () =>
  Object.fromEntries(
    (await screen.findAllByTestId('category-row')).map((row) => [row.getAttribute('data-id'), row]),
  );

describe('Categories (AGT-05)', () => {
  it('shows the categories as a tree, sub-categories under their parent', async () => {
    renderApp({ path: '/categories', me: demoAdmin, routes });
    const rows = await screen.findAllByTestId('category-row');
    expect(rows.map((row) => [row.getAttribute('data-id'), row.getAttribute('data-depth')])).toEqual([
      ['cat-billing', '0'],
      ['cat-refund', '1'],
      ['cat-complaint', '0'],
      ['cat-legacy', '0'],
    ]);
    expect(rows[3]).toHaveTextContent('Inactive');
    expect(within(rows[3]!).getByTestId('category-activate')).toBeInTheDocument();
  });

  it('adds a sub-category under its parent', async () => {
    const { api } = renderApp({
      path: '/categories',
      me: demoAdmin,
      routes: {
        ...routes,
        'POST /api/cc/categories': {
          status: 201,
          body: {
            id: 'cat-late',
            name: 'Late payment',
            parentId: 'cat-billing',
            active: true,
            position: 1,
            version: 0,
          },
        },
      },
    });
    const user = userEvent.setup();
    const rows = await rowsById();
    await user.click(
      within(rows['cat-billing']!).getByRole('button', { name: 'Add a sub-category to Billing' }),
    );
    const form = await screen.findByTestId('category-form');
    expect(within(form).getByLabelText('Parent category')).toHaveValue('cat-billing');
    await user.type(within(form).getByLabelText(/^Name/), ' Late payment ');
    const position = within(form).getByLabelText('Position');
    await user.clear(position);
    await user.type(position, '1');
    await user.click(within(form).getByTestId('category-save'));
    await waitFor(() => expect(api.callsTo('POST', '/api/cc/categories')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/cc/categories')[0]!.body).toEqual({
      name: 'Late payment',
      parentId: 'cat-billing',
      active: true,
      position: 1,
    });
    expect(await screen.findByText('The category Late payment was saved.')).toBeInTheDocument();
  });

  it('renames a category with its version and never offers itself or its children as parent', async () => {
    const { api } = renderApp({
      path: '/categories',
      me: demoAdmin,
      routes: {
        ...routes,
        'PUT /api/cc/categories/cat-billing': { ...categories[0], name: 'Invoices', version: 3 },
      },
    });
    const user = userEvent.setup();
    const rows = await rowsById();
    await user.click(within(rows['cat-billing']!).getByTestId('category-edit'));
    const form = await screen.findByTestId('category-form');
    const parents = [...within(form).getByLabelText('Parent category').querySelectorAll('option')].map(
      (o) => o.value,
    );
    expect(parents).toEqual(['', 'cat-complaint', 'cat-legacy']);
    const name = within(form).getByLabelText(/^Name/);
    await user.clear(name);
    await user.type(name, 'Invoices');
    await user.click(within(form).getByTestId('category-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/categories/cat-billing')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/categories/cat-billing')[0]!.body).toEqual({
      name: 'Invoices',
      parentId: null,
      active: true,
      position: 0,
      version: 2,
    });
  });

  it('shows a taken name at the field', async () => {
    renderApp({
      path: '/categories',
      me: demoAdmin,
      routes: {
        ...routes,
        'POST /api/cc/categories': {
          status: 409,
          body: {
            status: 409,
            code: 'category.name-taken',
            detail: 'Billing already has a sub-category Refund.',
          },
        },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('categories-create'));
    const form = await screen.findByTestId('category-form');
    await user.type(within(form).getByLabelText(/^Name/), 'Refund');
    await user.click(within(form).getByTestId('category-save'));
    expect(await within(form).findByText('Billing already has a sub-category Refund.')).toBeInTheDocument();
  });

  it('deactivates after confirmation, keeping everything else', async () => {
    const { api } = renderApp({
      path: '/categories',
      me: demoAdmin,
      routes: { ...routes, 'PUT /api/cc/categories/cat-complaint': { ...categories[2], active: false } },
    });
    const user = userEvent.setup();
    const rows = await rowsById();
    await user.click(within(rows['cat-complaint']!).getByTestId('category-deactivate'));
    const modal = await screen.findByRole('dialog');
    expect(modal).toHaveTextContent('Deactivate Complaint?');
    await user.click(within(modal).getByTestId('confirm-action'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/categories/cat-complaint')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/categories/cat-complaint')[0]!.body).toEqual({
      name: 'Complaint',
      parentId: null,
      active: false,
      position: 1,
      version: 0,
    });
  });

  it("deletes only after confirmation and shows the server's reason when it cannot", async () => {
    const { api } = renderApp({
      path: '/categories',
      me: demoAdmin,
      routes: {
        ...routes,
        'DELETE /api/cc/categories/cat-refund': {
          status: 409,
          body: { status: 409, code: 'category.in-use', detail: 'Calls carry this category.' },
        },
        'DELETE /api/cc/categories/cat-legacy': { status: 204 },
      },
    });
    const user = userEvent.setup();
    let rows = await rowsById();
    await user.click(within(rows['cat-refund']!).getByTestId('category-delete'));
    let modal = await screen.findByRole('dialog');
    expect(modal).toHaveTextContent('Delete the category Refund?');
    await user.click(within(modal).getByTestId('confirm-action'));
    expect(await within(modal).findByTestId('category-delete-kept')).toHaveTextContent(
      'Calls carry this category.',
    );
    await user.click(within(modal).getByTestId('confirm-cancel'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    rows = await rowsById();
    await user.click(within(rows['cat-legacy']!).getByTestId('category-delete'));
    modal = await screen.findByRole('dialog');
    await user.click(within(modal).getByTestId('confirm-action'));
    await waitFor(() => expect(api.callsTo('DELETE', '/api/cc/categories/cat-legacy')).toHaveLength(1));
    expect(await screen.findByText('The category Legacy was deleted.')).toBeInTheDocument();
  });

  it('lets a supervisor (agents.monitor) edit, and an agent only read', async () => {
    const supervisor: Me = {
      ...demoAdmin,
      memberships: [membership({ roles: ['supervisor'], permissions: ['clients.view', 'agents.monitor'] })],
    };
    renderApp({ path: '/categories', me: supervisor, routes });
    expect(await screen.findByTestId('categories-create')).toBeInTheDocument();
  });

  it('shows the tree read-only without crm.configure or agents.monitor', async () => {
    const agent: Me = {
      ...operator,
      memberships: [membership({ roles: ['agent'], permissions: ['clients.view', 'clients.manage'] })],
    };
    renderApp({ path: '/categories', me: agent, routes });
    expect(await screen.findAllByTestId('category-row')).toHaveLength(4);
    expect(screen.queryByTestId('categories-create')).toBeNull();
    expect(screen.queryByTestId('category-delete')).toBeNull();
  });

  it('has an empty state', async () => {
    renderApp({ path: '/categories', me: demoAdmin, routes: { ...routes, 'GET /api/cc/categories': [] } });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No categories yet');
  });
});
