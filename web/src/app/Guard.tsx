import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '@/lib/session/SessionProvider';
import { EmptyState } from '@/lib/ui/states';
import { navItem } from './navigation';

/** Shows a page only to whom the navigation would show it; a typed URL gets a plain "no access". */
export function Guard({ item, children }: { item: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { me, membership } = useSession();
  if (!navItem(item).allowed({ me, membership })) {
    return <EmptyState title={t('errors.noAccessTitle')} description={t('errors.noAccess')} />;
  }
  return <>{children}</>;
}

export function NotFound() {
  const { t } = useTranslation();
  return <EmptyState title={t('errors.notFoundTitle')} description={t('errors.notFound')} />;
}
