import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import {
  EVENT_TYPES,
  PRIORITIES,
  STATUSES,
  useTicketEvents,
  type Ticket,
  type TicketEvent,
} from '../api/tickets';

const ARROW = ' → ';

/** HD-01: every change of the ticket, oldest first, with who made it (nobody: the system). */
export function TicketHistory({
  ticket,
  nameOf,
}: {
  ticket: Ticket;
  nameOf: (agentId: string | null) => string;
}) {
  const { t } = useTranslation();
  const events = useTicketEvents(ticket.id);

  // the server writes details in English for its log; the ones made of codes are shown in the person's language
  const detailOf = (event: TicketEvent): { text: string; raw: boolean } | null => {
    const detail = event.detail;
    if (!detail) return null;
    const parts = detail.split(ARROW);
    const translated = (value: string, known: readonly string[], prefix: string) =>
      known.includes(value) ? t(`${prefix}.${value}`) : value;
    if (event.type === 'STATUS_CHANGED' && parts.length === 2)
      return { text: parts.map((p) => translated(p, STATUSES, 'tickets.statuses')).join(ARROW), raw: false };
    if (event.type === 'PRIORITY_CHANGED' && parts.length === 2)
      return {
        text: parts.map((p) => translated(p, PRIORITIES, 'tickets.priorities')).join(ARROW),
        raw: false,
      };
    if (event.type === 'ASSIGNED')
      return { text: parts.map((p) => nameOf(p === 'null' ? null : p)).join(ARROW), raw: false };
    if (event.type === 'COMMENTED' && (detail === 'internal' || detail === 'public'))
      return {
        text: detail === 'internal' ? t('tickets.comments.internal') : t('tickets.comments.public'),
        raw: false,
      };
    return { text: detail, raw: true };
  };

  if (events.isPending) return <LoadingState />;
  if (events.isError) return <ErrorState error={events.error} onRetry={() => void events.refetch()} />;
  if (events.data.length === 0)
    return <EmptyState title={t('tickets.history.emptyTitle')} description={t('tickets.history.empty')} />;
  return (
    <Timeline bulletSize={12} lineWidth={2} data-testid="ticket-history">
      {events.data.map((event) => {
        const detail = detailOf(event);
        const known = (EVENT_TYPES as readonly string[]).includes(event.type);
        return (
          <Timeline.Item
            key={event.id}
            title={known ? t(`tickets.history.events.${event.type}`) : event.type}
            data-testid="ticket-event"
            data-type={event.type}
          >
            {detail ? (
              <Text size="sm" {...(detail.raw ? { 'data-raw-code': true } : {})}>
                {detail.text}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed">
              <time dateTime={event.at}>{formatDateTime(event.at)}</time> ·{' '}
              {event.actorName ?? t('tickets.system')}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
