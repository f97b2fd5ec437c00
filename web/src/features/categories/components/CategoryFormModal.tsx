import { Button, Group, Modal, NativeSelect, NumberInput, Stack, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useForm, type Errors } from '@/lib/form';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import {
  NAME_MAX,
  pathName,
  POSITION_MAX,
  subtreeIds,
  useSaveCategory,
  type Category,
} from '../api/categories';

interface Values {
  name: string;
  parentId: string;
  position: number | string;
  active: boolean;
}

/** AGT-05: add a category (at the top or under another) or rename, move and reorder one. */
export function CategoryFormModal({
  category,
  parentId,
  categories,
  onClose,
}: {
  category: Category | null;
  /** where a new category goes */
  parentId: string | null;
  categories: Category[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveCategory();
  const form = useForm<Values>(
    {
      name: category?.name ?? '',
      parentId: (category ? category.parentId : parentId) ?? '',
      position: category?.position ?? 0,
      active: category?.active ?? true,
    },
    (v) => {
      const errors: Errors = {};
      const name = v.name.trim();
      if (!name) errors.name = t('validation.required');
      else if (name.length > NAME_MAX) errors.name = t('validation.maxLength', { max: NAME_MAX });
      if (
        v.position === '' ||
        !Number.isInteger(Number(v.position)) ||
        Number(v.position) < 0 ||
        Number(v.position) > POSITION_MAX
      )
        errors.position = t('validation.range', { min: 0, max: POSITION_MAX });
      return errors;
    },
  );
  // a category cannot go under itself or under one of its own sub-categories
  const excluded = category ? subtreeIds(categories, category.id) : new Set<string>();
  const parents = categories
    .filter((c) => !excluded.has(c.id))
    .map((c) => ({ value: c.id, label: pathName(categories, c.id) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        id: category?.id,
        input: {
          name: v.name.trim(),
          parentId: v.parentId || null,
          active: v.active,
          position: Number(v.position),
          ...(category ? { version: category.version } : {}),
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('categories.saved', { name: v.name.trim() }));
          onClose();
        },
        onError: (error) => {
          if (!form.applyProblem(error, { 'category.name-taken': 'name', 'category.cycle': 'parentId' }))
            notifyError(error, t);
        },
      },
    ),
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={category ? t('categories.edit') : t('categories.create')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="category-form">
        <Stack>
          <TextInput
            label={t('categories.name')}
            required
            autoComplete="off"
            data-autofocus
            {...form.text('name')}
          />
          <NativeSelect
            label={t('categories.parent')}
            {...form.text('parentId')}
            data={[{ value: '', label: t('categories.topLevel') }, ...parents]}
          />
          <NumberInput
            label={t('categories.position')}
            description={t('categories.positionHint')}
            name="position"
            min={0}
            max={POSITION_MAX}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            value={form.values.position}
            onChange={(value) => form.setField('position', value)}
            error={form.error('position')}
          />
          <Switch
            label={t('categories.active')}
            description={t('categories.activeHint')}
            name="active"
            checked={form.values.active}
            onChange={(event) => form.setField('active', event.currentTarget.checked)}
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
