import { Button, Group, Modal, NativeSelect, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useForm, type Errors } from '@/lib/form';
import { GRANTABLE_PERMISSIONS, ROLES } from '@/lib/session/types';
import { AccessChooser } from '@/lib/ui/AccessChooser';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import { useSaveMembership, type PersonMembership, type TenantOption } from '../api/people';

interface Values {
  tenantId: string;
  roles: string[];
  extraPermissions: string[];
}

/** Adds a person to a tenant, or changes the roles they have there. */
export function MembershipModal({
  personId,
  membership,
  tenants,
  onClose,
}: {
  personId: string;
  membership: PersonMembership | null;
  /** tenants the person may be added to */
  tenants: TenantOption[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveMembership(personId);
  const form = useForm<Values>(
    {
      tenantId: membership?.tenantId ?? tenants[0]?.id ?? '',
      roles: membership?.roles ?? ['agent'],
      extraPermissions: membership?.extraPermissions ?? [],
    },
    (v) => {
      const errors: Errors = {};
      if (!v.tenantId) errors.tenantId = t('validation.required');
      if (v.roles.length === 0) errors.roles = t('users.roleRequired');
      return errors;
    },
  );
  const submit = form.onSubmit((v) =>
    save.mutate(v, {
      onSuccess: () => {
        notifySuccess(t('people.membershipSaved'));
        onClose();
      },
      onError: (error) => {
        if (!form.applyProblem(error)) notifyError(error, t);
      },
    }),
  );
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={
        membership
          ? t('people.editMembership', { tenant: membership.name ?? membership.slug ?? '' })
          : t('people.addMembership')
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="membership-form">
        <Stack>
          {membership ? null : (
            <NativeSelect
              label={t('people.tenant')}
              required
              {...form.text('tenantId')}
              data={tenants.map((tenant) => ({ value: tenant.id, label: tenant.displayName }))}
            />
          )}
          <AccessChooser
            roles={ROLES.map((name) => ({ name }))}
            grantable={GRANTABLE_PERMISSIONS}
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
            <Button type="submit" loading={save.isPending} data-testid="membership-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
