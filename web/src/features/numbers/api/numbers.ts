import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asList, type Page } from '@/lib/api/client';
import type { NumberType } from '@/lib/phone';
import { useTenantId } from '@/lib/session/SessionProvider';

/** Where a number's calls go: to available agents, or into a queue (ACD-01). The IVR will add targets. */
export const ROUTE_TARGETS = ['AGENTS', 'QUEUE'] as const;
export type RouteTarget = (typeof ROUTE_TARGETS)[number];

/** TEN-02: one of the active tenant's numbers, assigned by the platform operator. */
export interface TenantNumber {
  id: string;
  e164: string;
  type: NumberType;
  target: RouteTarget;
  /** the tenant's own greeting; null plays the default greeting in the tenant's language */
  greeting: string | null;
  /** the queue a QUEUE number's calls wait in; null for AGENTS */
  queueId: string | null;
  /** ACD-04: 0..9; callers of a higher priority number overtake the others in the queue */
  priority: number;
  version: number;
}

export interface NumberRouteInput {
  target: RouteTarget;
  greeting: string | null;
  queueId: string | null;
  priority: number;
  version: number;
}

export interface QueueOption {
  id: string;
  name: string;
}

export const NUMBERS_PAGE_SIZE = 20;
export const GREETING_MAX = 500;
export const PRIORITY_RANGE = [0, 9] as const;
/** The largest page of queues the queues API serves: one tenant's queues fit in it. */
const QUEUE_OPTIONS_SIZE = 200;

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

// Names only, under the queues' own key so that they refresh with them: the queues feature owns the rest.
export function useQueueOptions(enabled: boolean) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['t', tenantId, 'queues', 'options'],
    queryFn: async ({ signal }) =>
      asList(
        await api<QueueOption[] | Page<QueueOption>>('/api/cc/queues', {
          tenantId,
          signal,
          query: { page: 0, size: QUEUE_OPTIONS_SIZE },
        }),
      ).map(({ id, name }) => ({ id, name })),
    enabled: enabled && !!tenantId,
    retry: false,
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
