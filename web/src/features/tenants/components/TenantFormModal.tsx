import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useForm, type Errors } from '@/lib/form';
import { timeZones } from '@/lib/format';
import { ENDONYMS, LANGUAGES } from '@/lib/i18n/languages';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import { SLUG_PATTERN, useCreateTenant, type NewTenant } from '../api/tenants';

export function TenantFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateTenant();
  const form = useForm<NewTenant>(
    { slug: '', displayName: '', defaultLanguage: 'en', timeZone: 'Europe/Chisinau' },
    (v) => {
      const errors: Errors = {};
      if (!SLUG_PATTERN.test(v.slug)) errors.slug = t('tenants.slugRule');
      if (!v.displayName.trim()) errors.displayName = t('validation.required');
      if (!v.timeZone) errors.timeZone = t('validation.required');
      return errors;
    },
  );
  const submit = form.onSubmit((v) =>
    create.mutate(
      { ...v, displayName: v.displayName.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('tenants.created', { name: v.displayName.trim() }));
          onClose();
        },
        onError: (error) => {
          if (!form.applyProblem(error, { 'tenant.slug-taken': 'slug' })) notifyError(error, t);
        },
      },
    ),
  );
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('tenants.create')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="tenant-form">
        <Stack>
          <TextInput
            label={t('tenants.slug')}
            description={t('tenants.slugRule')}
            required
            data-autofocus
            {...form.text('slug')}
            onChange={(event) => form.setField('slug', event.currentTarget.value.toLowerCase())}
          />
          <TextInput label={t('tenants.displayName')} required {...form.text('displayName')} />
          <NativeSelect
            label={t('tenants.defaultLanguage')}
            {...form.text('defaultLanguage')}
            data={LANGUAGES.map((code) => ({ value: code, label: ENDONYMS[code] }))}
          />
          <NativeSelect label={t('tenants.timeZone')} {...form.text('timeZone')} data={timeZones()} />
          <FormAlert messages={form.formErrors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="tenant-save">
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
