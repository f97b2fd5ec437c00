import { Anchor, AppShell, Burger, Divider, Group, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useSession } from '@/lib/session/SessionProvider';
import { isPlatformAdmin } from '@/lib/session/types';
import { LoadingState } from '@/lib/ui/states';
import { LanguageSwitcher } from './LanguageSwitcher';
import { Navigation } from './Navigation';
import { TenantSwitcher } from './TenantSwitcher';
import { UserMenu } from './UserMenu';

// The softphone and its JsSIP load apart from the first page (the initial JS budget).
const SoftphoneDock = lazy(() => import('@/features/softphone/components/SoftphoneDock'));

/** The active tenant's name is always in the header, at every width (TEN-03). */
export function ActiveTenantName() {
  const { t } = useTranslation();
  const { me, membership } = useSession();
  const label = membership?.name ?? (isPlatformAdmin(me) ? t('shell.platform') : t('shell.noTenant'));
  return (
    <Text fw={600} truncate="end" maw={{ base: 140, sm: 320 }} title={label} data-testid="active-tenant-name">
      {label}
    </Text>
  );
}

export function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
      data-testid="app-shell"
    >
      <AppShell.Header>
        <Anchor href="#main" className="skip-link" px="sm">
          {t('shell.skipToContent')}
        </Anchor>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('shell.toggleNavigation')}
            />
            <Text fw={800} c="blue" visibleFrom="xs">
              {t('app.name')}
            </Text>
            <Divider orientation="vertical" visibleFrom="xs" />
            <ActiveTenantName />
          </Group>
          <Group gap={4} wrap="nowrap">
            <Suspense fallback={null}>
              <SoftphoneDock />
            </Suspense>
            <TenantSwitcher />
            <LanguageSwitcher />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {/* a tenant admin's menu is taller than a laptop screen: it scrolls on its own */}
        <AppShell.Section grow component={ScrollArea} type="auto" data-testid="nav-scroll">
          <Navigation onNavigate={close} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
