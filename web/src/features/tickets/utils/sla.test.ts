import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { lateTicket, newTicket, NOW, pendingTicket } from '@/test/desk';
import type { Ticket } from '../api/tickets';
import { formatBusinessMinutes, formatMinutes, slaState } from './sla';

const now = new Date(NOW).getTime();
const t = i18next.t.bind(i18next);

describe('SLA countdown (HD-01)', () => {
  it('counts the first response until the ticket is answered, even while it is pending', () => {
    expect(slaState(newTicket as Ticket, now)).toEqual({
      kind: 'left',
      timer: 'FIRST_RESPONSE',
      minutes: 135,
      due: '2026-05-04T12:15:20Z',
    });
    const pendingUnanswered = { ...pendingTicket, firstResponseAt: null } as Ticket;
    expect(slaState(pendingUnanswered, now)).toMatchObject({ kind: 'left', timer: 'FIRST_RESPONSE' });
  });

  it('then counts the resolution, overdue when its due time has passed', () => {
    expect(slaState(lateTicket as Ticket, now)).toMatchObject({
      kind: 'overdue',
      timer: 'RESOLUTION',
      minutes: 40,
    });
  });

  it('stands still while paused, and stops once resolved or closed', () => {
    expect(slaState(pendingTicket as Ticket, now)).toEqual({
      kind: 'paused',
      timer: 'RESOLUTION',
      since: '2026-05-04T08:30:00Z',
    });
    expect(slaState({ ...lateTicket, status: 'RESOLVED' } as Ticket, now)).toEqual({
      kind: 'stopped',
      breached: true,
    });
    expect(slaState({ ...newTicket, status: 'CLOSED' } as Ticket, now)).toEqual({
      kind: 'stopped',
      breached: false,
    });
  });

  it('writes spans as days, hours and minutes', () => {
    expect(formatMinutes(0, t)).toBe('less than a minute');
    expect(formatMinutes(40, t)).toBe('40 min');
    expect(formatMinutes(60, t)).toBe('1 h');
    expect(formatMinutes(135, t)).toBe('2 h 15 min');
    expect(formatMinutes(1440 + 185, t)).toBe('1 d 3 h');
    expect(formatBusinessMinutes(4800, t)).toBe('80 h');
    expect(formatBusinessMinutes(90, t)).toBe('1 h 30 min');
  });
});
