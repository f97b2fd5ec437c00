import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoAdmin } from '@/test/fixtures';
import { initTestI18n } from '@/test/i18n';
import { renderApp } from '@/test/render';

const entries = {
  items: [
    {
      id: 'a1',
      occurredAt: '2026-05-01T10:00:00Z',
      type: 'login.failed',
      outcome: 'FAILURE',
      actorName: 'demo-agent1',
      sourceIp: '10.0.0.7',
      details: { username: 'demo-agent1', reason: 'bad-password' },
    },
    {
      id: 'a2',
      occurredAt: '2026-05-01T09:00:00Z',
      type: 'user.updated',
      outcome: 'SUCCESS',
      actorName: 'demo-admin',
      details: { username: 'demo-agent1', roles: ['agent', 'supervisor'], ticket: 'OPS-7' },
    },
    {
      id: 'a3',
      occurredAt: '2026-05-01T08:00:00Z',
      type: 'queue.exported',
      outcome: 'SUCCESS',
      actorName: 'demo-admin',
      details: {},
    },
  ],
  page: 0,
  size: 50,
  total: 3,
};

describe('Audit page (SEC-03, I18N-01)', () => {
  it('shows event types, outcomes and details translated, with the raw code beside them', async () => {
    await initTestI18n('ro');
    renderApp({
      path: '/audit',
      me: { ...demoAdmin, locale: 'ro' },
      routes: { 'GET /api/identity/audit': entries },
    });
    const rows = await screen.findAllByTestId('audit-row');
    expect(rows).toHaveLength(3);

    const failed = rows[0]!;
    expect(within(failed).getByTestId('audit-type')).toHaveTextContent('Autentificare eșuată');
    expect(within(failed).getByTestId('audit-type-code')).toHaveTextContent('login.failed');
    const outcome = within(failed).getByTestId('audit-outcome');
    expect(outcome).toHaveTextContent('Eșuat');
    expect(outcome).not.toHaveTextContent('FAILURE');
    const details = within(failed).getByTestId('audit-details');
    expect(details).toHaveTextContent('Nume de utilizator: demo-agent1');
    expect(details).toHaveTextContent('Motiv: Parolă greșită');
    expect(details).not.toHaveTextContent('bad-password');

    const updated = rows[1]!;
    expect(within(updated).getByTestId('audit-type')).toHaveTextContent('Utilizator modificat');
    expect(within(updated).getByTestId('audit-outcome')).toHaveTextContent('Reușit');
    // known keys and values translated, unknown ones shown as they are
    expect(within(updated).getByTestId('audit-details')).toHaveTextContent('Roluri: Operator, Supervizor');
    expect(within(updated).getByTestId('audit-details')).toHaveTextContent('ticket: OPS-7');

    // an event type the page does not know falls back to its code
    const unknown = rows[2]!;
    expect(within(unknown).getByTestId('audit-type')).toHaveTextContent('queue.exported');
    expect(within(unknown).queryByTestId('audit-type-code')).toBeNull();
  });

  it('offers the known types by their translated name and filters by the raw code', async () => {
    await initTestI18n('ro');
    const { api } = renderApp({
      path: '/audit',
      me: { ...demoAdmin, locale: 'ro' },
      routes: { 'GET /api/identity/audit': entries },
    });
    await screen.findAllByTestId('audit-row');
    const user = userEvent.setup();

    const select = screen.getByRole('combobox', { name: 'Tip eveniment' });
    expect(select).toHaveAttribute('placeholder', 'Toate tipurile de evenimente');
    await user.click(select);
    // found by the raw code as well as by the label
    await user.type(select, 'login.fail');
    // jsdom has no layout, so floating-ui takes the input for scrolled away and hides the dropdown
    const option = await screen.findByRole('option', { name: /Autentificare eșuată/, hidden: true });
    expect(screen.getAllByRole('option', { hidden: true })).toHaveLength(1);
    await user.click(option);
    expect(select).toHaveValue('Autentificare eșuată');

    await user.click(screen.getByTestId('audit-apply'));
    await waitFor(() =>
      expect(
        api.callsTo('GET', '/api/identity/audit').some((call) => call.search.get('type') === 'login.failed'),
      ).toBe(true),
    );
  });
});
