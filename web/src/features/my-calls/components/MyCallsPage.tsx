import {
  Badge,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api/client';
import { formatDateTime, formatDuration, formatTime } from '@/lib/format';
import { PageHeader } from '@/lib/ui/PageHeader';
import { Pager } from '@/lib/ui/Pager';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import {
  PAGE_SIZE,
  PERIODS,
  useMyCalls,
  useMyQueues,
  useMyStats,
  useWaiting,
  type Bucket,
  type Period,
} from '../api/myCalls';

/** AGT-07, AGT-10: the signed-in agent's waiting callers, own statistics and own calls in this tenant. */
export default function MyCallsPage() {
  const { t } = useTranslation();
  const stats = useMyStats(1);
  const notAgent = isApiError(stats.error) && stats.error.status === 404;
  return (
    <>
      <PageHeader title={t('myCalls.title')} description={t('myCalls.subtitle')} />
      {notAgent ? (
        <EmptyState title={t('presence.notAgentTitle')} description={t('presence.notAgent')} />
      ) : (
        <Stack gap="lg">
          <Waiting />
          <Statistics />
          <History />
        </Stack>
      )}
    </>
  );
}

function Waiting() {
  const { t } = useTranslation();
  const presence = useMyQueues();
  const queues = (presence.data?.queues ?? []).filter((q) => q.loggedIn);
  const live = useWaiting(queues.map((q) => q.queueId));
  return (
    <Card withBorder data-testid="my-waiting">
      <Title order={3} size="h5" mb="xs">
        {t('myCalls.waitingTitle')}
      </Title>
      {presence.isSuccess && queues.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('myCalls.noQueues')}
        </Text>
      ) : (
        <Group gap="md">
          {queues.map((queue, i) => {
            const now = live[i]?.data;
            return (
              <Stack key={queue.queueId} gap={0} data-testid="my-waiting-queue">
                <Text size="xs" c="dimmed">
                  {queue.name}
                </Text>
                <Text fw={700} size="xl" c={now && now.waiting > 0 ? 'orange' : undefined}>
                  {now ? now.waiting : '—'}
                </Text>
                {now && now.waiting > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('myCalls.longestWait', { time: formatDuration(now.longestWaitSeconds) })}
                  </Text>
                )}
              </Stack>
            );
          })}
        </Group>
      )}
    </Card>
  );
}

function Statistics() {
  const { t } = useTranslation();
  const [days, setDays] = useState<Period>(1);
  const stats = useMyStats(days);
  const data = stats.data;
  return (
    <Card withBorder data-testid="my-stats">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {t('myCalls.statsTitle')}
        </Title>
        <SegmentedControl
          size="xs"
          value={String(days)}
          onChange={(value) => setDays(Number(value) as Period)}
          data={PERIODS.map((p) => ({ value: String(p), label: t(`myCalls.period.${p}`) }))}
          aria-label={t('myCalls.period.label')}
        />
      </Group>
      {stats.isPending ? (
        <LoadingState />
      ) : !data ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Figure label={t('myCalls.handled')} value={String(data.handled)} testId="my-handled" />
            <Figure label={t('myCalls.missed')} value={String(data.missed)} testId="my-missed" />
            <Figure
              label={t('myCalls.serviceLevel', { seconds: data.serviceLevelSeconds })}
              value={data.serviceLevel === null ? '—' : `${Math.round(data.serviceLevel * 100)} %`}
              testId="my-service-level"
            />
            <Figure
              label={t('myCalls.averageTalk')}
              value={formatDuration(data.averageTalkSeconds)}
              testId="my-average-talk"
            />
          </SimpleGrid>
          <Chart buckets={data.buckets} hourly={days === 1} />
        </Stack>
      )}
    </Card>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

const CHART_HEIGHT = 120;

/** Handled (blue) and missed (red) calls per hour or day, stacked; each bar says its numbers. */
function Chart({ buckets, hourly }: { buckets: Bucket[]; hourly: boolean }) {
  const { t } = useTranslation();
  const top = Math.max(1, ...buckets.map((b) => b.handled + b.missed));
  const width = 100 / Math.max(1, buckets.length);
  const label = (b: Bucket) =>
    t('myCalls.bar', {
      when: hourly ? formatTime(b.start) : formatDateTime(b.start).split(' ')[0],
      handled: b.handled,
      missed: b.missed,
    });
  if (buckets.every((b) => b.handled + b.missed === 0))
    return (
      <Text size="sm" c="dimmed" data-testid="my-chart-empty">
        {t('myCalls.noCalls')}
      </Text>
    );
  return (
    <svg
      viewBox={`0 0 100 ${CHART_HEIGHT}`}
      preserveAspectRatio="none"
      width="100%"
      height={CHART_HEIGHT}
      role="img"
      aria-label={t('myCalls.chart')}
      data-testid="my-chart"
    >
      {buckets.map((b, i) => {
        const handled = (b.handled / top) * (CHART_HEIGHT - 4);
        const missed = (b.missed / top) * (CHART_HEIGHT - 4);
        return (
          <g key={b.start} data-testid="my-chart-bar" aria-label={label(b)}>
            <title>{label(b)}</title>
            <rect
              x={i * width + width * 0.1}
              width={width * 0.8}
              y={CHART_HEIGHT - handled}
              height={handled}
              fill="var(--mantine-color-blue-6)"
            />
            <rect
              x={i * width + width * 0.1}
              width={width * 0.8}
              y={CHART_HEIGHT - handled - missed}
              height={missed}
              fill="var(--mantine-color-red-6)"
            />
          </g>
        );
      })}
    </svg>
  );
}

function History() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setQuery(typed.trim());
      setPage(0);
    }, 300);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const calls = useMyCalls(query, page);
  const items = calls.data?.items ?? [];
  return (
    <Card withBorder data-testid="my-history">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {t('myCalls.historyTitle')}
        </Title>
        <TextInput
          size="xs"
          w={260}
          placeholder={t('myCalls.search')}
          aria-label={t('myCalls.search')}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          data-testid="my-search"
        />
      </Group>
      {calls.isPending ? (
        <LoadingState />
      ) : !calls.data ? (
        <ErrorState error={calls.error} onRetry={() => void calls.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={query ? t('myCalls.noMatch') : t('myCalls.noCalls')}
          description={query ? undefined : t('myCalls.noCallsHint')}
        />
      ) : (
        <Stack gap="xs">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('myCalls.when')}</Table.Th>
                <Table.Th>{t('myCalls.number')}</Table.Th>
                <Table.Th>{t('myCalls.talk')}</Table.Th>
                <Table.Th>{t('myCalls.notes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((call) => (
                <Table.Tr key={call.id} data-testid="my-call" data-interaction={call.id}>
                  <Table.Td>{formatDateTime(call.startedAt)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Text size="sm">{call.remoteNumber ?? t('softphone.unknownCaller')}</Text>
                      {call.direction === 'OUTBOUND' && (
                        <Badge size="xs" variant="light">
                          {t('myCalls.outbound')}
                        </Badge>
                      )}
                      {call.handedOver && (
                        <Badge size="xs" variant="light" color="grape">
                          {t('myCalls.handedOver', { name: call.agentName ?? '' })}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatDuration(call.talkSeconds)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {call.notes.join(' · ')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager page={page} totalPages={Math.ceil((calls.data.total ?? 0) / PAGE_SIZE)} onChange={setPage} />
        </Stack>
      )}
    </Card>
  );
}
