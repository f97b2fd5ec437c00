import {
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm, type Errors } from '@/lib/form';
import { ConfirmModal } from '@/lib/ui/ConfirmModal';
import { EditDeleteButtons } from '@/lib/ui/EditDeleteButtons';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { EmptyState, FormAlert } from '@/lib/ui/states';
import { CATEGORY_NAME_MAX, useDeleteCategory, useSaveCategory, type Category } from '../api/kb';
import { categoryTree, descendants } from '../utils/categories';

/** HD-03: create, rename, move and delete categories (kb.manage). */
export function CategoriesPanel({ categories }: { categories: Category[] }) {
  const { t } = useTranslation();
  const remove = useDeleteCategory();
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Category | null>(null);
  const nodes = categoryTree(categories);

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      // 409 kb.category.has-articles / has-children: the server says what to move first
      onSuccess: () => notifySuccess(t('kb.categories.deleted', { name: deleting.name })),
      onError: (error) => notifyError(error, t),
      onSettled: () => setDeleting(null),
    });
  };

  return (
    <Stack maw={880}>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('kb.categories.hint')}
        </Text>
        <Button onClick={() => setEditing('new')} data-testid="category-create">
          {t('kb.categories.create')}
        </Button>
      </Group>
      {nodes.length === 0 ? (
        <EmptyState title={t('kb.categories.emptyTitle')} description={t('kb.categories.empty')} />
      ) : (
        <Table striped data-testid="categories-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('kb.categories.name')}</Table.Th>
              <Table.Th>{t('kb.categories.position')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {nodes.map(({ category, depth }) => (
              <Table.Tr key={category.id} data-testid="category-row" data-name={category.name}>
                <Table.Td style={{ paddingLeft: 12 + depth * 20 }}>{category.name}</Table.Td>
                <Table.Td>{category.position}</Table.Td>
                <Table.Td>
                  <EditDeleteButtons
                    testId="category"
                    onEdit={() => setEditing(category)}
                    onDelete={() => setDeleting(category)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing ? (
        <CategoryFormModal
          category={editing === 'new' ? null : editing}
          categories={categories}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmModal
        opened={!!deleting}
        title={t('kb.categories.deleteTitle')}
        message={t('kb.categories.deleteConfirm', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      />
    </Stack>
  );
}

interface Values {
  name: string;
  parentId: string;
  position: number | string;
}

function CategoryFormModal({
  category,
  categories,
  onClose,
}: {
  category: Category | null;
  categories: Category[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveCategory();
  const form = useForm<Values>(
    { name: category?.name ?? '', parentId: category?.parentId ?? '', position: category?.position ?? 0 },
    (v) => {
      const errors: Errors = {};
      const name = v.name.trim();
      if (!name) errors.name = t('validation.required');
      else if (name.length > CATEGORY_NAME_MAX)
        errors.name = t('validation.maxLength', { max: CATEGORY_NAME_MAX });
      const position = Number(v.position);
      if (v.position === '' || !Number.isInteger(position) || position < 0 || position > 100_000)
        errors.position = t('validation.range', { min: 0, max: 100_000 });
      return errors;
    },
  );
  // a category cannot go under itself or one of its own sub-categories
  const excluded = category ? descendants(categories, category.id) : new Set<string>();
  const parents = categoryTree(categories).filter((node) => !excluded.has(node.category.id));

  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        id: category?.id,
        input: {
          name: v.name.trim(),
          parentId: v.parentId || null,
          position: Number(v.position),
          ...(category ? { version: category.version } : {}),
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('kb.categories.saved'));
          onClose();
        },
        onError: (error) => {
          if (
            !form.applyProblem(error, { 'kb.category.name-taken': 'name', 'kb.category.cycle': 'parentId' })
          )
            notifyError(error, t);
        },
      },
    ),
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={category ? t('kb.categories.edit') : t('kb.categories.create')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="category-form">
        <Stack>
          <TextInput label={t('kb.categories.name')} required data-autofocus {...form.text('name')} />
          <NativeSelect
            label={t('kb.categories.parent')}
            {...form.text('parentId')}
            data={[
              { value: '', label: t('kb.categories.topLevel') },
              ...parents.map((node) => ({ value: node.category.id, label: node.path })),
            ]}
          />
          <NumberInput
            label={t('kb.categories.position')}
            description={t('kb.categories.positionHint')}
            name="position"
            min={0}
            max={100_000}
            allowDecimal={false}
            allowNegative={false}
            value={form.values.position}
            onChange={(value) => form.setField('position', value)}
            error={form.error('position')}
          />
          <FormAlert messages={form.formErrors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="category-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
