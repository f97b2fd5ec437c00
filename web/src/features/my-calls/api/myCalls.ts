import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { api, type Page } from '@/lib/api/client';
import { useTenantId } from '@/lib/session/SessionProvider';

/** One of the agent's own calls (AGT-07), with the notes written on it. */
export interface MyCall {
  id: string;
  direction: 'INBOUND' | 'OUTBOUND';
  state: string;
  remoteNumber: string | null;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  talkSeconds: number | null;
  agentName: string | null;
  /** Another agent has the call now: this agent transferred it. */
  handedOver: boolean;
  notes: string[];
}

export interface Bucket {
  start: string;
  handled: number;
  missed: number;
}

export interface MyStats {
  from: string;
  to: string;
  handled: number;
  missed: number;
  serviceLevel: number | null;
  averageTalkSeconds: number | null;
  serviceLevelSeconds: number;
  buckets: Bucket[];
}

export const PERIODS = [1, 7, 14, 30] as const;
export type Period = (typeof PERIODS)[number];

export const PAGE_SIZE = 20;
const REFRESH_MS = 10_000;

function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function useMyCalls(query: string, page: number) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['t', tenantId, 'my-calls', query, page],
    queryFn: ({ signal }) =>
      api<Page<MyCall>>('/api/cc/me/calls', {
        tenantId,
        signal,
        query: { q: query || undefined, page, size: PAGE_SIZE },
      }),
    enabled: !!tenantId,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useMyStats(days: Period) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['t', tenantId, 'my-stats', days],
    queryFn: ({ signal }) =>
      api<MyStats>('/api/cc/me/stats', { tenantId, signal, query: { days, zone: browserZone() } }),
    enabled: !!tenantId,
    refetchInterval: REFRESH_MS,
    retry: false,
  });
}

export interface QueueLive {
  waiting: number;
  longestWaitSeconds: number;
}

/** AGT-10: how many callers wait in each of the agent's queues now. */
export function useWaiting(queueIds: string[]) {
  const tenantId = useTenantId();
  return useQueries({
    queries: queueIds.map((id) => ({
      queryKey: ['t', tenantId, 'queue-live', id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<QueueLive>(`/api/cc/queues/${id}/live`, { tenantId, signal }),
      enabled: !!tenantId,
      refetchInterval: 5_000,
    })),
  });
}

/** The queues of the agent's presence (which they are logged in to), for the waiting counters. */
export function useMyQueues() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['t', tenantId, 'my-queues'],
    queryFn: ({ signal }) =>
      api<{ queues: { queueId: string; name: string; loggedIn: boolean }[] }>('/api/cc/presence/me', {
        tenantId,
        signal,
      }),
    enabled: !!tenantId,
    refetchInterval: 10_000,
    retry: false,
  });
}
