import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketPriority, TicketStatus } from '../api/tickets';

const STATUS_COLORS: Record<TicketStatus, string> = {
  NEW: 'blue',
  OPEN: 'cyan',
  PENDING: 'yellow',
  RESOLVED: 'teal',
  CLOSED: 'gray',
};

const PRIORITY_COLORS: Record<TicketPriority, string> = {
  LOW: 'gray',
  NORMAL: 'blue',
  HIGH: 'orange',
  URGENT: 'red',
};

export function StatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} data-testid="ticket-status">
      {t(`tickets.statuses.${status}`)}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: TicketPriority }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={PRIORITY_COLORS[priority]} data-testid="ticket-priority">
      {t(`tickets.priorities.${priority}`)}
    </Badge>
  );
}
