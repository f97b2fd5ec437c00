import { describe, expect, it } from 'vitest';
import { countryCodeLength, formatE164, isE164, normaliseE164 } from './phone';

describe('E.164 numbers (TEL-02, TEN-02)', () => {
  it.each(['+37322123456', '+40712345678', '+77012345678', '+420601123456', '+18005550123', '+3732212'])(
    'accepts %s',
    (value) => expect(isE164(value)).toBe(true),
  );

  it.each([
    '37322123456',
    '+037322123456',
    '+3732',
    '+1234567890123456',
    '+373 22 123 456',
    '',
    '+37322a23456',
  ])('rejects %s', (value) => expect(isE164(value)).toBe(false));

  it('drops the separators people type', () => {
    expect(normaliseE164(' +373 (22) 12-34-56 ')).toBe('+37322123456');
    expect(normaliseE164('+48.512/345.678')).toBe('+48512345678');
  });

  it.each([
    ['1', 1],
    ['7', 1],
    ['40', 2],
    ['48', 2],
    ['373', 3],
    ['380', 3],
    ['420', 3],
    ['800', 3],
  ])('knows the country code length of %s', (prefix, length) =>
    expect(countryCodeLength(`${prefix}123456789`)).toBe(length),
  );

  it.each([
    ['+37322123456', '+373 22 123 456'],
    ['+37380012345', '+373 80 012 345'],
    ['+40712345678', '+40 712 345 678'],
    ['+77012345678', '+7 701 234 5678'],
    ['+18005550123', '+1 800 555 0123'],
    ['+420601123456', '+420 601 123 456'],
    ['+4930123456', '+49 30 123 456'],
  ])('formats %s as %s', (value, expected) => expect(formatE164(value)).toBe(expected));

  it('leaves what is not E.164 as it is', () => {
    expect(formatE164('anonymous')).toBe('anonymous');
    expect(formatE164(null)).toBe('—');
  });
});
