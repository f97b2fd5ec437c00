import { Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { formatE164 } from '@/lib/phone';
import { PageHeader } from '@/lib/ui/PageHeader';
import { Pager } from '@/lib/ui/Pager';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import {
  CALLBACKS_PAGE_SIZE,
  KINDS,
  STATUS_FILTERS,
  useCallbacks,
  type Callback,
  type Kind,
  type Status,
  type StatusFilter,
} from '../api/callbacks';
import { DialModal } from './DialModal';
import { DoneModal } from './DoneModal';
import { ScheduleModal } from './ScheduleModal';
import { VoicemailPlayer } from './VoicemailPlayer';

const KIND_COLORS: Record<Kind, string> = { CALLBACK: 'blue', MISSED: 'orange', VOICEMAIL: 'grape' };
const STATUS_COLORS: Record<Status, string> = {
  OPEN: 'blue',
  SCHEDULED: 'violet',
  IN_PROGRESS: 'yellow',
  DONE: 'gray',
};

/** ACD-10, ACD-14, IVR-09: callback requests, missed calls and voicemails; schedule, dial back, mark done. */
export default function CallbacksPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<StatusFilter>('OPEN');
  const [kind, setKind] = useState<Kind | ''>('');
  const [page, setPage] = useState(0);
  const callbacks = useCallbacks(status, kind, page);
  const [dialling, setDialling] = useState<Callback | null>(null);
  const [closing, setClosing] = useState<Callback | null>(null);
  const [scheduling, setScheduling] = useState(false);

  const data = callbacks.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.size || CALLBACKS_PAGE_SIZE))) : 1;
  const callerOf = (callback: Callback) =>
    callback.number ? formatE164(callback.number) : t('callbacks.withheld');

  let body;
  if (callbacks.isPending) body = <LoadingState />;
  else if (callbacks.isError)
    body = <ErrorState error={callbacks.error} onRetry={() => void callbacks.refetch()} />;
  else if (!data || data.items.length === 0)
    body = (
      <EmptyState
        title={t('callbacks.emptyTitle')}
        description={t(`callbacks.empty.${status}.${kind || 'ALL'}`)}
      />
    );
  else
    body = (
      <Stack>
        <Table.ScrollContainer minWidth={1040}>
          <Table striped highlightOnHover data-testid="callbacks-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('callbacks.kind')}</Table.Th>
                <Table.Th>{t('callbacks.number')}</Table.Th>
                <Table.Th>{t('callbacks.queue')}</Table.Th>
                <Table.Th>{t('callbacks.createdAt')}</Table.Th>
                <Table.Th>{t('callbacks.preferredAt')}</Table.Th>
                <Table.Th>{t('callbacks.attempts')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((callback) => {
                const open = callback.status !== 'DONE';
                return (
                  <Table.Tr
                    key={callback.id}
                    data-testid="callback-row"
                    data-id={callback.id}
                    data-kind={callback.kind}
                    data-status={callback.status}
                  >
                    <Table.Td>
                      <Badge variant="light" color={KIND_COLORS[callback.kind]}>
                        {t(`callbacks.kinds.${callback.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="callback-number">
                      {callerOf(callback)}
                    </Table.Td>
                    <Table.Td>{callback.queueName ?? '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(callback.createdAt)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="callback-preferred">
                      {formatDateTime(callback.preferredAt)}
                    </Table.Td>
                    <Table.Td data-testid="callback-attempts">
                      <Text size="sm">{callback.attempts}</Text>
                      {callback.lastAttemptAt ? (
                        <Text size="xs" c="dimmed">
                          {t('callbacks.lastAttempt', { time: formatDateTime(callback.lastAttemptAt) })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td data-testid="callback-status">
                      <Badge variant="light" color={STATUS_COLORS[callback.status]}>
                        {t(`callbacks.statuses.${callback.status}`)}
                      </Badge>
                      {callback.outcome ? (
                        <Text size="xs">{t(`callbacks.outcomes.${callback.outcome}`)}</Text>
                      ) : null}
                      {callback.doneByName ? (
                        <Text size="xs" c="dimmed">
                          {t('callbacks.doneBy', {
                            name: callback.doneByName,
                            time: formatDateTime(callback.doneAt),
                          })}
                        </Text>
                      ) : null}
                      {callback.note ? (
                        <Text size="xs" c="dimmed" lineClamp={2} title={callback.note}>
                          {callback.note}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {callback.voicemail ? (
                          <VoicemailPlayer voicemail={callback.voicemail} callerLabel={callerOf(callback)} />
                        ) : null}
                        {open ? (
                          <Button
                            size="xs"
                            variant="light"
                            disabled={!callback.number}
                            title={callback.number ? undefined : t('callbacks.cannotDial')}
                            onClick={() => setDialling(callback)}
                            aria-label={t('callbacks.dialOf', { caller: callerOf(callback) })}
                            data-testid="callback-dial"
                          >
                            {t('callbacks.dial')}
                          </Button>
                        ) : null}
                        {open ? (
                          <Button
                            size="xs"
                            variant="light"
                            color="teal"
                            onClick={() => setClosing(callback)}
                            aria-label={t('callbacks.markDoneOf', { caller: callerOf(callback) })}
                            data-testid="callback-done"
                          >
                            {t('callbacks.markDone')}
                          </Button>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
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
        title={t('callbacks.title')}
        description={t('callbacks.subtitle')}
        actions={
          <Button onClick={() => setScheduling(true)} data-testid="callback-schedule">
            {t('callbacks.schedule')}
          </Button>
        }
      />
      <Group mb="md" gap="md" wrap="wrap">
        <SegmentedControl
          value={status}
          onChange={(value) => {
            setStatus(value as StatusFilter);
            setPage(0);
          }}
          data={STATUS_FILTERS.map((value) => ({ value, label: t(`callbacks.statusFilters.${value}`) }))}
          aria-label={t('callbacks.statusFilter')}
          data-testid="callbacks-status"
        />
        <SegmentedControl
          value={kind || 'ALL'}
          onChange={(value) => {
            setKind(value === 'ALL' ? '' : (value as Kind));
            setPage(0);
          }}
          data={[
            { value: 'ALL', label: t('callbacks.allKinds') },
            ...KINDS.map((value) => ({ value, label: t(`callbacks.kindFilters.${value}`) })),
          ]}
          aria-label={t('callbacks.kindFilter')}
          data-testid="callbacks-kind"
        />
      </Group>
      {body}
      {dialling ? <DialModal callback={dialling} onClose={() => setDialling(null)} /> : null}
      {closing ? <DoneModal callback={closing} onClose={() => setClosing(null)} /> : null}
      {scheduling ? <ScheduleModal onClose={() => setScheduling(false)} /> : null}
    </>
  );
}
