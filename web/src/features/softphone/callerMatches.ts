import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { MatchedClient } from './engine';

/**
 * AGT-04: the clients of `tenantId` whose phone matches the caller, for the screen pop and the wrap-up
 * (one request for both: they share the cache entry). Asked only with clients.view in that tenant.
 */
export function useCallerMatches(tenantId: string, remoteNumber: string, canView: boolean) {
  const phone = remoteNumber.startsWith('+') ? remoteNumber : `+${remoteNumber}`;
  return useQuery({
    queryKey: ['softphone', 'identify', tenantId, phone],
    queryFn: () => api<MatchedClient[]>('/api/cc/clients/identify', { tenantId, query: { phone } }),
    enabled: canView && /^\+\d{3,}$/.test(phone),
    staleTime: 60_000,
  });
}
