import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { ClientFieldDefinition } from '../api/clients';
import { clientInput, clientName, clientValues, isDate, validateClient } from './clientForm';

const t = ((key: string) => key) as unknown as TFunction;
const field = (over: Partial<ClientFieldDefinition>): ClientFieldDefinition => ({
  id: 'f',
  key: 'k',
  label: 'K',
  type: 'TEXT',
  required: false,
  options: [],
  position: 0,
  version: 0,
  ...over,
});

describe('client form (CRM-01, CRM-02)', () => {
  it('knows real calendar days', () => {
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2026-02-30')).toBe(false);
    expect(isDate('2026-13-01')).toBe(false);
    expect(isDate('1.2.2026')).toBe(false);
  });

  it('wants something to know the client by', () => {
    const empty = clientValues(null, []);
    expect(validateClient(empty, [], t)).toEqual({ lastName: 'clients.nameRequired' });
    expect(validateClient({ ...empty, phones: [{ number: '+37369123456', label: '' }] }, [], t)).toEqual({});
  });

  it('checks each custom field by its type and leaves empty ones out of the body', () => {
    const fields = [
      field({ key: 'n', type: 'NUMBER' }),
      field({ key: 'p', type: 'PHONE', required: true }),
      field({ key: 'e', type: 'EMAIL' }),
      field({ key: 's', type: 'SELECT', options: ['a'] }),
      field({ key: 'b', type: 'BOOLEAN' }),
      field({ key: 'm', type: 'MULTI_SELECT', options: ['x'] }),
    ];
    const values = { ...clientValues(null, fields), lastName: 'X' };
    expect(validateClient(values, fields, t)).toEqual({ 'custom.p': 'validation.required' });
    const wrong = { ...values, custom: { ...values.custom, p: '123', e: 'nope', s: 'z' } };
    expect(validateClient(wrong, fields, t)).toEqual({
      'custom.p': 'validation.e164',
      'custom.e': 'validation.email',
      'custom.s': 'clients.invalidOption',
    });
    const right = { ...values, custom: { ...values.custom, p: '+373 69 123 456', n: 0 } };
    expect(clientInput(right, fields).custom).toEqual({ n: 0, p: '+37369123456', b: false });
  });

  it('names a client by name, organisation, number or address', () => {
    const none = { firstName: null, lastName: null, organisation: null, phones: [], emails: [] };
    expect(clientName(none)).toBe('');
    expect(clientName({ ...none, emails: [{ address: 'a@b.md', label: null }] })).toBe('a@b.md');
    expect(clientName({ ...none, organisation: 'Termocom' })).toBe('Termocom');
    expect(clientName({ ...none, firstName: 'Ana' })).toBe('Ana');
  });
});
