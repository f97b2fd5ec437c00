import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/lib/ui/ConfirmModal';
import { EditDeleteButtons } from '@/lib/ui/EditDeleteButtons';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { PageHeader } from '@/lib/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import {
  TYPES_WITH_OPTIONS,
  useClientFields,
  useDeleteClientField,
  type ClientField,
} from '../api/clientFields';
import { ClientFieldFormModal } from './ClientFieldFormModal';
import { CrmLinkSection } from './CrmLinkSection';

/** CRM-02, AGT-12: the tenant's custom client fields and the link to its own CRM (crm.configure). */
export default function ClientFieldsPage() {
  const { t } = useTranslation();
  const fields = useClientFields();
  const remove = useDeleteClientField();
  const [editing, setEditing] = useState<ClientField | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ClientField | null>(null);

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => notifySuccess(t('clientFields.deleted', { label: deleting.label })),
      onError: (error) => notifyError(error, t),
      onSettled: () => setDeleting(null),
    });
  };

  const items = fields.data ?? [];
  const nextPosition = items.reduce((max, f) => Math.max(max, f.position + 1), 0);

  let body;
  if (fields.isPending) body = <LoadingState />;
  else if (fields.isError) body = <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />;
  else if (items.length === 0)
    body = <EmptyState title={t('clientFields.emptyTitle')} description={t('clientFields.empty')} />;
  else
    body = (
      <Stack>
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover data-testid="client-fields-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('clientFields.position')}</Table.Th>
                <Table.Th>{t('clientFields.label')}</Table.Th>
                <Table.Th>{t('clientFields.key')}</Table.Th>
                <Table.Th>{t('clientFields.type')}</Table.Th>
                <Table.Th>{t('clientFields.options')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((field) => (
                <Table.Tr key={field.id} data-testid="client-field-row" data-key={field.key}>
                  <Table.Td>{field.position}</Table.Td>
                  <Table.Td fw={500}>
                    {field.label}
                    {field.required ? (
                      <Badge ml="xs" size="xs" variant="light" color="orange">
                        {t('clientFields.requiredBadge')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" data-raw-code>
                      {field.key}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`clientFields.types.${field.type}`, field.type)}</Table.Td>
                  <Table.Td>
                    {TYPES_WITH_OPTIONS.includes(field.type) ? (
                      <Group gap={4}>
                        {field.options.map((option) => (
                          <Badge key={option} size="sm" variant="outline" tt="none">
                            {option}
                          </Badge>
                        ))}
                      </Group>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    <EditDeleteButtons
                      testId="client-field"
                      onEdit={() => setEditing(field)}
                      onDelete={() => setDeleting(field)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="sm" c="dimmed">
          {t('common.totalItems', { total: items.length })}
        </Text>
      </Stack>
    );

  return (
    <>
      <PageHeader
        title={t('clientFields.title')}
        description={t('clientFields.subtitle')}
        actions={
          <Button onClick={() => setEditing('new')} data-testid="client-fields-create">
            {t('clientFields.create')}
          </Button>
        }
      />
      {body}
      <CrmLinkSection />
      {editing ? (
        <ClientFieldFormModal
          field={editing === 'new' ? null : editing}
          nextPosition={nextPosition}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmModal
        opened={!!deleting}
        title={t('clientFields.deleteTitle')}
        message={t('clientFields.deleteConfirm', { label: deleting?.label ?? '' })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      />
    </>
  );
}
