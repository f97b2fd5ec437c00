import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '@/lib/api/client';
import { useTenantId } from '@/lib/session/SessionProvider';

import type { PresenceState } from '@/lib/presence';

export { PRESENCE_STATES, type PresenceState } from '@/lib/presence';

export const CHOSEN_STATES = ['AVAILABLE', 'BREAK', 'LOGGED_OUT'] as const;
export type ChosenState = (typeof CHOSEN_STATES)[number];

/** ACD-11: a queue the agent is a member of; some queues leave logging in and out to supervisors. */
export interface AgentQueue {
  queueId: string;
  name: string;
  loggedIn: boolean;
  selfLoginAllowed: boolean;
}

export interface Presence {
  agentId: string;
  displayName: string;
  state: PresenceState;
  queues: AgentQueue[];
}

export interface StateInput {
  state: ChosenState;
  /** required for BREAK: one of the tenant's enabled reasons */
  breakReasonId?: string;
}

export interface BreakReasonOption {
  id: string;
  name: string;
}

/** Live updates come over WebSocket later; until then the pages ask every few seconds. */
export const REFRESH_MS = 5_000;
/** The largest page of break reasons the picker asks for: one tenant's reasons fit in it. */
const REASON_OPTIONS_SIZE = 200;

const presenceKey = (tenantId: string | null) => ['t', tenantId, 'presence'] as const;
const myKey = (tenantId: string | null) => [...presenceKey(tenantId), 'me'] as const;
const allKey = (tenantId: string | null) => [...presenceKey(tenantId), 'all'] as const;

/** The signed-in person's agent in the active tenant; 404 resource.not-found when they are none. */
export function useMyPresence() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: myKey(tenantId),
    queryFn: ({ signal }) => api<Presence>('/api/cc/presence/me', { tenantId, signal }),
    enabled: !!tenantId,
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: false,
    retry: false,
  });
}

/** The supervisor's view: every agent of the tenant (agents.monitor). */
export function useAllPresence() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: allKey(tenantId),
    queryFn: ({ signal }) => api<Presence[]>('/api/cc/presence', { tenantId, signal }),
    enabled: !!tenantId,
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: false,
  });
}

// Names of the enabled reasons only: the break-reasons feature owns the rest.
export function useBreakReasonOptions() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['t', tenantId, 'break-reasons', 'options'],
    queryFn: async ({ signal }) =>
      (
        await api<Page<BreakReasonOption & { enabled: boolean }>>('/api/cc/break-reasons', {
          tenantId,
          signal,
          query: { page: 0, size: REASON_OPTIONS_SIZE },
        })
      ).items
        .filter((reason) => reason.enabled)
        .map(({ id, name }) => ({ id, name })),
    enabled: !!tenantId,
    retry: false,
  });
}

/** Every change answers with the agent's view as it is now: it replaces the cached one at once. */
function useMyMutation<V>(fn: (tenantId: string | null, variables: V) => Promise<Presence>) {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => fn(tenantId, variables),
    onSuccess: (view) => {
      queryClient.setQueryData(myKey(tenantId), view);
      return queryClient.invalidateQueries({ queryKey: allKey(tenantId) });
    },
    // a refusal may mean the state moved on (a call arrived): show it as it is now
    onError: () => queryClient.invalidateQueries({ queryKey: myKey(tenantId) }),
  });
}

export const useSetMyState = () =>
  useMyMutation((tenantId, input: StateInput) =>
    api<Presence>('/api/cc/presence/me', { method: 'PUT', body: input, tenantId }),
  );

/**
 * ACD-11: logs the agent in to or out of one of their queues; 403 queue.self-login-forbidden where
 * the queue leaves it to supervisors.
 */
export const useMyQueueLogin = () =>
  useMyMutation((tenantId, { queueId, loggedIn }: { queueId: string; loggedIn: boolean }) =>
    api<Presence>(`/api/cc/presence/me/${loggedIn ? 'login' : 'logout'}`, {
      method: 'POST',
      body: { queueId },
      tenantId,
    }),
  );

function useAgentMutation<V extends { agentId: string }>(
  fn: (tenantId: string | null, variables: V) => Promise<Presence>,
) {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => fn(tenantId, variables),
    onSuccess: (view) => {
      queryClient.setQueryData<Presence[]>(allKey(tenantId), (list) =>
        list?.map((agent) => (agent.agentId === view.agentId ? view : agent)),
      );
      // the supervisor may be one of the agents
      return queryClient.invalidateQueries({ queryKey: myKey(tenantId) });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: allKey(tenantId) }),
  });
}

/** ACD-05: a supervisor sets an agent's state; the change names the supervisor. */
export const useSetAgentState = () =>
  useAgentMutation((tenantId, { agentId, ...input }: StateInput & { agentId: string }) =>
    api<Presence>(`/api/cc/presence/agents/${agentId}`, { method: 'PUT', body: input, tenantId }),
  );

/** ACD-11: a supervisor logs an agent in or out of a queue, also where agents may not do it themselves. */
export const useAgentQueueLogin = () =>
  useAgentMutation(
    (tenantId, { agentId, queueId, loggedIn }: { agentId: string; queueId: string; loggedIn: boolean }) =>
      api<Presence>(`/api/cc/presence/agents/${agentId}/${loggedIn ? 'login' : 'logout'}`, {
        method: 'POST',
        body: { queueId },
        tenantId,
      }),
  );
