import { Avatar, Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { logout } from '@/lib/auth/oidc';
import { useSession } from '@/lib/session/SessionProvider';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

export function UserMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useSession();
  const name = me.displayName || me.username;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          size="xs"
          data-testid="user-menu"
          aria-label={t('shell.userMenu')}
          leftSection={
            <Avatar size="sm" radius="xl" color="blue">
              {initials(name)}
            </Avatar>
          }
        >
          <Text size="sm" visibleFrom="sm" data-testid="user-name">
            {name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.username}</Menu.Label>
        <Menu.Item data-testid="user-menu-profile" onClick={() => void navigate('/profile')}>
          {t('nav.profile')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item data-testid="user-menu-logout" color="red" onClick={logout}>
          {t('shell.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
