import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatE164 } from '@/lib/phone';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { PageHeader } from '@/lib/ui/PageHeader';
import { Pager } from '@/lib/ui/Pager';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import { NUMBERS_PAGE_SIZE, useNumbers, useQueueOptions, type TenantNumber } from '../api/numbers';
import { NumberRouteModal } from './NumberRouteModal';

/**
 * TEN-02, ACD-01, ACD-04: the numbers the platform operator assigned to this tenant, where their
 * calls go (agents, or a queue with a priority) and their greetings.
 */
export default function NumbersPage() {
  const { t } = useTranslation();
  const { membership } = useSession();
  const manage = can(membership, 'telephony.manage');
  const [page, setPage] = useState(0);
  const numbers = useNumbers(page);
  const [editing, setEditing] = useState<TenantNumber | null>(null);
  const queues = useQueueOptions(can(membership, 'queues.view', 'queues.manage'));

  const queueLabel = (id: string | null) => {
    const name = queues.data?.find((queue) => queue.id === id)?.name;
    if (name) return t('numbers.toQueue', { queue: name });
    // without queues.view the names are not readable: the number still says it goes to a queue
    return queues.isSuccess ? t('numbers.unknownQueue') : t('numbers.targets.QUEUE');
  };

  const data = numbers.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.size || NUMBERS_PAGE_SIZE))) : 1;

  let body;
  if (numbers.isPending) body = <LoadingState />;
  else if (numbers.isError)
    body = <ErrorState error={numbers.error} onRetry={() => void numbers.refetch()} />;
  else if (!data || data.items.length === 0)
    body = <EmptyState title={t('numbers.emptyTitle')} description={t('numbers.empty')} />;
  else
    body = (
      <Stack>
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover data-testid="numbers-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('numbers.number')}</Table.Th>
                <Table.Th>{t('numbers.type')}</Table.Th>
                <Table.Th>{t('numbers.target')}</Table.Th>
                <Table.Th>{t('numbers.greeting')}</Table.Th>
                {manage ? <Table.Th>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((number) => (
                <Table.Tr key={number.id} data-testid="number-row" data-e164={number.e164}>
                  <Table.Td fw={500} style={{ whiteSpace: 'nowrap' }} data-testid="number-formatted">
                    {formatE164(number.e164)}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={number.type === 'FREEPHONE' ? 'grape' : 'blue'}>
                      {t(`numberTypes.${number.type}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td data-testid="number-target">
                    {number.target === 'QUEUE' ? (
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm" data-testid="number-queue">
                          {queueLabel(number.queueId)}
                        </Text>
                        <Badge variant="outline" color="gray" data-testid="number-priority">
                          {t('numbers.priorityBadge', { priority: number.priority })}
                        </Badge>
                      </Group>
                    ) : (
                      t(`numbers.targets.${number.target}`)
                    )}
                  </Table.Td>
                  <Table.Td data-testid="number-greeting">
                    {number.greeting ? (
                      <Text size="sm" lineClamp={2}>
                        {number.greeting}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('numbers.defaultGreeting')}
                      </Text>
                    )}
                  </Table.Td>
                  {manage ? (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setEditing(number)}
                        data-testid="number-edit"
                        aria-label={t('numbers.editFor', { number: formatE164(number.e164) })}
                      >
                        {t('common.edit')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Pager page={page} totalPages={totalPages} onChange={setPage} />
      </Stack>
    );

  return (
    <>
      <PageHeader title={t('numbers.title')} description={t('numbers.subtitle')} />
      {body}
      {editing ? <NumberRouteModal number={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
