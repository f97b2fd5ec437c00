import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api/client';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { ConfirmModal } from '@/lib/ui/ConfirmModal';
import { errorMessage, notifyError, notifySuccess } from '@/lib/ui/notify';
import { PageHeader } from '@/lib/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import {
  buildTree,
  flatten,
  useCategories,
  useDeleteCategory,
  useSaveCategory,
  type Category,
} from '../api/categories';
import { CategoryFormModal } from './CategoryFormModal';

type Editing = { category: Category | null; parentId: string | null };

/** AGT-05: the tenant's tree of categories; crm.configure or agents.monitor change it, clients.view reads it. */
export default function CategoriesPage() {
  const { t } = useTranslation();
  const { membership } = useSession();
  const edit = can(membership, 'crm.configure', 'agents.monitor');
  const categories = useCategories();
  const save = useSaveCategory();
  const remove = useDeleteCategory();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<Category | null>(null);
  const [deactivating, setDeactivating] = useState<Category | null>(null);
  const [kept, setKept] = useState<string | null>(null);

  const all = categories.data ?? [];
  const rows = flatten(buildTree(all));

  const setActive = (category: Category, active: boolean, onDone?: () => void) =>
    save.mutate(
      {
        id: category.id,
        input: {
          name: category.name,
          parentId: category.parentId,
          active,
          position: category.position,
          version: category.version,
        },
      },
      {
        onSuccess: () =>
          notifySuccess(
            t(active ? 'categories.activated' : 'categories.deactivated', { name: category.name }),
          ),
        onError: (error) => notifyError(error, t),
        onSettled: onDone,
      },
    );

  const closeDelete = () => {
    setDeleting(null);
    setKept(null);
  };

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        notifySuccess(t('categories.deleted', { name: deleting.name }));
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

  const createButton = edit ? (
    <Button onClick={() => setEditing({ category: null, parentId: null })} data-testid="categories-create">
      {t('categories.create')}
    </Button>
  ) : null;

  let body;
  if (categories.isPending) body = <LoadingState />;
  else if (categories.isError)
    body = <ErrorState error={categories.error} onRetry={() => void categories.refetch()} />;
  else if (rows.length === 0)
    body = (
      <EmptyState
        title={t('categories.emptyTitle')}
        description={edit ? t('categories.emptyEdit') : t('categories.empty')}
        action={createButton}
      />
    );
  else
    body = (
      <Stack>
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover data-testid="categories-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('categories.name')}</Table.Th>
                <Table.Th>{t('categories.position')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                {edit ? <Table.Th>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ category, depth }) => (
                <Table.Tr
                  key={category.id}
                  data-testid="category-row"
                  data-id={category.id}
                  data-depth={depth}
                  aria-level={depth + 1}
                >
                  <Table.Td>
                    <Text
                      size="sm"
                      fw={depth === 0 ? 600 : 400}
                      pl={depth * 24}
                      c={category.active ? undefined : 'dimmed'}
                    >
                      {depth > 0 ? (
                        <Text span c="dimmed" aria-hidden>
                          {'└ '}
                        </Text>
                      ) : null}
                      {category.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>{category.position}</Table.Td>
                  <Table.Td>
                    <Badge color={category.active ? 'green' : 'gray'} variant="light">
                      {category.active ? t('categories.activeBadge') : t('categories.inactiveBadge')}
                    </Badge>
                  </Table.Td>
                  {edit ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setEditing({ category: null, parentId: category.id })}
                          aria-label={t('categories.addChildOf', { name: category.name })}
                          data-testid="category-add-child"
                        >
                          {t('categories.addChild')}
                        </Button>
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setEditing({ category, parentId: category.parentId })}
                          data-testid="category-edit"
                        >
                          {t('common.edit')}
                        </Button>
                        {category.active ? (
                          <Button
                            size="xs"
                            variant="light"
                            color="orange"
                            onClick={() => setDeactivating(category)}
                            data-testid="category-deactivate"
                          >
                            {t('categories.deactivate')}
                          </Button>
                        ) : (
                          <Button
                            size="xs"
                            variant="light"
                            color="green"
                            loading={save.isPending && save.variables?.id === category.id}
                            onClick={() => setActive(category, true)}
                            data-testid="category-activate"
                          >
                            {t('categories.activate')}
                          </Button>
                        )}
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          onClick={() => setDeleting(category)}
                          data-testid="category-delete"
                        >
                          {t('common.delete')}
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="sm" c="dimmed">
          {t('common.totalItems', { total: rows.length })}
        </Text>
      </Stack>
    );

  return (
    <>
      <PageHeader
        title={t('categories.title')}
        description={edit ? t('categories.subtitle') : t('categories.subtitleReadOnly')}
        actions={createButton}
      />
      {body}
      {editing ? (
        <CategoryFormModal
          category={editing.category}
          parentId={editing.parentId}
          categories={all}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmModal
        opened={!!deactivating}
        title={t('categories.deactivateTitle')}
        message={t('categories.deactivateConfirm', { name: deactivating?.name ?? '' })}
        confirmLabel={t('categories.deactivate')}
        danger={false}
        loading={save.isPending}
        onConfirm={() => deactivating && setActive(deactivating, false, () => setDeactivating(null))}
        onCancel={() => setDeactivating(null)}
      />
      <ConfirmModal
        opened={!!deleting}
        title={t('categories.deleteTitle')}
        message={t('categories.deleteConfirm', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        confirmDisabled={!!kept}
        onConfirm={confirmDelete}
        onCancel={closeDelete}
      >
        {kept ? (
          <Alert color="orange" role="alert" data-testid="category-delete-kept">
            <Text size="sm">{kept}</Text>
            <Text size="sm" mt={4}>
              {t('categories.keptHint')}
            </Text>
          </Alert>
        ) : null}
      </ConfirmModal>
    </>
  );
}
