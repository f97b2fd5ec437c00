import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoAdmin } from '@/test/fixtures';
import { renderApp, type RecordedCall } from '@/test/render';

const policy = {
  minLength: 12,
  requireUpper: true,
  requireLower: true,
  requireDigit: true,
  requireSymbol: false,
  historySize: 5,
  maxAgeDays: 90,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  mfaMode: 'ADMINS',
  trustedNetworks: ['10.0.0.0/8'],
  auditRetentionDays: 365,
};

describe('Security policy page (SEC-01, SEC-02, SEC-03)', () => {
  it('refuses audit retention under six months and a malformed trusted network, then saves', async () => {
    const { api } = renderApp({
      path: '/security-policy',
      me: demoAdmin,
      routes: {
        'GET /api/identity/policy': policy,
        'PUT /api/identity/policy': (call: RecordedCall) => call.body,
      },
    });
    const user = userEvent.setup();
    const form = await screen.findByTestId('policy-form');

    const retention = form.querySelector<HTMLInputElement>('input[name="auditRetentionDays"]')!;
    await user.clear(retention);
    await user.type(retention, '90');
    await user.click(within(form).getByTestId('policy-save'));
    expect(await within(form).findByText('Enter a whole number from 183 to 3650.')).toBeInTheDocument();
    expect(api.callsTo('PUT', '/api/identity/policy')).toHaveLength(0);

    await user.type(within(form).getByTestId('trusted-network-input'), '192.168.1.0/33{Enter}');
    expect(within(form).getByText('“192.168.1.0/33” is not a network in CIDR notation.')).toBeInTheDocument();
    await user.clear(within(form).getByTestId('trusted-network-input'));
    await user.type(within(form).getByTestId('trusted-network-input'), '192.168.1.0/24');
    await user.click(within(form).getByTestId('trusted-network-add'));

    await user.clear(retention);
    await user.type(retention, '183');
    await user.click(within(form).getByLabelText('Everyone'));
    await user.click(within(form).getByTestId('policy-save'));

    await waitFor(() => expect(api.callsTo('PUT', '/api/identity/policy')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/identity/policy')[0]?.body).toEqual({
      ...policy,
      mfaMode: 'ALL',
      trustedNetworks: ['10.0.0.0/8', '192.168.1.0/24'],
      auditRetentionDays: 183,
    });
  });
});
