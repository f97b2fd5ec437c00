import { describe, expect, it } from 'vitest';
import { formatDuration } from './format';

describe('durations (TEL-05)', () => {
  it.each([
    [0, '0:00'],
    [7, '0:07'],
    [59.6, '1:00'],
    [754, '12:34'],
    [4500, '75:00'],
  ])('formats %s seconds as %s', (seconds, expected) => expect(formatDuration(seconds)).toBe(expected));

  it('shows a dash when nothing is known', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(-1)).toBe('—');
  });
});
