import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoAdmin, DEMO_ID, operator } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { skills } from '@/test/routing';
import { page } from '@/test/telephony';

const routes = { 'GET /api/cc/skills': page(skills) };

describe('Skills page (ACD-03)', () => {
  it('lists the skills of the tenant, a page at a time', async () => {
    const { api } = renderApp({
      path: '/skills',
      me: demoAdmin,
      routes: { 'GET /api/cc/skills': page(skills, 45) },
    });
    const rows = await screen.findAllByTestId('skill-row');
    expect(rows.map((r) => r.getAttribute('data-skill-name'))).toEqual(['Romanian', 'Billing']);
    expect(rows[0]).toHaveTextContent('Native speakers');
    expect(screen.getByText('45 entries in total')).toBeInTheDocument();
    const call = api.callsTo('GET', '/api/cc/skills')[0]!;
    expect(call.headers['X-Linea-Tenant']).toBe(DEMO_ID);
    expect(call.search.get('page')).toBe('0');

    await userEvent.setup().click(screen.getByRole('button', { name: '2' }));
    await waitFor(() =>
      expect(api.callsTo('GET', '/api/cc/skills').some((c) => c.search.get('page') === '1')).toBe(true),
    );
  });

  it('creates a skill', async () => {
    const { api } = renderApp({
      path: '/skills',
      me: demoAdmin,
      routes: {
        ...routes,
        'POST /api/cc/skills': { id: 's-new', name: 'Russian', description: '', version: 0 },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('skills-create'));
    const form = await screen.findByTestId('skill-form');
    await user.type(within(form).getByRole('textbox', { name: /^Name/ }), '  Russian ');
    await user.click(within(form).getByTestId('skill-save'));
    await waitFor(() => expect(api.callsTo('POST', '/api/cc/skills')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/cc/skills')[0]!.body).toEqual({ name: 'Russian', description: '' });
    await waitFor(() => expect(screen.queryByTestId('skill-form')).toBeNull());
  });

  it('renames a skill with its version, and shows a taken name at the field (409 skill.name-taken)', async () => {
    const { api } = renderApp({
      path: '/skills',
      me: demoAdmin,
      routes: {
        ...routes,
        'PUT /api/cc/skills/s-billing': {
          status: 409,
          body: { status: 409, code: 'skill.name-taken', detail: 'A skill named Romanian exists.' },
        },
      },
    });
    const user = userEvent.setup();
    const rows = await screen.findAllByTestId('skill-row');
    await user.click(within(rows[1]!).getByTestId('skill-edit'));
    const form = await screen.findByTestId('skill-form');
    const name = within(form).getByRole('textbox', { name: /^Name/ });
    await user.clear(name);
    await user.type(name, 'Romanian');
    await user.click(within(form).getByTestId('skill-save'));
    expect(await within(form).findByText('A skill named Romanian exists.')).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('PUT', '/api/cc/skills/s-billing')[0]!.body).toEqual({
      name: 'Romanian',
      description: '',
      version: 3,
    });
  });

  it('deletes only after confirmation, and says why a skill in use stays (409 skill.in-use)', async () => {
    const { api } = renderApp({
      path: '/skills',
      me: demoAdmin,
      routes: {
        ...routes,
        'DELETE /api/cc/skills/s-ro': {
          status: 409,
          body: { status: 409, code: 'skill.in-use', detail: 'Members of Billing have this skill.' },
        },
      },
    });
    const user = userEvent.setup();
    const rows = await screen.findAllByTestId('skill-row');
    await user.click(within(rows[0]!).getByTestId('skill-delete'));
    let modal = await screen.findByRole('dialog');
    expect(modal).toHaveTextContent('Delete the skill Romanian?');
    await user.click(within(modal).getByTestId('confirm-cancel'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo('DELETE', '/api/cc/skills/s-ro')).toHaveLength(0);

    await user.click(within(rows[0]!).getByTestId('skill-delete'));
    modal = await screen.findByRole('dialog');
    await user.click(within(modal).getByTestId('confirm-action'));
    await waitFor(() => expect(api.callsTo('DELETE', '/api/cc/skills/s-ro')).toHaveLength(1));
    expect(await screen.findByRole('alert')).toHaveTextContent('Members of Billing have this skill.');
  });

  it('is read-only with queues.view, and has an empty state', async () => {
    renderApp({ path: '/skills', me: operator, routes: { 'GET /api/cc/skills': page([]) } });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No skills yet');
    expect(screen.queryByTestId('skills-create')).toBeNull();
  });
});
