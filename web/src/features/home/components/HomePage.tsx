import { Badge, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '@/lib/session/SessionProvider';
import { can, isPlatformAdmin } from '@/lib/session/types';
import { EmptyState } from '@/lib/ui/states';

interface Tile {
  id: string;
  path: string;
  titleKey: string;
  textKey: string;
}

/** What this person can do in the active tenant (and on the platform), as a landing page. */
export default function HomePage() {
  const { t } = useTranslation();
  const { me, membership } = useSession();
  const tiles: Tile[] = [];
  const add = (ok: boolean, id: string, path: string) =>
    ok && tiles.push({ id, path, titleKey: `home.tiles.${id}.title`, textKey: `home.tiles.${id}.text` });

  add(can(membership, 'queues.view'), 'presence', '/presence');
  add(can(membership, 'agents.monitor'), 'agentStatus', '/presence/agents');
  add(can(membership, 'queues.view', 'queues.manage'), 'queues', '/queues');
  add(can(membership, 'queues.view', 'queues.manage'), 'skills', '/skills');
  add(can(membership, 'queues.view', 'queues.manage'), 'breakReasons', '/break-reasons');
  add(can(membership, 'calendars.view', 'calendars.manage'), 'calendars', '/working-hours');
  add(can(membership, 'telephony.view', 'telephony.manage'), 'numbers', '/numbers');
  add(can(membership, 'telephony.view', 'telephony.manage'), 'agents', '/agents');
  add(can(membership, 'interactions.view', 'calls.place'), 'interactions', '/interactions');
  add(can(membership, 'callbacks.handle'), 'callbacks', '/callbacks');
  add(can(membership, 'clients.view', 'clients.manage'), 'clients', '/clients');
  add(can(membership, 'users.view', 'users.manage'), 'users', '/users');
  add(can(membership, 'policy.manage'), 'policy', '/security-policy');
  add(can(membership, 'settings.manage'), 'settings', '/settings');
  add(can(membership, 'crm.configure'), 'clientFields', '/client-fields');
  add(can(membership, 'audit.view'), 'audit', '/audit');
  add(isPlatformAdmin(me), 'tenants', '/platform/tenants');
  add(isPlatformAdmin(me), 'people', '/platform/people');
  add(isPlatformAdmin(me), 'carriers', '/platform/carriers');
  add(isPlatformAdmin(me), 'inventory', '/platform/numbers');
  add(true, 'profile', '/profile');

  return (
    <>
      <Title order={2} data-testid="page-title">
        {t('home.welcome', { name: me.displayName || me.username })}
      </Title>
      <Group gap="xs" mt={4} mb="lg">
        {membership ? (
          <>
            <Text c="dimmed">{t('home.workingIn', { tenant: membership.name })}</Text>
            {membership.roles.map((role) => (
              <Badge key={role} variant="light">
                {t(`roles.${role}`, role)}
              </Badge>
            ))}
          </>
        ) : isPlatformAdmin(me) ? (
          <Text c="dimmed">{t('home.platformOnly')}</Text>
        ) : null}
      </Group>
      {!membership && !isPlatformAdmin(me) ? (
        <EmptyState title={t('home.noTenantTitle')} description={t('home.noTenant')} />
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {tiles.map((tile) => (
          <Card
            key={tile.id}
            component={Link}
            to={tile.path}
            withBorder
            padding="lg"
            data-testid={`home-tile-${tile.id}`}
            style={{ textDecoration: 'none' }}
          >
            <Text fw={600} mb={4}>
              {t(tile.titleKey)}
            </Text>
            <Text size="sm" c="dimmed">
              {t(tile.textKey)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
