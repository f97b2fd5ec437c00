import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '@/lib/api/client';
import type { NumberType } from '@/lib/phone';
import { useTenantId } from '@/lib/session/SessionProvider';

/** Where calls to a number go; the routing engine and the IVR will add targets. */
export const ROUTE_TARGETS = ['AGENTS'] as const;
export type RouteTarget = (typeof ROUTE_TARGETS)[number];

/** TEN-02: one of the active tenant's numbers, assigned by the platform operator. */
export interface TenantNumber {
  id: string;
  e164: string;
  type: NumberType;
  target: RouteTarget;
  /** the tenant's own greeting; null plays the default greeting in the tenant's language */
  greeting: string | null;
  version: number;
}

export interface NumberRouteInput {
  target: RouteTarget;
  greeting: string | null;
  version: number;
}

export const NUMBERS_PAGE_SIZE = 20;
export const GREETING_MAX = 500;

const numbersKey = (tenantId: string | null) => ['t', tenantId, 'numbers'] as const;

export function useNumbers(page: number) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...numbersKey(tenantId), { page }],
    queryFn: ({ signal }) =>
      api<Page<TenantNumber>>('/api/cc/numbers', {
        tenantId,
        signal,
        query: { page, size: NUMBERS_PAGE_SIZE },
      }),
    enabled: !!tenantId,
    placeholderData: keepPreviousData,
  });
}

export function useSaveNumberRoute() {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: NumberRouteInput }) =>
      api<TenantNumber>(`/api/cc/numbers/${id}`, { method: 'PUT', body: input, tenantId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: numbersKey(tenantId) }),
  });
}
