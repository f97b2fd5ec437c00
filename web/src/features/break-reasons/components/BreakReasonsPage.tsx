import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { ConfirmModal } from '@/lib/ui/ConfirmModal';
import { EditDeleteButtons } from '@/lib/ui/EditDeleteButtons';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { PageHeader } from '@/lib/ui/PageHeader';
import { Pager } from '@/lib/ui/Pager';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import {
  BREAK_REASONS_PAGE_SIZE,
  useBreakReasons,
  useDeleteBreakReason,
  type BreakReason,
} from '../api/breakReasons';
import { BreakReasonFormModal } from './BreakReasonFormModal';

/** ACD-05: the reasons agents pick when they take a break. Read-only with queues.view. */
export default function BreakReasonsPage() {
  const { t } = useTranslation();
  const { membership } = useSession();
  const manage = can(membership, 'queues.manage');
  const [page, setPage] = useState(0);
  const reasons = useBreakReasons(page);
  const remove = useDeleteBreakReason();
  const [editing, setEditing] = useState<BreakReason | 'new' | null>(null);
  const [deleting, setDeleting] = useState<BreakReason | null>(null);

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => notifySuccess(t('breakReasons.deleted', { name: deleting.name })),
      onError: (error) => notifyError(error, t),
      onSettled: () => setDeleting(null),
    });
  };

  const data = reasons.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.size || BREAK_REASONS_PAGE_SIZE))) : 1;

  let body;
  if (reasons.isPending) body = <LoadingState />;
  else if (reasons.isError)
    body = <ErrorState error={reasons.error} onRetry={() => void reasons.refetch()} />;
  else if (!data || data.items.length === 0)
    body = <EmptyState title={t('breakReasons.emptyTitle')} description={t('breakReasons.empty')} />;
  else
    body = (
      <Stack>
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover data-testid="break-reasons-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('breakReasons.name')}</Table.Th>
                <Table.Th>{t('breakReasons.pay')}</Table.Th>
                <Table.Th>{t('breakReasons.maxMinutes')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                {manage ? <Table.Th>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((reason) => (
                <Table.Tr key={reason.id} data-testid="break-reason-row" data-name={reason.name}>
                  <Table.Td fw={500}>{reason.name}</Table.Td>
                  <Table.Td>{reason.paid ? t('breakReasons.paid') : t('breakReasons.unpaid')}</Table.Td>
                  <Table.Td data-testid="break-reason-limit">
                    {reason.maxMinutes === null
                      ? t('breakReasons.noLimit')
                      : t('breakReasons.minutes', { minutes: reason.maxMinutes })}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={reason.enabled ? 'teal' : 'gray'} variant="light">
                      {reason.enabled ? t('common.enabled') : t('common.disabled')}
                    </Badge>
                  </Table.Td>
                  {manage ? (
                    <Table.Td>
                      <EditDeleteButtons
                        testId="break-reason"
                        onEdit={() => setEditing(reason)}
                        onDelete={() => setDeleting(reason)}
                      />
                    </Table.Td>
                  ) : null}
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
        title={t('breakReasons.title')}
        description={t('breakReasons.subtitle')}
        actions={
          manage ? (
            <Button onClick={() => setEditing('new')} data-testid="break-reasons-create">
              {t('breakReasons.create')}
            </Button>
          ) : null
        }
      />
      {body}
      {editing ? (
        <BreakReasonFormModal reason={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      <ConfirmModal
        opened={!!deleting}
        title={t('breakReasons.deleteTitle')}
        message={t('breakReasons.deleteConfirm', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      />
    </>
  );
}
