import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Page } from '@/lib/api/client';
import { useTenantId } from '@/lib/session/SessionProvider';

export const DIRECTIONS = ['INBOUND', 'OUTBOUND'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const STATES = ['OFFERED', 'RINGING', 'ANSWERED', 'ENDED', 'ABANDONED', 'REJECTED', 'FAILED'] as const;
export type InteractionState = (typeof STATES)[number];
const FINAL_STATES: readonly InteractionState[] = ['ENDED', 'ABANDONED', 'REJECTED', 'FAILED'];

export const ABANDON_STAGES = ['GREETING', 'WAITING', 'RINGING'] as const;
export type AbandonStage = (typeof ABANDON_STAGES)[number];

export const EVENT_TYPES = [
  'OFFERED',
  'GREETING',
  'RINGING',
  'ANSWERED',
  'AGENT_REJECTED',
  'AGENT_NO_ANSWER',
  'ENDED',
  'ABANDONED',
  'FAILED',
  'DIALLING',
  'HELD',
  'RESUMED',
  'CONSULTING',
  'CONSULTED',
  'TRANSFERRED',
  'TRANSFER_CANCELLED',
  'CONFERENCED',
  'CONFERENCE_LEFT',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * End reasons this page translates. The contract leaves `endReason` open, so an unknown code is
 * shown as it is (marked as a raw code) instead of being hidden.
 */
export const END_REASONS = [
  'CALLER_HANGUP',
  'AGENT_HANGUP',
  'REMOTE_HANGUP',
  'NO_AGENT',
  'NO_ANSWER',
  'BUSY',
  'REJECTED',
  'CANCELLED',
  'FAILED',
  'CONGESTION',
] as const;

/** One call of the tenant, inbound or outbound (TEL-05). */
export interface Interaction {
  id: string;
  direction: Direction;
  state: InteractionState;
  tenantNumber: string;
  remoteNumber: string;
  agentId: string | null;
  agentName: string | null;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  ringSeconds: number | null;
  talkSeconds: number | null;
  endReason: string | null;
  abandonStage: AbandonStage | null;
}

export interface InteractionEvent {
  type: EventType;
  at: string;
  agentId: string | null;
  agentName: string | null;
  detail: string | null;
}

export interface InteractionDetail extends Interaction {
  events: InteractionEvent[];
}

export const INTERACTIONS_PAGE_SIZE = 25;
/** Calls change by the second; the list follows them while the page is visible. */
export const REFRESH_MS = 5_000;

const interactionsKey = (tenantId: string | null) => ['t', tenantId, 'interactions'] as const;

export function useInteractions(direction: Direction | '', page: number, enabled: boolean) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...interactionsKey(tenantId), { direction, page }],
    queryFn: ({ signal }) =>
      api<Page<Interaction>>('/api/cc/interactions', {
        tenantId,
        signal,
        query: { direction, page, size: INTERACTIONS_PAGE_SIZE },
      }),
    enabled: enabled && !!tenantId,
    placeholderData: keepPreviousData,
    // TanStack Query pauses the interval while the document is hidden
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: false,
    staleTime: 0,
  });
}

export function useInteraction(id: string | null) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...interactionsKey(tenantId), 'detail', id],
    queryFn: ({ signal }) => api<InteractionDetail>(`/api/cc/interactions/${id}`, { tenantId, signal }),
    enabled: !!id && !!tenantId,
    // an interaction that is over does not change any more
    refetchInterval: (query) =>
      query.state.data && FINAL_STATES.includes(query.state.data.state) ? false : REFRESH_MS,
    refetchIntervalInBackground: false,
    staleTime: 0,
  });
}

export { usePlaceCall } from '@/lib/api/calls';
