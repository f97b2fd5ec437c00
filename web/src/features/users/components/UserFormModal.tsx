import { Button, Group, Modal, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useForm, type Errors } from '@/lib/form';
import { currentLanguage } from '@/lib/i18n/i18n';
import { ENDONYMS, LANGUAGES } from '@/lib/i18n/languages';
import { GRANTABLE_PERMISSIONS, ROLES } from '@/lib/session/types';
import { AccessChooser } from '@/lib/ui/AccessChooser';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import { useCatalogue, useCreateUser, useUpdateUser, type User } from '../api/users';

interface Values {
  username: string;
  displayName: string;
  email: string;
  locale: string;
  initialPassword: string;
  roles: string[];
  extraPermissions: string[];
}

export const USERNAME_PATTERN = /^[a-zA-Z0-9._@-]{3,64}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Create a user in the active tenant, or edit one's profile, roles and extra permissions (ADM-01, TEN-04). */
export function UserFormModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const create = useCreateUser();
  const update = useUpdateUser();
  const creating = !user;

  const form = useForm<Values>(
    {
      username: user?.username ?? '',
      displayName: user?.displayName ?? '',
      email: user?.email ?? '',
      locale: user?.locale ?? currentLanguage(),
      initialPassword: '',
      roles: user?.roles ?? ['agent'],
      extraPermissions: user?.extraPermissions ?? [],
    },
    (v) => {
      const errors: Errors = {};
      if (creating && !USERNAME_PATTERN.test(v.username.trim())) errors.username = t('users.usernameRule');
      if (!v.displayName.trim()) errors.displayName = t('validation.required');
      if (v.email.trim() && !EMAIL_PATTERN.test(v.email.trim())) errors.email = t('validation.email');
      if (creating && !v.initialPassword) errors.initialPassword = t('validation.required');
      if (v.roles.length === 0) errors.roles = t('users.roleRequired');
      return errors;
    },
  );

  const onError = (error: unknown) => {
    if (!form.applyProblem(error, { 'user.username-taken': 'username', 'person.username-taken': 'username' }))
      notifyError(error, t);
  };
  const onSuccess = () => {
    notifySuccess(creating ? t('users.created') : t('users.saved'));
    onClose();
  };

  const submit = form.onSubmit((v) => {
    const changes = {
      displayName: v.displayName.trim(),
      email: v.email.trim(),
      locale: v.locale,
      roles: v.roles,
      extraPermissions: v.extraPermissions,
    };
    if (user) update.mutate({ id: user.id, changes }, { onSuccess, onError });
    else
      create.mutate(
        { ...changes, username: v.username.trim(), initialPassword: v.initialPassword },
        { onSuccess, onError },
      );
  });

  const roles = catalogue.data?.roles ?? ROLES.map((name) => ({ name }));
  const grantable = catalogue.data?.grantablePermissions ?? GRANTABLE_PERMISSIONS;

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={creating ? t('users.create') : t('users.editTitle', { name: user.username })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="user-form">
        <Stack>
          {creating ? (
            <TextInput
              label={t('users.username')}
              description={t('users.usernameRule')}
              required
              autoComplete="off"
              data-autofocus
              {...form.text('username')}
            />
          ) : null}
          <TextInput label={t('users.displayName')} required {...form.text('displayName')} />
          <TextInput label={t('users.email')} type="email" {...form.text('email')} />
          <NativeSelect
            label={t('users.locale')}
            {...form.text('locale')}
            data={LANGUAGES.map((code) => ({ value: code, label: ENDONYMS[code] }))}
          />
          {creating ? (
            <PasswordInput
              label={t('users.initialPassword')}
              description={t('users.initialPasswordHint')}
              required
              autoComplete="new-password"
              {...form.text('initialPassword')}
            />
          ) : null}
          <AccessChooser
            roles={roles}
            grantable={grantable}
            value={form.values}
            onRolesChange={(next) => form.setField('roles', next)}
            onPermissionsChange={(next) => form.setField('extraPermissions', next)}
            rolesError={form.error('roles')}
            permissionsError={form.error('extraPermissions')}
          />
          <FormAlert messages={form.formErrors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} data-testid="user-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
