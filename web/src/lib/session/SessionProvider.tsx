import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../i18n/i18n';
import { toLanguage } from '../i18n/languages';
import { notifyError } from '../ui/notify';
import { FullPageError, FullPageLoader } from '../ui/states';
import { chooseInitialTenant, setActiveTenantId, useActiveTenantId } from './activeTenant';
import { meQueryOptions, postActiveTenant } from './me';
import type { Me, Membership } from './types';

export interface Session {
  me: Me;
  /** The membership of the active tenant; null for people without memberships (platform staff). */
  membership: Membership | null;
  switchTenant: (tenantId: string) => Promise<void>;
  switching: boolean;
}

const SessionContext = createContext<Session | null>(null);

/** The active tenant's id, for tenant-scoped queries (their keys include it). */
export function useTenantId(): string | null {
  return useSession().membership?.tenantId ?? null;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Loads the signed-in person, picks the active tenant and the person's language, then renders the app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const meQuery = useQuery(meQueryOptions);
  const activeTenantId = useActiveTenantId();
  const [switching, setSwitching] = useState(false);
  const me = meQuery.data;

  useEffect(() => {
    if (!me) return;
    const stillMember = me.memberships.some((m) => m.tenantId === activeTenantId);
    if (!stillMember) setActiveTenantId(chooseInitialTenant(me.id, me.memberships), me.id);
  }, [me, activeTenantId]);

  // The person's saved language wins over the browser's guess (I18N-01: per-user choice).
  const savedLocale = toLanguage(me?.locale ?? undefined);
  useEffect(() => {
    if (savedLocale && savedLocale !== currentLanguage()) void changeLanguage(savedLocale);
  }, [savedLocale]);

  const switchTenant = useCallback(
    async (tenantId: string) => {
      if (!me || tenantId === activeTenantId) return;
      setSwitching(true);
      try {
        // Audited on the server (TEN-03); the token already carries every membership.
        await postActiveTenant(tenantId);
        setActiveTenantId(tenantId, me.id);
        await queryClient.invalidateQueries();
      } catch (error) {
        notifyError(error, t);
      } finally {
        setSwitching(false);
      }
    },
    [me, activeTenantId, queryClient, t],
  );

  const value = useMemo<Session | null>(() => {
    if (!me) return null;
    // Until the effect above has stored the initial choice, compute it here so the first render
    // already shows the right tenant.
    const tenantId = me.memberships.some((m) => m.tenantId === activeTenantId)
      ? activeTenantId
      : chooseInitialTenant(me.id, me.memberships);
    const membership = me.memberships.find((m) => m.tenantId === tenantId) ?? null;
    return { me, membership, switchTenant, switching };
  }, [me, activeTenantId, switchTenant, switching]);

  if (meQuery.isError) return <FullPageError error={meQuery.error} onRetry={() => void meQuery.refetch()} />;
  if (!value) return <FullPageLoader />;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
