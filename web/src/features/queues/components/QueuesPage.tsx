import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { ConfirmModal } from '@/lib/ui/ConfirmModal';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { EditDeleteButtons } from '@/lib/ui/EditDeleteButtons';
import { PageHeader } from '@/lib/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import { useCalendarOptions, useDeleteQueue, useQueues, type Queue } from '../api/queues';

/** ADM-02, ACD-01, ACD-02: queues of the active tenant; read-only for people with queues.view only. */
export default function QueuesPage() {
  const { t } = useTranslation();
  const { membership } = useSession();
  const manage = can(membership, 'queues.manage');
  const queues = useQueues();
  const calendars = useCalendarOptions(can(membership, 'calendars.view', 'calendars.manage'));
  const remove = useDeleteQueue();
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState<Queue | null>(null);

  const calendarName = (id?: string | null) =>
    id ? (calendars.data?.find((c) => c.id === id)?.name ?? '—') : '—';

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        notifySuccess(t('queues.deleted', { name: deleting.name }));
        setDeleting(null);
      },
      onError: (error) => {
        notifyError(error, t);
        setDeleting(null);
      },
    });
  };

  const createButton = manage ? (
    <Button component={Link} to="/queues/new" data-testid="queues-create">
      {t('queues.create')}
    </Button>
  ) : null;

  let body;
  if (queues.isPending) body = <LoadingState />;
  else if (queues.isError) body = <ErrorState error={queues.error} onRetry={() => void queues.refetch()} />;
  else if (queues.data.length === 0)
    body = <EmptyState title={t('queues.emptyTitle')} description={t('queues.empty')} />;
  else
    body = (
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover data-testid="queues-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('queues.name')}</Table.Th>
              <Table.Th>{t('queues.description')}</Table.Th>
              <Table.Th>{t('queues.strategy')}</Table.Th>
              <Table.Th>{t('queues.serviceLevel')}</Table.Th>
              <Table.Th>{t('queues.calendar')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
              {manage ? <Table.Th>{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queues.data.map((queue) => (
              <Table.Tr key={queue.id} data-testid="queue-row" data-queue-name={queue.name}>
                <Table.Td data-testid="queue-name" fw={500}>
                  <Anchor
                    component={Link}
                    to={`/queues/${queue.id}`}
                    size="sm"
                    fw={500}
                    data-testid="queue-open"
                  >
                    {queue.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {queue.description || '—'}
                  </Text>
                </Table.Td>
                <Table.Td data-testid="queue-strategy">
                  {queue.strategy ? t(`queues.strategies.${queue.strategy}`) : '—'}
                </Table.Td>
                <Table.Td>{t('queues.seconds', { seconds: queue.serviceLevelSeconds })}</Table.Td>
                <Table.Td>{calendarName(queue.calendarId)}</Table.Td>
                <Table.Td>
                  <Badge color={queue.enabled ? 'teal' : 'gray'} variant="light">
                    {queue.enabled ? t('common.enabled') : t('common.disabled')}
                  </Badge>
                </Table.Td>
                {manage ? (
                  <Table.Td>
                    <EditDeleteButtons
                      testId="queue"
                      onEdit={() => navigate(`/queues/${queue.id}`)}
                      onDelete={() => setDeleting(queue)}
                    />
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );

  return (
    <>
      <PageHeader title={t('queues.title')} description={t('queues.subtitle')} actions={createButton} />
      {body}
      <ConfirmModal
        opened={!!deleting}
        title={t('queues.deleteTitle')}
        message={t('queues.deleteConfirm', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      />
    </>
  );
}
