import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime, formatDuration } from '@/lib/format';
import { formatE164 } from '@/lib/phone';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { PageHeader } from '@/lib/ui/PageHeader';
import { Pager } from '@/lib/ui/Pager';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import { INTERACTIONS_PAGE_SIZE, useInteractions, type Direction } from '../api/interactions';
import { Outcome, STATE_COLORS } from '../utils/labels';
import { InteractionDrawer } from './InteractionDrawer';
import { PlaceCallModal } from '@/lib/ui/PlaceCallModal';

/** TEL-05: the tenant's calls in and out, live, with each call's timeline; and placing a call. */
export default function InteractionsPage() {
  const { t } = useTranslation();
  const { membership } = useSession();
  const canView = can(membership, 'interactions.view');
  const canPlace = can(membership, 'calls.place');
  const [direction, setDirection] = useState<Direction | ''>('');
  const [page, setPage] = useState(0);
  const interactions = useInteractions(direction, page, canView);
  // `?open=<id>` opens one call's timeline (the client card's history links here)
  const [searchParams, setSearchParams] = useSearchParams();
  const [openId, setOpenId] = useState<string | null>(searchParams.get('open'));
  const closeDrawer = () => {
    setOpenId(null);
    if (searchParams.has('open')) setSearchParams({}, { replace: true });
  };
  const [placing, setPlacing] = useState(false);

  const data = interactions.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.size || INTERACTIONS_PAGE_SIZE))) : 1;

  let body;
  if (!canView)
    body = (
      <EmptyState title={t('interactions.listHiddenTitle')} description={t('interactions.listHidden')} />
    );
  else if (interactions.isPending) body = <LoadingState />;
  else if (interactions.isError)
    body = <ErrorState error={interactions.error} onRetry={() => void interactions.refetch()} />;
  else if (!data || data.items.length === 0)
    body = (
      <EmptyState
        title={t('interactions.emptyTitle')}
        description={t(direction ? 'interactions.emptyFiltered' : 'interactions.empty')}
      />
    );
  else
    body = (
      <Stack>
        <Table.ScrollContainer minWidth={920}>
          <Table striped highlightOnHover data-testid="interactions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('interactions.startedAt')}</Table.Th>
                <Table.Th>{t('interactions.direction')}</Table.Th>
                <Table.Th>{t('interactions.remoteNumber')}</Table.Th>
                <Table.Th>{t('interactions.tenantNumber')}</Table.Th>
                <Table.Th>{t('interactions.agent')}</Table.Th>
                <Table.Th>{t('interactions.state')}</Table.Th>
                <Table.Th>{t('interactions.ring')}</Table.Th>
                <Table.Th>{t('interactions.talk')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((interaction) => (
                <Table.Tr
                  key={interaction.id}
                  data-testid="interaction-row"
                  data-id={interaction.id}
                  data-state={interaction.state}
                  onClick={() => setOpenId(interaction.id)}
                  style={{ cursor: 'pointer' }}
                >
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {/* the keyboard's way into the drawer; a click anywhere on the row does the same */}
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      onClick={(event) => {
                        event.stopPropagation();
                        setOpenId(interaction.id);
                      }}
                      aria-label={t('interactions.openDetails', {
                        number: formatE164(interaction.remoteNumber),
                        time: formatDateTime(interaction.startedAt),
                      })}
                      data-testid="interaction-open"
                    >
                      {formatDateTime(interaction.startedAt)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={interaction.direction === 'INBOUND' ? 'blue' : 'grape'}>
                      {t(`interactions.directions.${interaction.direction}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatE164(interaction.remoteNumber)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatE164(interaction.tenantNumber)}</Table.Td>
                  <Table.Td>{interaction.agentName ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge color={STATE_COLORS[interaction.state]} variant="light">
                      {t(`interactions.states.${interaction.state}`)}
                    </Badge>
                    <Outcome interaction={interaction} t={t} />
                  </Table.Td>
                  <Table.Td data-testid="interaction-ring">
                    {formatDuration(interaction.ringSeconds)}
                  </Table.Td>
                  <Table.Td data-testid="interaction-talk">
                    {formatDuration(interaction.talkSeconds)}
                  </Table.Td>
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

  return (
    <>
      <PageHeader
        title={t('interactions.title')}
        description={t('interactions.subtitle')}
        actions={
          canPlace ? (
            <Button onClick={() => setPlacing(true)} data-testid="place-call">
              {t('interactions.placeCall.open')}
            </Button>
          ) : null
        }
      />
      {canView ? (
        <SegmentedControl
          mb="md"
          value={direction || 'ALL'}
          onChange={(value) => {
            setDirection(value === 'ALL' ? '' : (value as Direction));
            setPage(0);
          }}
          data={[
            { value: 'ALL', label: t('interactions.allDirections') },
            { value: 'INBOUND', label: t('interactions.directions.INBOUND') },
            { value: 'OUTBOUND', label: t('interactions.directions.OUTBOUND') },
          ]}
          aria-label={t('interactions.direction')}
          data-testid="interactions-direction"
        />
      ) : null}
      {body}
      <InteractionDrawer id={openId} onClose={closeDrawer} />
      {placing ? <PlaceCallModal onClose={() => setPlacing(false)} /> : null}
    </>
  );
}
