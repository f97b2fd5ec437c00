import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoAdmin, officeHours } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { ticketSettings } from '@/test/desk';

const holidays = {
  id: 'c-holidays',
  name: 'Holiday line',
  timeZone: 'UTC',
  weeklyHours: [],
  holidays: [],
  version: 0,
};
const routes = {
  'GET /api/cc/ticket-settings': ticketSettings,
  'GET /api/cc/calendars': [officeHours, holidays],
};

async function openSettings(extra: Record<string, unknown> = {}) {
  const view = renderApp({ path: '/ticket-settings', me: demoAdmin, routes: { ...routes, ...extra } });
  const form = await screen.findByTestId('ticket-settings-form');
  return { ...view, form, user: userEvent.setup() };
}

describe('Help-desk settings (HD-01, HD-02)', () => {
  it('shows the targets as hours and minutes, the rules and the hand-off without its secret', async () => {
    const { form } = await openSettings();
    const calendar = within(form).getByRole('combobox', { name: /^Ticket calendar/ });
    await waitFor(() =>
      expect(within(calendar).getByRole('option', { name: 'Office hours' })).toBeInTheDocument(),
    );
    expect(calendar).toHaveValue('c-office');
    const high = within(form)
      .getAllByTestId('ticket-target')
      .find((row) => row.getAttribute('data-priority') === 'HIGH')!;
    // 960 business minutes are 16 hours
    expect(within(high).getByRole('textbox', { name: 'Resolution for High: hours' })).toHaveValue('16');
    expect(within(high).getByRole('textbox', { name: 'Resolution for High: minutes' })).toHaveValue('0');
    expect(within(high).getByRole('textbox', { name: 'First response for High: hours' })).toHaveValue('1');
    const rules = within(form).getAllByTestId('rule-row');
    expect(rules).toHaveLength(1);
    expect(within(rules[0]!).getByRole('textbox', { name: /^Name/ })).toHaveValue('No answer in 30');
    expect(within(form).getByRole('textbox', { name: /^Address/ })).toHaveValue(
      'https://records.example/api/requests',
    );
    expect(form).toHaveTextContent('A value is stored and never shown.');
    expect(form.querySelector<HTMLInputElement>('input[name="handoff.headerValue"]')).toHaveValue('');
  });

  it('saves the exact body: targets in minutes, the kept rule with its id, a new rule, the hand-off without the secret', async () => {
    const { api, form, user } = await openSettings({
      'PUT /api/cc/ticket-settings': (call: { body: unknown }) => ({ ...(call.body as object), version: 4 }),
    });
    const calendar = within(form).getByRole('combobox', { name: /^Ticket calendar/ });
    await waitFor(() =>
      expect(within(calendar).getByRole('option', { name: 'Holiday line' })).toBeInTheDocument(),
    );
    await user.selectOptions(calendar, 'c-holidays');
    const urgent = within(form)
      .getAllByTestId('ticket-target')
      .find((row) => row.getAttribute('data-priority') === 'URGENT')!;
    const hours = within(urgent).getByRole('textbox', { name: 'Resolution for Urgent: hours' });
    await user.clear(hours);
    await user.type(hours, '5');
    const minutes = within(urgent).getByRole('textbox', { name: 'Resolution for Urgent: minutes' });
    await user.clear(minutes);
    await user.type(minutes, '30');

    await user.click(within(form).getByTestId('rule-add'));
    const rule = within(form).getAllByTestId('rule-row')[1]!;
    await user.type(within(rule).getByRole('textbox', { name: /^Name/ }), 'Resolution close');
    await user.selectOptions(within(rule).getByRole('combobox', { name: 'Timer' }), 'RESOLUTION');
    await user.selectOptions(within(rule).getByRole('combobox', { name: 'Fires' }), 'AFTER_DUE');
    const ruleHours = within(rule).getByRole('textbox', { name: 'Business time: hours' });
    await user.clear(ruleHours);
    await user.type(ruleHours, '2');
    await user.selectOptions(within(rule).getByRole('combobox', { name: 'Raise priority to' }), '');
    await user.type(within(rule).getByRole('textbox', { name: 'Webhook URL' }), 'https://hooks.example/late');

    await user.selectOptions(within(form).getByRole('combobox', { name: /^Also hand off/ }), 'CLOSED');
    await user.click(within(form).getByTestId('ticket-settings-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/ticket-settings')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/ticket-settings')[0]!.body).toEqual({
      calendarId: 'c-holidays',
      policies: {
        LOW: { firstResponseMinutes: 480, resolutionMinutes: 4800 },
        NORMAL: { firstResponseMinutes: 240, resolutionMinutes: 2400 },
        HIGH: { firstResponseMinutes: 60, resolutionMinutes: 960 },
        URGENT: { firstResponseMinutes: 30, resolutionMinutes: 330 },
      },
      escalation: [
        {
          id: 'r-1',
          name: 'No answer in 30',
          of: 'FIRST_RESPONSE',
          point: 'AFTER_START',
          businessMinutes: 30,
          raisePriorityTo: 'HIGH',
          webhookUrl: 'https://hooks.example/linea',
        },
        {
          id: null,
          name: 'Resolution close',
          of: 'RESOLUTION',
          point: 'AFTER_DUE',
          businessMinutes: 150,
          raisePriorityTo: null,
          webhookUrl: 'https://hooks.example/late',
        },
      ],
      // no headerValue: the stored secret stays
      handoff: {
        url: 'https://records.example/api/requests',
        headerName: 'X-Api-Key',
        onStatus: 'CLOSED',
      },
      version: 3,
    });
    expect(
      await screen.findByText('Help-desk settings saved. Open tickets were re-timed.'),
    ).toBeInTheDocument();
  });

  it('sends a new secret, removes a rule, and switches the hand-off off', async () => {
    const { api, form, user } = await openSettings({
      'PUT /api/cc/ticket-settings': (call: { body: unknown }) => ({ ...(call.body as object), version: 4 }),
    });
    await user.type(form.querySelector<HTMLInputElement>('input[name="handoff.headerValue"]')!, 's3cret');
    await user.click(within(form).getByTestId('ticket-settings-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/ticket-settings')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/ticket-settings')[0]!.body).toMatchObject({
      handoff: {
        url: 'https://records.example/api/requests',
        headerName: 'X-Api-Key',
        headerValue: 's3cret',
      },
    });

    const again = await screen.findByTestId('ticket-settings-form');
    await user.click(within(again).getByRole('button', { name: 'Remove rule No answer in 30' }));
    expect(within(again).getByTestId('empty-state')).toHaveTextContent('No escalation rules');
    await user.click(within(again).getByTestId('handoff-enabled'));
    await user.click(within(again).getByTestId('ticket-settings-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/ticket-settings')).toHaveLength(2));
    expect(api.callsTo('PUT', '/api/cc/ticket-settings')[1]!.body).toMatchObject({
      escalation: [],
      handoff: null,
      version: 4,
    });
  });

  it('checks rules and addresses before sending anything', async () => {
    const { api, form, user } = await openSettings();
    await user.click(within(form).getByTestId('rule-add'));
    const rule = within(form).getAllByTestId('rule-row')[1]!;
    await user.selectOptions(within(rule).getByRole('combobox', { name: 'Raise priority to' }), '');
    await user.type(within(rule).getByRole('textbox', { name: 'Webhook URL' }), 'ftp://files.example');
    const url = within(form).getByRole('textbox', { name: /^Address/ });
    await user.clear(url);
    await user.click(within(form).getByTestId('ticket-settings-save'));
    expect(within(rule).getByText('This field is required.')).toBeInTheDocument();
    expect(within(rule).getByText('Enter a full http or https address.')).toBeInTheDocument();
    await user.clear(within(rule).getByRole('textbox', { name: 'Webhook URL' }));
    await user.type(within(rule).getByRole('textbox', { name: /^Name/ }), 'Nothing to do');
    await user.click(within(form).getByTestId('ticket-settings-save'));
    expect(within(rule).getByRole('alert')).toHaveTextContent(
      'Choose a priority to raise to, a webhook, or both.',
    );
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('PUT', '/api/cc/ticket-settings')).toHaveLength(0);
  });

  it("shows the server's field errors at their field", async () => {
    const { form, user } = await openSettings({
      'PUT /api/cc/ticket-settings': {
        status: 400,
        body: {
          status: 400,
          code: 'validation.failed',
          detail: 'The request has invalid fields.',
          errors: [
            {
              field: 'escalation[0].webhookUrl',
              code: 'ticket.url-invalid',
              message: 'Not an absolute URL.',
            },
            { field: 'handoff.onStatus', code: 'ticket.handoff-status-invalid', message: 'Not on OPEN.' },
          ],
        },
      },
    });
    await user.click(within(form).getByTestId('ticket-settings-save'));
    const rule = within(form).getAllByTestId('rule-row')[0]!;
    expect(await within(rule).findByText('Not an absolute URL.')).toBeInTheDocument();
    expect(within(form).getByText('Not on OPEN.')).toBeInTheDocument();
  });
});
