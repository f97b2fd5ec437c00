import { Badge, Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '@/lib/session/SessionProvider';

/** For people with several tenants (BPO operators, TEN-03): switching needs no new login. */
export function TenantSwitcher() {
  const { t } = useTranslation();
  const { me, membership, switchTenant, switching } = useSession();
  if (me.memberships.length < 2) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          size="xs"
          loading={switching}
          data-testid="tenant-switcher"
          aria-label={t('shell.switchTenant')}
        >
          {t('shell.switchTenantShort')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('shell.switchTenant')}</Menu.Label>
        {me.memberships.map((m) => {
          const current = m.tenantId === membership?.tenantId;
          const suspended = m.status === 'SUSPENDED';
          return (
            <Menu.Item
              key={m.tenantId}
              data-testid={`tenant-option-${m.slug}`}
              aria-current={current ? 'true' : undefined}
              disabled={suspended}
              onClick={() => void switchTenant(m.tenantId)}
              leftSection={<Text w={12}>{current ? '✓' : ''}</Text>}
              rightSection={
                suspended ? (
                  <Badge size="xs" color="red">
                    {t('tenants.status.SUSPENDED')}
                  </Badge>
                ) : null
              }
            >
              {m.name}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
