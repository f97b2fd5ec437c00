import { Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatE164 } from '@/lib/phone';
import { ConfirmModal } from '@/lib/ui/ConfirmModal';
import { EditDeleteButtons } from '@/lib/ui/EditDeleteButtons';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { PageHeader } from '@/lib/ui/PageHeader';
import { Pager } from '@/lib/ui/Pager';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import {
  INVENTORY_PAGE_SIZE,
  useCarrierOptions,
  useDeleteInventoryNumber,
  useInventory,
  useTenantOptions,
  type InventoryNumber,
} from '../api/inventory';
import { InventoryFormModal } from './InventoryFormModal';

/** TEN-02: the platform's numbers, their carriers and the tenants they are assigned to. */
export default function InventoryPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [tenantId, setTenantId] = useState('');
  const [page, setPage] = useState(0);
  const numbers = useInventory({ q, tenantId }, page);
  const carriers = useCarrierOptions();
  const tenants = useTenantOptions();
  const remove = useDeleteInventoryNumber();
  const [editing, setEditing] = useState<InventoryNumber | 'new' | null>(null);
  const [deleting, setDeleting] = useState<InventoryNumber | null>(null);

  const tenantName = (id: string | null) =>
    id ? (tenants.data?.find((tenant) => tenant.id === id)?.name ?? id) : null;

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        notifySuccess(t('inventory.deleted', { number: formatE164(deleting.e164) }));
        setDeleting(null);
      },
      onError: (error) => {
        notifyError(error, t);
        setDeleting(null);
      },
    });
  };

  const data = numbers.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.size || INVENTORY_PAGE_SIZE))) : 1;
  const filtered = !!q || !!tenantId;

  let body;
  if (numbers.isPending) body = <LoadingState />;
  else if (numbers.isError)
    body = <ErrorState error={numbers.error} onRetry={() => void numbers.refetch()} />;
  else if (!data || data.items.length === 0)
    body = filtered ? (
      <EmptyState title={t('common.noResultsTitle')} description={t('inventory.emptyFiltered')} />
    ) : (
      <EmptyState title={t('inventory.emptyTitle')} description={t('inventory.empty')} />
    );
  else
    body = (
      <Stack>
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover data-testid="inventory-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('inventory.number')}</Table.Th>
                <Table.Th>{t('inventory.type')}</Table.Th>
                <Table.Th>{t('inventory.carrier')}</Table.Th>
                <Table.Th>{t('inventory.tenant')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((number) => {
                const tenant = tenantName(number.tenantId);
                return (
                  <Table.Tr key={number.id} data-testid="inventory-row" data-e164={number.e164}>
                    <Table.Td fw={500} style={{ whiteSpace: 'nowrap' }}>
                      {formatE164(number.e164)}
                    </Table.Td>
                    <Table.Td>{t(`numberTypes.${number.type}`)}</Table.Td>
                    <Table.Td>{number.carrierName}</Table.Td>
                    <Table.Td data-testid="inventory-tenant">
                      {tenant ?? (
                        <Badge color="gray" variant="light">
                          {t('inventory.unassigned')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <EditDeleteButtons
                        testId="inventory"
                        onEdit={() => setEditing(number)}
                        onDelete={() => setDeleting(number)}
                      />
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
        title={t('inventory.title')}
        description={t('inventory.subtitle')}
        actions={
          <Button onClick={() => setEditing('new')} data-testid="inventory-create">
            {t('inventory.create')}
          </Button>
        }
      />
      <Group mb="md" align="flex-end" gap="md">
        <TextInput
          maw={320}
          type="search"
          label={t('common.search')}
          placeholder={t('inventory.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(0);
          }}
          data-testid="inventory-search"
        />
        <NativeSelect
          label={t('inventory.tenant')}
          value={tenantId}
          onChange={(event) => {
            setTenantId(event.currentTarget.value);
            setPage(0);
          }}
          data={[
            { value: '', label: t('inventory.allTenants') },
            ...(tenants.data ?? []).map((tenant) => ({ value: tenant.id, label: tenant.name })),
          ]}
          data-testid="inventory-tenant-filter"
        />
      </Group>
      {body}
      {editing ? (
        <InventoryFormModal
          number={editing === 'new' ? null : editing}
          carriers={carriers.data ?? []}
          tenants={tenants.data ?? []}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmModal
        opened={!!deleting}
        title={t('inventory.deleteTitle')}
        message={
          deleting?.tenantId
            ? t('inventory.deleteConfirmAssigned', {
                number: formatE164(deleting.e164),
                tenant: tenantName(deleting.tenantId) ?? '',
              })
            : t('inventory.deleteConfirm', { number: formatE164(deleting?.e164) })
        }
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      />
    </>
  );
}
