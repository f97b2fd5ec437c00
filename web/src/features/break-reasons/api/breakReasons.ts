import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '@/lib/api/client';
import { useTenantId } from '@/lib/session/SessionProvider';

/** ACD-05: why an agent is on a break, whether it is paid and how long it may last. */
export interface BreakReason {
  id: string;
  name: string;
  paid: boolean;
  /** null: no limit */
  maxMinutes: number | null;
  enabled: boolean;
  version: number;
}

export type BreakReasonInput = Omit<BreakReason, 'id' | 'version'> & { version?: number };

export const BREAK_REASONS_PAGE_SIZE = 20;
export const NAME_MAX = 100;
export const MAX_MINUTES = [1, 480] as const;

const breakReasonsKey = (tenantId: string | null) => ['t', tenantId, 'break-reasons'] as const;

export function useBreakReasons(page: number) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...breakReasonsKey(tenantId), { page }],
    queryFn: ({ signal }) =>
      api<Page<BreakReason>>('/api/cc/break-reasons', {
        tenantId,
        signal,
        query: { page, size: BREAK_REASONS_PAGE_SIZE },
      }),
    enabled: !!tenantId,
    placeholderData: keepPreviousData,
  });
}

function useBreakReasonsMutation<V, R>(fn: (tenantId: string | null, variables: V) => Promise<R>) {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => fn(tenantId, variables),
    onSettled: () => queryClient.invalidateQueries({ queryKey: breakReasonsKey(tenantId) }),
  });
}

export const useSaveBreakReason = () =>
  useBreakReasonsMutation((tenantId, { id, input }: { id?: string; input: BreakReasonInput }) =>
    id
      ? api<BreakReason>(`/api/cc/break-reasons/${id}`, { method: 'PUT', body: input, tenantId })
      : api<BreakReason>('/api/cc/break-reasons', { method: 'POST', body: input, tenantId }),
  );

export const useDeleteBreakReason = () =>
  useBreakReasonsMutation((tenantId, id: string) =>
    api<void>(`/api/cc/break-reasons/${id}`, { method: 'DELETE', tenantId }),
  );
