import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asList, type Page } from '@/lib/api/client';
import { useTenantId } from '@/lib/session/SessionProvider';

export interface Queue {
  id: string;
  name: string;
  description?: string | null;
  serviceLevelSeconds: number;
  enabled: boolean;
  calendarId?: string | null;
  version?: number;
}

export interface QueueInput {
  name: string;
  description: string;
  serviceLevelSeconds: number;
  enabled: boolean;
  calendarId: string | null;
  version?: number;
}

export interface CalendarOption {
  id: string;
  name: string;
}

export const queuesKey = (tenantId: string | null) => ['t', tenantId, 'queues'] as const;

export const queuesQuery = (tenantId: string | null) =>
  queryOptions({
    queryKey: queuesKey(tenantId),
    queryFn: async ({ signal }) =>
      asList(await api<Queue[] | Page<Queue>>('/api/cc/queues', { tenantId, signal })),
    enabled: !!tenantId,
  });

// The queue form only needs calendar names; the calendars feature owns the full documents.
export const calendarOptionsQuery = (tenantId: string | null) =>
  queryOptions({
    queryKey: ['t', tenantId, 'calendars', 'options'] as const,
    queryFn: async ({ signal }) =>
      asList(
        await api<CalendarOption[] | Page<CalendarOption>>('/api/cc/calendars', { tenantId, signal }),
      ).map(({ id, name }) => ({ id, name })),
    enabled: !!tenantId,
  });

export function useQueues() {
  return useQuery(queuesQuery(useTenantId()));
}

export function useCalendarOptions(enabled: boolean) {
  const tenantId = useTenantId();
  return useQuery({ ...calendarOptionsQuery(tenantId), enabled: enabled && !!tenantId, retry: false });
}

export function useSaveQueue() {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: QueueInput }) =>
      id
        ? api<Queue>(`/api/cc/queues/${id}`, { method: 'PUT', body: input, tenantId })
        : api<Queue>('/api/cc/queues', { method: 'POST', body: input, tenantId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queuesKey(tenantId) }),
  });
}

export function useDeleteQueue() {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/cc/queues/${id}`, { method: 'DELETE', tenantId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queuesKey(tenantId) }),
  });
}
