import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '@/lib/format';
import { PageHeader } from '@/lib/ui/PageHeader';
import { Pager } from '@/lib/ui/Pager';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import {
  EMPTY_FILTERS,
  PRIORITIES,
  SORTS,
  STATUSES,
  TICKETS_PAGE_SIZE,
  useAssigneeOptions,
  useTickets,
  type TicketFilters,
  type TicketPriority,
  type TicketSort,
  type TicketStatus,
} from '../api/tickets';
import { useNow } from '../hooks/useNow';
import { PriorityBadge, StatusBadge } from './badges';
import { SlaCountdown } from './SlaCountdown';
import { TicketFormModal } from './TicketFormModal';

const TEXT_DEBOUNCE_MS = 300;

function readFilters(params: URLSearchParams): TicketFilters {
  const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T | ''): T | '' => {
    const value = params.get(name) ?? '';
    return (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
  };
  return {
    status: pick<TicketStatus>('status', STATUSES, ''),
    priority: pick<TicketPriority>('priority', PRIORITIES, ''),
    assignee: params.get('assignee') ?? '',
    group: params.get('group') ?? '',
    q: params.get('q') ?? '',
    sort: (pick<TicketSort>('sort', SORTS, EMPTY_FILTERS.sort) || EMPTY_FILTERS.sort) as TicketSort,
  };
}

/** HD-01: the help desk's tickets with filters and live SLA countdowns; filters live in the URL. */
export default function TicketsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const tickets = useTickets(filters, page);
  const { options: assignees } = useAssigneeOptions();
  const now = useNow();
  const [creating, setCreating] = useState(false);

  // typed text reaches the server a moment after the last key
  const [q, setQ] = useState(filters.q);
  const [group, setGroup] = useState(filters.group);
  const [debouncedQ] = useDebouncedValue(q, TEXT_DEBOUNCE_MS);
  const [debouncedGroup] = useDebouncedValue(group, TEXT_DEBOUNCE_MS);

  const update = (changes: Partial<TicketFilters> & { page?: number }) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          const empty = value === '' || value === undefined || (key === 'page' && value === 0);
          if (empty || (key === 'sort' && value === EMPTY_FILTERS.sort)) next.delete(key);
          else next.set(key, String(value));
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    if (debouncedQ.trim() !== filters.q.trim()) update({ q: debouncedQ.trim() });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only typed text moves the filter
  }, [debouncedQ]);
  useEffect(() => {
    if (debouncedGroup.trim() !== filters.group.trim()) update({ group: debouncedGroup.trim() });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only typed text moves the filter
  }, [debouncedGroup]);

  const nameOf = (id: string | null) =>
    id ? (assignees.find((a) => a.id === id)?.name ?? t('tickets.unknownAgent')) : t('tickets.unassigned');
  const filtered = Object.entries(filters).some(
    ([key, value]) => value !== EMPTY_FILTERS[key as keyof TicketFilters],
  );

  const data = tickets.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.size || TICKETS_PAGE_SIZE))) : 1;

  let body;
  if (tickets.isPending) body = <LoadingState />;
  else if (tickets.isError)
    body = <ErrorState error={tickets.error} onRetry={() => void tickets.refetch()} />;
  else if (!data || data.items.length === 0)
    body = filtered ? (
      <EmptyState title={t('tickets.noMatchesTitle')} description={t('tickets.noMatches')} />
    ) : (
      <EmptyState
        title={t('tickets.emptyTitle')}
        description={t('tickets.empty')}
        action={<Button onClick={() => setCreating(true)}>{t('tickets.create')}</Button>}
      />
    );
  else
    body = (
      <Stack>
        <Table.ScrollContainer minWidth={960}>
          <Table striped highlightOnHover data-testid="tickets-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tickets.number')}</Table.Th>
                <Table.Th>{t('tickets.subject')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                <Table.Th>{t('tickets.priority')}</Table.Th>
                <Table.Th>{t('tickets.assignee')}</Table.Th>
                <Table.Th>{t('tickets.group')}</Table.Th>
                <Table.Th>{t('tickets.sla.column')}</Table.Th>
                <Table.Th>{t('tickets.updatedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((ticket) => (
                <Table.Tr key={ticket.id} data-testid="ticket-row" data-id={ticket.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component={Link} to={`/tickets/${ticket.id}`} fw={600}>
                      {t('tickets.numbered', { number: ticket.number })}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/tickets/${ticket.id}`}
                      c="inherit"
                      data-testid="ticket-subject"
                    >
                      {ticket.subject}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={ticket.status} />
                  </Table.Td>
                  <Table.Td>
                    <PriorityBadge priority={ticket.priority} />
                  </Table.Td>
                  <Table.Td data-testid="ticket-assignee">{nameOf(ticket.assigneeId)}</Table.Td>
                  <Table.Td>{ticket.group ?? '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <SlaCountdown ticket={ticket} now={now} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(ticket.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('common.totalItems', { total: data.total })}
          </Text>
          <Pager page={page} totalPages={totalPages} onChange={(next) => update({ page: next })} />
        </Group>
      </Stack>
    );

  return (
    <>
      <PageHeader
        title={t('tickets.title')}
        description={t('tickets.subtitle')}
        actions={
          <Button onClick={() => setCreating(true)} data-testid="tickets-create">
            {t('tickets.create')}
          </Button>
        }
      />
      <Group mb="md" gap="sm" align="flex-end" wrap="wrap" data-testid="ticket-filters">
        <TextInput
          label={t('common.search')}
          placeholder={t('tickets.searchHint')}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          name="q"
          w={240}
        />
        <NativeSelect
          label={t('common.status')}
          name="status"
          value={filters.status}
          onChange={(event) => update({ status: event.currentTarget.value as TicketStatus | '' })}
          data={[
            { value: '', label: t('tickets.anyStatus') },
            ...STATUSES.map((s) => ({ value: s, label: t(`tickets.statuses.${s}`) })),
          ]}
        />
        <NativeSelect
          label={t('tickets.priority')}
          name="priority"
          value={filters.priority}
          onChange={(event) => update({ priority: event.currentTarget.value as TicketPriority | '' })}
          data={[
            { value: '', label: t('tickets.anyPriority') },
            ...PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priorities.${p}`) })),
          ]}
        />
        <NativeSelect
          label={t('tickets.assignee')}
          name="assignee"
          value={filters.assignee}
          onChange={(event) => update({ assignee: event.currentTarget.value })}
          data={[
            { value: '', label: t('tickets.anyAssignee') },
            ...(filters.assignee && !assignees.some((a) => a.id === filters.assignee)
              ? [{ value: filters.assignee, label: t('tickets.unknownAgent') }]
              : []),
            ...assignees.map((a) => ({ value: a.id, label: a.name })),
          ]}
        />
        <TextInput
          label={t('tickets.group')}
          value={group}
          onChange={(event) => setGroup(event.currentTarget.value)}
          name="group"
          w={160}
        />
        <NativeSelect
          label={t('tickets.sort')}
          name="sort"
          value={filters.sort}
          onChange={(event) => update({ sort: event.currentTarget.value as TicketSort })}
          data={SORTS.map((s) => ({ value: s, label: t(`tickets.sorts.${sortKey(s)}`) }))}
        />
      </Group>
      {body}
      {creating ? <TicketFormModal ticket={null} onClose={() => setCreating(false)} /> : null}
    </>
  );
}

/** `createdAt,desc` → `createdAtDesc`, a translation key. */
export function sortKey(sort: TicketSort): string {
  const [field, direction] = sort.split(',');
  return `${field}${direction === 'asc' ? 'Asc' : 'Desc'}`;
}
