import { describe, expect, it } from 'vitest';
import { base32Decode, secondsLeft, totp } from './totp';

// RFC 6238 appendix B, SHA1 key "12345678901234567890" (SEC-02)
const key = Buffer.from('12345678901234567890', 'ascii');

describe('TOTP helper for the browser tests (SEC-02)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('matches RFC 6238 at T=%i', (seconds, expected) => {
    expect(totp(key, { time: seconds * 1000, digits: 8 })).toBe(expected);
    expect(totp(key, { time: seconds * 1000 })).toBe(expected.slice(2));
  });

  it('decodes base32 secrets as authenticator apps show them', () => {
    expect(base32Decode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')).toEqual(key);
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq')).toEqual(key);
    expect(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', { time: 59_000 })).toBe('287082');
  });

  it('knows how long the current code lives', () => {
    expect(secondsLeft(59_000)).toBe(1);
    expect(secondsLeft(60_000)).toBe(30);
  });
});
