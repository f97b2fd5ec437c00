import type { Errors } from '@/lib/form';
import type { Holiday, OpeningHours } from '../api/calendars';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface CalendarMessages {
  required: string;
  time: string;
  order: string;
  overlap: string;
  date: string;
  duplicateDate: string;
}

/** Opening intervals must be well-formed, open before they close, and not overlap on one day. */
export function validateWeeklyHours(hours: OpeningHours[], m: CalendarMessages): Errors {
  const errors: Errors = {};
  hours.forEach((h, i) => {
    if (!TIME.test(h.opens)) errors[`weeklyHours.${i}.opens`] = m.time;
    if (!TIME.test(h.closes)) errors[`weeklyHours.${i}.closes`] = m.time;
    if (TIME.test(h.opens) && TIME.test(h.closes) && h.opens >= h.closes)
      errors[`weeklyHours.${i}.closes`] = m.order;
  });
  hours.forEach((h, i) => {
    hours.forEach((other, j) => {
      if (j <= i || other.day !== h.day) return;
      if (h.opens < other.closes && other.opens < h.closes) errors[`weeklyHours.${j}.opens`] = m.overlap;
    });
  });
  return errors;
}

export function validateHolidays(holidays: Holiday[], m: CalendarMessages): Errors {
  const errors: Errors = {};
  const seen = new Set<string>();
  holidays.forEach((h, i) => {
    if (!DATE.test(h.date) || Number.isNaN(new Date(h.date).getTime())) errors[`holidays.${i}.date`] = m.date;
    else if (seen.has(h.date)) errors[`holidays.${i}.date`] = m.duplicateDate;
    seen.add(h.date);
    if (!h.name.trim()) errors[`holidays.${i}.name`] = m.required;
  });
  return errors;
}
