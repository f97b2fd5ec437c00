import { describe, expect, it } from 'vitest';
import { isCidr } from './cidr';

describe('CIDR validation (SEC-02, TEL-02)', () => {
  it.each([
    '10.0.0.0/8',
    '192.168.1.10/32',
    '0.0.0.0/0',
    '2001:db8::/32',
    '::1/128',
    'fe80::1:2/64',
    '::ffff:10.0.0.1/128',
  ])('accepts %s', (value) => expect(isCidr(value)).toBe(true));

  it.each([
    '10.0.0.0',
    '10.0.0.0/33',
    '256.0.0.0/8',
    '10.0.0/8',
    '01.2.3.4/8',
    '2001:db8:::/32',
    '1::2::3/64',
    'abc/8',
    '10.0.0.0/8/1',
    '::/129',
    '',
  ])('rejects %s', (value) => expect(isCidr(value)).toBe(false));
});
