import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatDuration } from '@/lib/format';
import { formatE164 } from '@/lib/phone';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { Pager } from '@/lib/ui/Pager';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import { HISTORY_PAGE_SIZE, useClientInteractions, type ClientInteraction } from '../api/clients';

const STATE_COLORS: Record<ClientInteraction['state'], string> = {
  OFFERED: 'blue',
  RINGING: 'yellow',
  ANSWERED: 'teal',
  ENDED: 'gray',
  ABANDONED: 'orange',
  REJECTED: 'red',
  FAILED: 'red',
};

/** From the start to the end of the call, else the talk time; a call still going has none yet. */
function durationOf(interaction: ClientInteraction): number | null {
  if (interaction.endedAt) {
    const seconds = (Date.parse(interaction.endedAt) - Date.parse(interaction.startedAt)) / 1000;
    if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  }
  return interaction.talkSeconds;
}

/** CRM-01: the calls with this client, the newest first; each opens in the interactions page. */
export function ClientHistory({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const { membership } = useSession();
  const canOpen = can(membership, 'interactions.view');
  const [page, setPage] = useState(0);
  const history = useClientInteractions(clientId, page);

  if (history.isPending) return <LoadingState />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  const data = history.data;
  if (data.items.length === 0)
    return <EmptyState title={t('clients.history.emptyTitle')} description={t('clients.history.empty')} />;
  const items = [...data.items].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  const totalPages = Math.max(1, Math.ceil(data.total / (data.size || HISTORY_PAGE_SIZE)));

  return (
    <Stack>
      <Table.ScrollContainer minWidth={760}>
        <Table striped data-testid="client-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('interactions.startedAt')}</Table.Th>
              <Table.Th>{t('interactions.direction')}</Table.Th>
              <Table.Th>{t('interactions.remoteNumber')}</Table.Th>
              <Table.Th>{t('interactions.agent')}</Table.Th>
              <Table.Th>{t('interactions.state')}</Table.Th>
              <Table.Th>{t('clients.history.duration')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((interaction) => (
              <Table.Tr key={interaction.id} data-testid="history-row" data-id={interaction.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {canOpen ? (
                    <Anchor
                      component={Link}
                      to={`/interactions?open=${encodeURIComponent(interaction.id)}`}
                      size="sm"
                      aria-label={t('clients.history.open', { time: formatDateTime(interaction.startedAt) })}
                      data-testid="history-open"
                    >
                      {formatDateTime(interaction.startedAt)}
                    </Anchor>
                  ) : (
                    formatDateTime(interaction.startedAt)
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={interaction.direction === 'INBOUND' ? 'blue' : 'grape'}>
                    {t(`interactions.directions.${interaction.direction}`)}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatE164(interaction.remoteNumber)}</Table.Td>
                <Table.Td>{interaction.agentName ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLORS[interaction.state] ?? 'gray'} variant="light">
                    {t(`interactions.states.${interaction.state}`, interaction.state)}
                  </Badge>
                </Table.Td>
                <Table.Td data-testid="history-duration">{formatDuration(durationOf(interaction))}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('common.totalItems', { total: data.total })}
        </Text>
        <Pager page={page} totalPages={totalPages} onChange={setPage} />
      </Group>
    </Stack>
  );
}
