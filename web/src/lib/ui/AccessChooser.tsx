import { Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface RoleInfo {
  name: string;
  permissions?: string[];
}

interface Props {
  roles: RoleInfo[];
  grantable: string[];
  value: { roles: string[]; extraPermissions: string[] };
  onRolesChange: (roles: string[]) => void;
  onPermissionsChange: (permissions: string[]) => void;
  rolesError?: string;
  permissionsError?: string;
}

/** Roles plus the extra permissions a tenant admin may grant one user (ADM-01). */
export function AccessChooser({
  roles,
  grantable,
  value,
  onRolesChange,
  onPermissionsChange,
  ...errors
}: Props) {
  const { t } = useTranslation();
  // A permission the chosen roles already give needs no extra grant: show it checked and fixed.
  const fromRoles = new Set(
    roles.filter((role) => value.roles.includes(role.name)).flatMap((role) => role.permissions ?? []),
  );
  return (
    <Stack gap="md">
      <Checkbox.Group
        label={t('access.roles')}
        value={value.roles}
        onChange={onRolesChange}
        error={errors.rolesError}
        data-testid="access-roles"
      >
        <Group mt="xs" gap="md">
          {roles.map((role) => (
            <Checkbox
              key={role.name}
              value={role.name}
              name="roles"
              label={t(`roles.${role.name}`, role.name)}
            />
          ))}
        </Group>
      </Checkbox.Group>
      <Checkbox.Group
        label={t('access.extraPermissions')}
        description={t('access.extraPermissionsHint')}
        value={[...new Set([...value.extraPermissions, ...fromRoles])].filter((p) => grantable.includes(p))}
        onChange={(next) => onPermissionsChange(next.filter((p) => !fromRoles.has(p)))}
        error={errors.permissionsError}
      >
        <Stack mt="xs" gap={6}>
          {grantable.map((permission) => (
            <Checkbox
              key={permission}
              value={permission}
              name="extraPermissions"
              disabled={fromRoles.has(permission)}
              label={
                <Text size="sm" span>
                  {t(`permissions.${permission}`, permission)}
                  {fromRoles.has(permission) ? (
                    <Text span c="dimmed" size="xs">
                      {' '}
                      · {t('access.includedInRole')}
                    </Text>
                  ) : null}
                </Text>
              }
            />
          ))}
        </Stack>
      </Checkbox.Group>
    </Stack>
  );
}
