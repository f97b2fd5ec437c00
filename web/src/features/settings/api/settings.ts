import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { useTenantId } from '@/lib/session/SessionProvider';

export interface TenantSettings {
  displayName: string;
  timeZone: string;
  defaultLanguage: string;
  enabledLanguages: string[];
}

const settingsKey = (tenantId: string | null) => ['t', tenantId, 'settings'] as const;

export function useSettings() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: settingsKey(tenantId),
    queryFn: ({ signal }) => api<TenantSettings>('/api/cc/settings', { tenantId, signal }),
    enabled: !!tenantId,
  });
}

export function useSaveSettings() {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: TenantSettings) =>
      api<TenantSettings>('/api/cc/settings', { method: 'PUT', body: settings, tenantId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKey(tenantId) }),
  });
}
