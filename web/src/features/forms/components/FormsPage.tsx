import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api/client';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { ConfirmModal } from '@/lib/ui/ConfirmModal';
import { EditDeleteButtons } from '@/lib/ui/EditDeleteButtons';
import { errorMessage, notifyError, notifySuccess } from '@/lib/ui/notify';
import { PageHeader } from '@/lib/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import { useDeleteForm, useForms, useSaveForm, type IntakeForm } from '../api/forms';
import { FormEditorModal } from './FormEditorModal';

/** CRM-02: the tenant's intake forms; crm.configure designs them, clients.view reads them. */
export default function FormsPage() {
  const { t } = useTranslation();
  const { membership } = useSession();
  const configure = can(membership, 'crm.configure');
  const forms = useForms();
  const remove = useDeleteForm();
  const save = useSaveForm();
  const [editing, setEditing] = useState<IntakeForm | 'new' | null>(null);
  const [deleting, setDeleting] = useState<IntakeForm | null>(null);
  /** why the server kept the form: it has answers (409 form.has-answers) */
  const [kept, setKept] = useState<string | null>(null);

  const closeDelete = () => {
    setDeleting(null);
    setKept(null);
  };

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        notifySuccess(t('forms.deleted', { name: deleting.name }));
        closeDelete();
      },
      onError: (error) => {
        if (isApiError(error) && error.status === 409) setKept(errorMessage(error, t));
        else {
          notifyError(error, t);
          closeDelete();
        }
      },
    });
  };

  const deactivate = () => {
    if (!deleting) return;
    const { id, version, name, description, fields } = deleting;
    save.mutate(
      { id, input: { name, description, active: false, fields, version } },
      {
        onSuccess: () => {
          notifySuccess(t('forms.deactivated', { name }));
          closeDelete();
        },
        onError: (error) => notifyError(error, t),
      },
    );
  };

  const createButton = configure ? (
    <Button onClick={() => setEditing('new')} data-testid="forms-create">
      {t('forms.create')}
    </Button>
  ) : null;

  const items = [...(forms.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  let body;
  if (forms.isPending) body = <LoadingState />;
  else if (forms.isError) body = <ErrorState error={forms.error} onRetry={() => void forms.refetch()} />;
  else if (items.length === 0)
    body = (
      <EmptyState
        title={t('forms.emptyTitle')}
        description={configure ? t('forms.emptyConfigure') : t('forms.empty')}
        action={createButton}
      />
    );
  else
    body = (
      <Stack>
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover data-testid="forms-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('forms.name')}</Table.Th>
                <Table.Th>{t('forms.fields')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                {configure ? <Table.Th>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((form) => (
                <Table.Tr key={form.id} data-testid="form-row" data-id={form.id}>
                  <Table.Td>
                    <Text fw={500} size="sm">
                      {form.name}
                    </Text>
                    {form.description ? (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {form.description}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {[...form.fields]
                        .sort((a, b) => a.position - b.position)
                        .map((field) => (
                          <Badge key={field.key} size="sm" variant="outline" tt="none">
                            {field.label}
                            {field.required ? ' *' : ''}
                          </Badge>
                        ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={form.active ? 'green' : 'gray'} variant="light">
                      {form.active ? t('forms.activeBadge') : t('forms.inactiveBadge')}
                    </Badge>
                  </Table.Td>
                  {configure ? (
                    <Table.Td>
                      <EditDeleteButtons
                        testId="form"
                        onEdit={() => setEditing(form)}
                        onDelete={() => setDeleting(form)}
                      />
                    </Table.Td>
                  ) : null}
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
        title={t('forms.title')}
        description={configure ? t('forms.subtitle') : t('forms.subtitleReadOnly')}
        actions={createButton}
      />
      {body}
      {editing ? (
        <FormEditorModal form={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      <ConfirmModal
        opened={!!deleting}
        title={t('forms.deleteTitle')}
        message={t('forms.deleteConfirm', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        confirmDisabled={!!kept}
        onConfirm={confirmDelete}
        onCancel={closeDelete}
      >
        {kept ? (
          <Alert color="orange" role="alert" data-testid="form-delete-kept">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{kept}</Text>
              <Text size="sm">{t('forms.deactivateHint')}</Text>
              {deleting?.active ? (
                <Button
                  size="xs"
                  variant="light"
                  loading={save.isPending}
                  onClick={deactivate}
                  data-testid="form-deactivate"
                >
                  {t('forms.deactivate')}
                </Button>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
      </ConfirmModal>
    </>
  );
}
