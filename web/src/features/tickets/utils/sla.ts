import type { TFunction } from 'i18next';
import type { EscalationTimer, Ticket } from '../api/tickets';

/**
 * What an SLA countdown shows for a ticket at `now`: the first-response timer until the ticket is
 * answered, then the resolution timer; the resolution timer stands still while paused, and nothing
 * runs once the ticket is resolved or closed.
 */
export type SlaState =
  | { kind: 'left' | 'overdue'; timer: EscalationTimer; minutes: number; due: string }
  | { kind: 'paused'; timer: 'RESOLUTION'; since: string }
  | { kind: 'stopped'; breached: boolean }
  | { kind: 'none' };

const MINUTE_MS = 60_000;

export function slaState(ticket: Ticket, now: number): SlaState {
  const { sla } = ticket;
  if (ticket.status === 'RESOLVED' || ticket.status === 'CLOSED')
    return { kind: 'stopped', breached: sla.firstResponseBreached || sla.resolutionBreached };
  // the first-response timer never pauses: a pending ticket nobody answered still waits for an answer
  if (!ticket.firstResponseAt && sla.firstResponseDue)
    return countdown('FIRST_RESPONSE', sla.firstResponseDue, now);
  if (sla.pausedSince) return { kind: 'paused', timer: 'RESOLUTION', since: sla.pausedSince };
  if (sla.resolutionDue) return countdown('RESOLUTION', sla.resolutionDue, now);
  return { kind: 'none' };
}

function countdown(timer: EscalationTimer, due: string, now: number): SlaState {
  const ms = new Date(due).getTime() - now;
  // whole minutes passed or remaining: "45 min left" until 44:59 remain
  const minutes = Math.floor(Math.abs(ms) / MINUTE_MS);
  return { kind: ms >= 0 ? 'left' : 'overdue', timer, minutes, due };
}

/** A span of minutes as "1 d 3 h", "2 h 15 min", "40 min", "less than a minute". */
export function formatMinutes(total: number, t: TFunction): string {
  if (total < 1) return t('tickets.units.underMinute');
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const parts: string[] = [];
  if (days > 0) {
    parts.push(t('tickets.units.d', { value: days }));
    if (hours > 0) parts.push(t('tickets.units.h', { value: hours }));
  } else {
    if (hours > 0) parts.push(t('tickets.units.h', { value: hours }));
    if (minutes > 0) parts.push(t('tickets.units.min', { value: minutes }));
  }
  return parts.join(' ');
}

/** Business minutes as hours and minutes (targets are configured in minutes, read in hours). */
export function formatBusinessMinutes(total: number, t: TFunction): string {
  if (total < 1) return t('tickets.units.min', { value: 0 });
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(t('tickets.units.h', { value: hours }));
  if (minutes > 0) parts.push(t('tickets.units.min', { value: minutes }));
  return parts.join(' ');
}
