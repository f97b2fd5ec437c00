import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useForm, type Errors } from '@/lib/form';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import { MAPPING_NAME_MAX, useSaveMapping, type ImportMapping, type SavedMapping } from '../api/clientImport';

/**
 * "Save mapping as…" (integrations.manage): a new name saves a new mapping; the name of the mapping
 * that was loaded replaces that one, with its version.
 */
export function SaveMappingModal({
  mapping,
  loaded,
  existing,
  onSaved,
  onClose,
}: {
  mapping: ImportMapping;
  loaded: SavedMapping | null;
  existing: SavedMapping[];
  onSaved: (saved: SavedMapping) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveMapping();
  const form = useForm({ name: loaded?.name ?? '' }, (v) => {
    const errors: Errors = {};
    const name = v.name.trim();
    if (!name) errors.name = t('validation.required');
    else if (name.length > MAPPING_NAME_MAX)
      errors.name = t('validation.maxLength', { max: MAPPING_NAME_MAX });
    else if (existing.some((m) => m.id !== loaded?.id && m.name.toLowerCase() === name.toLowerCase()))
      errors.name = t('clientImport.saveMapping.taken');
    return errors;
  });
  const name = form.values.name.trim();
  const replacing = !!loaded && loaded.name.toLowerCase() === name.toLowerCase();

  const submit = form.onSubmit(() =>
    save.mutate(replacing ? { id: loaded.id, name, mapping, version: loaded.version } : { name, mapping }, {
      onSuccess: (saved) => {
        notifySuccess(t('clientImport.saveMapping.saved', { name }));
        onSaved(saved);
        onClose();
      },
      onError: (error) => {
        if (!form.applyProblem(error, { 'client-import.mapping-name-taken': 'name' })) notifyError(error, t);
      },
    }),
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('clientImport.saveMapping.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="save-mapping-form">
        <Stack>
          <TextInput
            label={t('clientImport.saveMapping.name')}
            required
            autoComplete="off"
            data-autofocus
            {...form.text('name')}
          />
          {replacing ? (
            <Text size="sm" c="dimmed">
              {t('clientImport.saveMapping.replaces', { name: loaded.name })}
            </Text>
          ) : null}
          <FormAlert messages={form.formErrors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="save-mapping-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
