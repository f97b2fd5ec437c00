// Phone numbers as the platform stores them (E.164: '+', country code, at most 15 digits) and as
// people read them (TEL-02, TEN-02). No phone library: the bundle stays small and grouping the
// digits is all the pages need.

/** '+', a country code that never starts with 0, 7 to 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

export function isE164(value: string): boolean {
  return E164_PATTERN.test(value);
}

/** What people type (`+373 22 12-34-56`, `(0)` aside) without the separators. */
export function normaliseE164(input: string): string {
  return input.trim().replace(/[\s().\-/]/g, '');
}

// ITU-T E.164 country codes: 1 and 7 have one digit; these two-digit prefixes are complete codes;
// every other code has three digits.
const TWO_DIGIT_CODES = new Set(
  (
    '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 ' +
    '60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'
  ).split(' '),
);

export function countryCodeLength(digits: string): number {
  if (digits.startsWith('1') || digits.startsWith('7')) return 1;
  return TWO_DIGIT_CODES.has(digits.slice(0, 2)) ? 2 : 3;
}

function groups(digits: string): string[] {
  const out: string[] = [];
  // 7 or 10 digits read best as 3-3-4 (`701 234 5678`); the rest as threes from the right (`22 123 456`).
  if (digits.length % 3 === 1 && digits.length >= 7) {
    let rest = digits;
    while (rest.length > 4) {
      out.push(rest.slice(0, 3));
      rest = rest.slice(3);
    }
    out.push(rest);
    return out;
  }
  let rest = digits;
  while (rest.length > 3) {
    out.unshift(rest.slice(-3));
    rest = rest.slice(0, -3);
  }
  if (rest) out.unshift(rest);
  return out;
}

/** `+37322123456` → `+373 22 123 456`; anything that is not E.164 is returned as it is. */
export function formatE164(value: string | null | undefined): string {
  if (!value) return '—';
  if (!isE164(value)) return value;
  const digits = value.slice(1);
  const cc = countryCodeLength(digits);
  return `+${digits.slice(0, cc)} ${groups(digits.slice(cc)).join(' ')}`;
}

/** TEN-02: the kinds of numbers in the inventory (0-800 freephone, mobile, geographic). */
export const NUMBER_TYPES = ['FREEPHONE', 'MOBILE', 'GEOGRAPHIC'] as const;
export type NumberType = (typeof NUMBER_TYPES)[number];
