import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asList, type Page } from '@/lib/api/client';

/** TEN-05: a client organisation as the platform admin sees it. */
export interface Tenant {
  id: string;
  slug: string;
  displayName: string;
  defaultLanguage: string;
  timeZone: string;
  status: 'ACTIVE' | 'SUSPENDED';
  suspendedReason?: string | null;
  createdAt?: string | null;
}

export interface NewTenant {
  slug: string;
  displayName: string;
  defaultLanguage: string;
  timeZone: string;
}

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

const tenantsKey = ['platform', 'tenants'] as const;

export function useTenants() {
  return useQuery({
    queryKey: tenantsKey,
    queryFn: async ({ signal }) =>
      asList(
        await api<Tenant[] | Page<Tenant>>('/api/identity/platform/tenants', {
          signal,
          query: { size: 500 },
        }),
      ),
  });
}

function useTenantsMutation<V>(fn: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // The person's own memberships may have changed status as well.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export const useCreateTenant = () =>
  useTenantsMutation((tenant: NewTenant) =>
    api<Tenant>('/api/identity/platform/tenants', { method: 'POST', body: tenant }),
  );

export const useSuspendTenant = () =>
  useTenantsMutation(({ id, reason }: { id: string; reason: string }) =>
    api<void>(`/api/identity/platform/tenants/${id}/suspend`, { method: 'POST', body: { reason } }),
  );

export const useReactivateTenant = () =>
  useTenantsMutation((id: string) =>
    api<void>(`/api/identity/platform/tenants/${id}/reactivate`, { method: 'POST' }),
  );
