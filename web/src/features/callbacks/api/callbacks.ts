import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiBlob, asList, type Page } from '@/lib/api/client';
import { useTenantId } from '@/lib/session/SessionProvider';

/** ACD-10 callback requests, ACD-14 missed calls, IVR-09 voicemails: one list to call back from. */
export const KINDS = ['CALLBACK', 'MISSED', 'VOICEMAIL'] as const;
export type Kind = (typeof KINDS)[number];

export const STATUSES = ['OPEN', 'SCHEDULED', 'IN_PROGRESS', 'DONE'] as const;
export type Status = (typeof STATUSES)[number];

/** What the list shows: open (open, scheduled, in progress), done, or both. */
export const STATUS_FILTERS = ['OPEN', 'DONE', 'ALL'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const OUTCOMES = ['REACHED', 'NO_ANSWER', 'WRONG_NUMBER', 'NOT_NEEDED', 'DUPLICATE'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Callback {
  id: string;
  kind: Kind;
  status: Status;
  /** E.164; null when the caller withheld it */
  number: string | null;
  queueId: string | null;
  queueName: string | null;
  interactionId: string | null;
  createdAt: string;
  preferredAt: string | null;
  attempts: number;
  lastAttemptAt: string | null;
  outcome: Outcome | null;
  note: string | null;
  doneAt: string | null;
  doneByName: string | null;
  voicemail: { id: string; durationMs: number } | null;
  version: number;
}

export const CALLBACKS_PAGE_SIZE = 20;
/** New missed calls and voicemails arrive while the page is open. */
export const REFRESH_MS = 15_000;
export const NOTE_MAX = 1000;

const callbacksKey = (tenantId: string | null) => ['t', tenantId, 'callbacks'] as const;

export function useCallbacks(status: StatusFilter, kind: Kind | '', page: number) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...callbacksKey(tenantId), { status, kind, page }],
    queryFn: ({ signal }) =>
      api<Page<Callback>>('/api/cc/callbacks', {
        tenantId,
        signal,
        query: { status, kind, page, size: CALLBACKS_PAGE_SIZE },
      }),
    enabled: !!tenantId,
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: false,
  });
}

function useCallbacksMutation<V, R>(fn: (tenantId: string | null, variables: V) => Promise<R>) {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => fn(tenantId, variables),
    // a refusal (stale version, already done) also means the row changed: show it as it is now
    onSettled: () => queryClient.invalidateQueries({ queryKey: callbacksKey(tenantId) }),
  });
}

/** ACD-14: closes an entry with how it ended. */
export const useMarkDone = () =>
  useCallbacksMutation(
    (tenantId, { id, ...body }: { id: string; outcome: Outcome; note: string | null; version: number }) =>
      api<Callback>(`/api/cc/callbacks/${id}/done`, { method: 'POST', body, tenantId }),
  );

/** ACD-14: calls the caller back from the chosen tenant number; the agent's phone rings first. */
export const useDialBack = () =>
  useCallbacksMutation((tenantId, { id, numberId }: { id: string; numberId: string }) =>
    api<{ interactionId: string }>(`/api/cc/callbacks/${id}/dial`, {
      method: 'POST',
      body: { numberId },
      tenantId,
    }),
  );

/** ACD-10: a callback scheduled by hand; with a queue, the queue dials it through a free agent. */
export interface ScheduleInput {
  /** E.164 */
  number: string;
  queueId: string | null;
  /** an ISO instant; null = as soon as possible */
  preferredAt: string | null;
}

export const useScheduleCallback = () =>
  useCallbacksMutation((tenantId, body: ScheduleInput) =>
    api<Callback>('/api/cc/callbacks', { method: 'POST', body, tenantId }),
  );

/** At most 31 days ahead (the server refuses later times with `callback.too-far`). */
export const PREFERRED_MAX_DAYS = 31;

// Names only, for the queue select: the queues feature owns the rest.
const QUEUE_OPTIONS_SIZE = 200;

export function useQueueOptions(enabled: boolean) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['t', tenantId, 'queues', 'options'],
    queryFn: async ({ signal }) =>
      asList(
        await api<{ id: string; name: string }[] | Page<{ id: string; name: string }>>('/api/cc/queues', {
          tenantId,
          signal,
          query: { page: 0, size: QUEUE_OPTIONS_SIZE },
        }),
      ).map(({ id, name }) => ({ id, name })),
    enabled: enabled && !!tenantId,
    retry: false,
  });
}

/** IVR-09: a voicemail's audio, with the bearer token (an <audio> element cannot send it). */
export function fetchVoicemailAudio(tenantId: string | null, id: string, signal?: AbortSignal) {
  return apiBlob(`/api/cc/voicemails/${id}/audio`, { tenantId, signal });
}
