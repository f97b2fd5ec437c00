import { NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '@/lib/session/SessionProvider';
import { visibleItems, type NavItem } from '../navigation';

const SECTIONS: { id: NavItem['section']; labelKey?: string }[] = [
  { id: 'main' },
  { id: 'tenant', labelKey: 'nav.sectionTenant' },
  { id: 'platform', labelKey: 'nav.sectionPlatform' },
];

function isActive(path: string, pathname: string): boolean {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}

export function Navigation({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { me, membership } = useSession();
  const { pathname } = useLocation();
  const items = visibleItems({ me, membership });
  // the most specific item is the current one: /presence/agents is not also "My status"
  const current = items
    .filter((item) => isActive(item.path, pathname))
    .reduce<NavItem | null>(
      (best, item) => (!best || item.path.length > best.path.length ? item : best),
      null,
    );
  return (
    <nav aria-label={t('nav.label')} data-testid="navigation">
      <Stack gap="md">
        {SECTIONS.map((section) => {
          const inSection = items.filter((item) => item.section === section.id);
          if (inSection.length === 0) return null;
          return (
            <div key={section.id}>
              {section.labelKey ? (
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
                  {section.id === 'tenant' && membership ? membership.name : t(section.labelKey)}
                </Text>
              ) : null}
              {inSection.map((item) => {
                const active = item.id === current?.id;
                return (
                  <NavLink
                    key={item.id}
                    component={Link}
                    to={item.path}
                    label={t(item.labelKey)}
                    active={active}
                    aria-current={active ? 'page' : undefined}
                    data-testid={`nav-${item.id}`}
                    onClick={onNavigate}
                  />
                );
              })}
            </div>
          );
        })}
      </Stack>
    </nav>
  );
}
