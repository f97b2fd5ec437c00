import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@/lib/i18n/languages';
import { flatten, LOCALES } from '@/test/i18n';
import {
  DELIVERY_STATUSES,
  EVENT_TYPES,
  HANDOFF_STATUSES,
  POINTS,
  PRIORITIES,
  SORTS,
  STATUSES,
  TIMERS,
} from './api/tickets';
import { sortKey } from './components/TicketsPage';

// I18N-01: the keys the help-desk pages build at run time exist in every language.
describe('help-desk keys built at run time (I18N-01)', () => {
  const keys = [
    'tickets.nav',
    'ticketSettings.nav',
    ...STATUSES.map((s) => `tickets.statuses.${s}`),
    ...PRIORITIES.map((p) => `tickets.priorities.${p}`),
    ...SORTS.map((s) => `tickets.sorts.${sortKey(s)}`),
    ...EVENT_TYPES.map((e) => `tickets.history.events.${e}`),
    ...DELIVERY_STATUSES.map((d) => `tickets.deliveries.${d}`),
    ...TIMERS.map((timer) => `tickets.sla.timers.${timer}`),
    ...POINTS.map((point) => `ticketSettings.points.${point}`),
    ...HANDOFF_STATUSES.map((s) => `tickets.statuses.${s}`),
    ...['firstResponseMinutes', 'resolutionMinutes'].map((f) => `ticketSettings.targetLabels.${f}`),
  ];

  it.each(LANGUAGES)('%s has them all', (language) => {
    const flat = flatten(LOCALES[language]);
    expect(keys.filter((key) => !flat[key])).toEqual([]);
  });
});
