import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asList, type Page } from '@/lib/api/client';
import { useTenantId } from '@/lib/session/SessionProvider';

export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Day = (typeof DAYS)[number];

export interface OpeningHours {
  day: Day;
  opens: string;
  closes: string;
}

export interface Holiday {
  date: string;
  name: string;
}

/** ADM-02 / ACD-08: working hours and holidays, referenced by queues. */
export interface Calendar {
  id: string;
  name: string;
  timeZone: string;
  weeklyHours: OpeningHours[];
  holidays: Holiday[];
  version?: number;
}

export type CalendarInput = Omit<Calendar, 'id'>;

const calendarsKey = (tenantId: string | null) => ['t', tenantId, 'calendars'] as const;

export function useCalendars() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...calendarsKey(tenantId), 'list'],
    queryFn: async ({ signal }) =>
      asList(await api<Calendar[] | Page<Calendar>>('/api/cc/calendars', { tenantId, signal })),
    enabled: !!tenantId,
  });
}

export function useSaveCalendar() {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: CalendarInput }) =>
      id
        ? api<Calendar>(`/api/cc/calendars/${id}`, { method: 'PUT', body: input, tenantId })
        : api<Calendar>('/api/cc/calendars', { method: 'POST', body: input, tenantId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarsKey(tenantId) }),
  });
}

export function useDeleteCalendar() {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/cc/calendars/${id}`, { method: 'DELETE', tenantId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarsKey(tenantId) }),
  });
}
