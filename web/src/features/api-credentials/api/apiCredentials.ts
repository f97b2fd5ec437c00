import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asList, type Page } from '@/lib/api/client';
import { useTenantId } from '@/lib/session/SessionProvider';

/** What a key may do through the integration API (CRM-05). */
export const SCOPES = ['clients.read', 'clients.write', 'interactions.read'] as const;
export type Scope = (typeof SCOPES)[number];

/** An API credential as its tenant's admins see it: never its secret. */
export interface ApiCredential {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The answer to a create: the only time the secret is shown. */
export interface CreatedCredential extends ApiCredential {
  secret: string;
}

export const NAME_MAX = 100;

const credentialsKey = (tenantId: string | null) => ['t', tenantId, 'api-credentials'] as const;

export function useApiCredentials() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: credentialsKey(tenantId),
    queryFn: async ({ signal }) =>
      asList(
        await api<ApiCredential[] | Page<ApiCredential>>('/api/cc/api-credentials', { tenantId, signal }),
      ),
    enabled: !!tenantId,
  });
}

export function useCreateApiCredential() {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; scopes: string[] }) =>
      api<CreatedCredential>('/api/cc/api-credentials', { method: 'POST', body: input, tenantId }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: credentialsKey(tenantId) }),
  });
}

export function useRevokeApiCredential() {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/cc/api-credentials/${id}`, { method: 'DELETE', tenantId }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: credentialsKey(tenantId) }),
  });
}
