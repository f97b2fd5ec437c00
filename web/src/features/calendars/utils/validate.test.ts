import { describe, expect, it } from 'vitest';
import { validateHolidays, validateWeeklyHours, type CalendarMessages } from './validate';

const m: CalendarMessages = {
  required: 'required',
  time: 'time',
  order: 'order',
  overlap: 'overlap',
  date: 'date',
  duplicateDate: 'duplicate',
};

describe('working-hours calendar validation (ADM-02)', () => {
  it('accepts ordered, non-overlapping intervals', () => {
    expect(
      validateWeeklyHours(
        [
          { day: 'MONDAY', opens: '08:00', closes: '12:00' },
          { day: 'MONDAY', opens: '13:00', closes: '17:00' },
          { day: 'TUESDAY', opens: '08:00', closes: '17:00' },
        ],
        m,
      ),
    ).toEqual({});
  });

  it('flags closing before opening and overlaps on the same day', () => {
    expect(
      validateWeeklyHours(
        [
          { day: 'MONDAY', opens: '12:00', closes: '08:00' },
          { day: 'FRIDAY', opens: '08:00', closes: '12:00' },
          { day: 'FRIDAY', opens: '11:00', closes: '14:00' },
        ],
        m,
      ),
    ).toEqual({ 'weeklyHours.0.closes': 'order', 'weeklyHours.2.opens': 'overlap' });
  });

  it('flags holidays without a name, with a bad date, or on the same date twice', () => {
    expect(
      validateHolidays(
        [
          { date: '2026-12-25', name: 'Christmas' },
          { date: '2026-12-25', name: 'Again' },
          { date: '', name: '' },
        ],
        m,
      ),
    ).toEqual({ 'holidays.1.date': 'duplicate', 'holidays.2.date': 'date', 'holidays.2.name': 'required' });
  });
});
