import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { detailLines, eventLabel, eventTypeOptions, outcomeLabel } from './events';

const t = i18next.t;
const lines = (details: unknown) =>
  detailLines(t, details).map((line) => (line.label ? `${line.label}: ${line.value}` : line.value));

describe('audit event texts (SEC-03, I18N-01)', () => {
  it('translates known types and outcomes and keeps unknown codes', () => {
    expect(eventLabel(t, 'login.succeeded')).toBe('Signed in');
    expect(eventLabel(t, 'logout')).toBe('Signed out');
    expect(eventLabel(t, 'login.success')).toBe('login.success');
    expect(outcomeLabel(t, 'FAILURE')).toBe('Failure');
    expect(outcomeLabel(t, 'PARTIAL')).toBe('PARTIAL');
    expect(eventTypeOptions(t)).toContainEqual({ value: 'policy.updated', label: 'Security policy changed' });
  });

  it('shows details as name: value, translating what it knows', () => {
    expect(lines({ username: 'ana', reason: 'mfa-replayed', method: 'password' })).toEqual([
      'Username: ana',
      'Reason: Authenticator code already used',
      'method: password',
    ]);
    // a tenant suspension's reason is free text
    expect(lines({ reason: 'Unpaid invoice', previousStatus: 'ACTIVE' })).toEqual([
      'Reason: Unpaid invoice',
      'Previous status: Active',
    ]);
    expect(
      lines({ roles: ['tenant-admin', 'robot'], extraPermissions: [], locale: 'uk', tenants: ['A', 'B'] }),
    ).toEqual([
      'Roles: Tenant administrator, robot',
      'Extra permissions: —',
      'Language: Українська',
      'Tenants: A, B',
    ]);
    expect(
      lines({
        changes: {
          mfaMode: { from: 'OFF', to: 'ADMINS' },
          requireSymbol: { from: 'false', to: 'true' },
          maxAgeDays: { from: null, to: '90' },
        },
      }),
    ).toEqual([
      'Changes: Who must use an authenticator app: Nobody → Administrators; Symbol: No → Yes; Maximum age (days): — → 90',
    ]);
    expect(lines('free text')).toEqual(['free text']);
    expect(lines(null)).toEqual([]);
  });
});
