import { Button, Group, Modal, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useForm, type Errors } from '@/lib/form';
import { currentLanguage } from '@/lib/i18n/i18n';
import { ENDONYMS, LANGUAGES } from '@/lib/i18n/languages';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import { useCreatePerson, type NewPerson } from '../api/people';

const USERNAME_PATTERN = /^[a-zA-Z0-9._@-]{3,64}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function PersonFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePerson();
  const form = useForm<NewPerson>(
    { username: '', displayName: '', email: '', locale: currentLanguage(), initialPassword: '' },
    (v) => {
      const errors: Errors = {};
      if (!USERNAME_PATTERN.test(v.username.trim())) errors.username = t('users.usernameRule');
      if (!v.displayName.trim()) errors.displayName = t('validation.required');
      if (v.email.trim() && !EMAIL_PATTERN.test(v.email.trim())) errors.email = t('validation.email');
      if (!v.initialPassword) errors.initialPassword = t('validation.required');
      return errors;
    },
  );
  const submit = form.onSubmit((v) =>
    create.mutate(
      { ...v, username: v.username.trim(), displayName: v.displayName.trim(), email: v.email.trim() },
      {
        onSuccess: (person) => {
          notifySuccess(t('people.created', { name: v.username.trim() }));
          onClose();
          if (person?.id) void navigate(`/platform/people/${person.id}`);
        },
        onError: (error) => {
          if (!form.applyProblem(error, { 'person.username-taken': 'username' })) notifyError(error, t);
        },
      },
    ),
  );
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('people.create')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="person-form">
        <Stack>
          <TextInput
            label={t('users.username')}
            required
            data-autofocus
            autoComplete="off"
            {...form.text('username')}
          />
          <TextInput label={t('users.displayName')} required {...form.text('displayName')} />
          <TextInput label={t('users.email')} type="email" {...form.text('email')} />
          <NativeSelect
            label={t('users.locale')}
            {...form.text('locale')}
            data={LANGUAGES.map((code) => ({ value: code, label: ENDONYMS[code] }))}
          />
          <PasswordInput
            label={t('users.initialPassword')}
            description={t('users.initialPasswordHint')}
            required
            autoComplete="new-password"
            {...form.text('initialPassword')}
          />
          <FormAlert messages={form.formErrors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="person-save">
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
