import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import type { Ticket } from '../api/tickets';
import { formatMinutes, slaState } from '../utils/sla';

/**
 * HD-01: the time left to the ticket's next due time (first response until answered, then
 * resolution), overdue in red, or that the timer stands still. `now` comes from the page's useNow.
 */
export function SlaCountdown({
  ticket,
  now,
  withTimer = true,
}: {
  ticket: Ticket;
  now: number;
  withTimer?: boolean;
}) {
  const { t } = useTranslation();
  const state = slaState(ticket, now);
  switch (state.kind) {
    case 'left':
    case 'overdue': {
      const time = formatMinutes(state.minutes, t);
      const overdue = state.kind === 'overdue';
      return (
        <div data-testid="sla-countdown" data-state={state.kind} data-timer={state.timer}>
          <Text
            size="sm"
            fw={overdue ? 600 : undefined}
            c={overdue ? 'red' : undefined}
            title={t('tickets.sla.dueAt', { time: formatDateTime(state.due) })}
          >
            {overdue ? t('tickets.sla.overdue', { time }) : t('tickets.sla.left', { time })}
          </Text>
          {withTimer ? (
            <Text size="xs" c="dimmed">
              {t(`tickets.sla.timers.${state.timer}`)}
            </Text>
          ) : null}
        </div>
      );
    }
    case 'paused':
      return (
        <div data-testid="sla-countdown" data-state="paused" data-timer={state.timer}>
          <Text
            size="sm"
            c="yellow.8"
            title={t('tickets.sla.pausedSince', { time: formatDateTime(state.since) })}
          >
            {t('tickets.sla.paused')}
          </Text>
          {withTimer ? (
            <Text size="xs" c="dimmed">
              {t(`tickets.sla.timers.${state.timer}`)}
            </Text>
          ) : null}
        </div>
      );
    case 'stopped':
      return (
        <Text
          size="sm"
          c={state.breached ? 'red' : 'dimmed'}
          data-testid="sla-countdown"
          data-state={state.breached ? 'breached' : 'met'}
        >
          {state.breached ? t('tickets.sla.breached') : t('tickets.sla.met')}
        </Text>
      );
    default:
      return (
        <Text size="sm" c="dimmed" data-testid="sla-countdown" data-state="none">
          —
        </Text>
      );
  }
}
