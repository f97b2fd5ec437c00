import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api/client';
import { ConfirmModal } from '@/lib/ui/ConfirmModal';
import { EditDeleteButtons } from '@/lib/ui/EditDeleteButtons';
import { errorMessage, notifySuccess } from '@/lib/ui/notify';
import { PageHeader } from '@/lib/ui/PageHeader';
import { Pager } from '@/lib/ui/Pager';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import {
  CARRIERS_PAGE_SIZE,
  CODEC_NAMES,
  useCarriers,
  useDeleteCarrier,
  type Carrier,
} from '../api/carriers';
import { CarrierFormModal } from './CarrierFormModal';

/** TEL-02: the platform admin's SIP trunks, shared by every tenant's numbers. */
export default function CarriersPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const carriers = useCarriers(page);
  const remove = useDeleteCarrier();
  const [editing, setEditing] = useState<Carrier | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Carrier | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const askDelete = (carrier: Carrier) => {
    remove.reset();
    setDeleteError(null);
    setDeleting(carrier);
  };

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        notifySuccess(t('carriers.deleted', { name: deleting.name }));
        setDeleting(null);
      },
      // Stays open with the reason: a carrier that still carries numbers cannot go.
      onError: (error) =>
        setDeleteError(
          isApiError(error) && error.code === 'carrier.in-use'
            ? t('carriers.inUse', { name: deleting.name })
            : errorMessage(error, t),
        ),
    });
  };

  const data = carriers.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.size || CARRIERS_PAGE_SIZE))) : 1;

  let body;
  if (carriers.isPending) body = <LoadingState />;
  else if (carriers.isError)
    body = <ErrorState error={carriers.error} onRetry={() => void carriers.refetch()} />;
  else if (!data || data.items.length === 0)
    body = <EmptyState title={t('carriers.emptyTitle')} description={t('carriers.empty')} />;
  else
    body = (
      <Stack>
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover data-testid="carriers-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('carriers.name')}</Table.Th>
                <Table.Th>{t('carriers.address')}</Table.Th>
                <Table.Th>{t('carriers.codecs')}</Table.Th>
                <Table.Th>{t('carriers.matchCidrs')}</Table.Th>
                <Table.Th>{t('carriers.numbers')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((carrier) => (
                <Table.Tr key={carrier.id} data-testid="carrier-row" data-carrier-name={carrier.name}>
                  <Table.Td fw={500}>{carrier.name}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {carrier.host}:{carrier.port}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {carrier.transport.toUpperCase()}
                      {carrier.username ? ` · ${carrier.username}` : ''}
                      {carrier.hasPassword ? ` · ${t('carriers.passwordSet')}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {carrier.codecs.map((codec) => (
                        <Badge key={codec} variant="outline" size="sm" tt="none">
                          {CODEC_NAMES[codec] ?? codec}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {carrier.matchCidrs.length ? carrier.matchCidrs.join(', ') : '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td data-testid="carrier-number-count">{carrier.numberCount}</Table.Td>
                  <Table.Td>
                    <Badge color={carrier.enabled ? 'teal' : 'gray'} variant="light">
                      {carrier.enabled ? t('common.enabled') : t('common.disabled')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <EditDeleteButtons
                      testId="carrier"
                      onEdit={() => setEditing(carrier)}
                      onDelete={() => askDelete(carrier)}
                    />
                  </Table.Td>
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
      <PageHeader
        title={t('carriers.title')}
        description={t('carriers.subtitle')}
        actions={
          <Button onClick={() => setEditing('new')} data-testid="carriers-create">
            {t('carriers.create')}
          </Button>
        }
      />
      {body}
      {editing ? (
        <CarrierFormModal carrier={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      <ConfirmModal
        opened={!!deleting}
        title={t('carriers.deleteTitle')}
        message={
          deleting && deleting.numberCount > 0
            ? t('carriers.deleteConfirmNumbers', { name: deleting.name, numbers: deleting.numberCount })
            : t('carriers.deleteConfirm', { name: deleting?.name ?? '' })
        }
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        confirmDisabled={!!deleteError}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      >
        {deleteError ? (
          <Alert color="red" role="alert" data-testid="delete-error">
            {deleteError}
          </Alert>
        ) : null}
      </ConfirmModal>
    </>
  );
}
