import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '@/lib/api/client';
import { useTenantId } from '@/lib/session/SessionProvider';

export const REACHES = ['ENDPOINT', 'MOBILE'] as const;
export type Reach = (typeof REACHES)[number];

/** TEL-04: someone who answers the tenant's calls, in the browser, on a SIP phone or on a mobile. */
export interface Agent {
  id: string;
  displayName: string;
  userId: string | null;
  reach: Reach;
  mobileE164: string | null;
  available: boolean;
  sipUsername: string | null;
  hasCredentials: boolean;
  capacity: Capacity;
  version: number;
}

/** ACD-05, ACD-11: interactions at once per medium, and whether calls and other media mix. */
export interface Capacity {
  voice: number;
  chat: number;
  email: number;
  sms: number;
  social: number;
  blended: boolean;
}

export const CAPACITY_MEDIA = ['chat', 'email', 'sms', 'social'] as const;
export type CapacityMedium = (typeof CAPACITY_MEDIA)[number];
export const CAPACITY_MAX: Record<CapacityMedium, number> = { chat: 20, email: 50, sms: 50, social: 20 };
export const DEFAULT_CAPACITY: Capacity = { voice: 1, chat: 3, email: 5, sms: 5, social: 3, blended: false };

export interface AgentInput {
  displayName: string;
  userId: string | null;
  reach: Reach;
  mobileE164: string | null;
  available: boolean;
  capacity?: Capacity;
  version?: number;
}

/** Shown once, right after they were generated: the server keeps only a digest of the password. */
export interface SipCredentials {
  sipUsername: string;
  password: string;
  realm: string;
  sipDomain: string;
  wssUrl: string;
}

export const CREDENTIAL_FIELDS = ['sipUsername', 'password', 'realm', 'sipDomain', 'wssUrl'] as const;

export interface UserOption {
  id: string;
  username: string;
  displayName: string;
}

export const AGENTS_PAGE_SIZE = 20;
/** The largest page the identity API serves. */
const USER_OPTIONS_SIZE = 200;

const agentsKey = (tenantId: string | null) => ['t', tenantId, 'agents'] as const;

export function useAgents(page: number) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...agentsKey(tenantId), { page }],
    queryFn: ({ signal }) =>
      api<Page<Agent>>('/api/cc/agents', { tenantId, signal, query: { page, size: AGENTS_PAGE_SIZE } }),
    enabled: !!tenantId,
    placeholderData: keepPreviousData,
  });
}

// Names of the tenant's users, to link an agent to a login; the users feature owns the rest.
export function useUserOptions(enabled: boolean) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['t', tenantId, 'users', 'options'],
    queryFn: async ({ signal }) =>
      (
        await api<Page<UserOption>>('/api/identity/users', {
          tenantId,
          signal,
          query: { page: 0, size: USER_OPTIONS_SIZE },
        })
      ).items.map(({ id, username, displayName }) => ({ id, username, displayName })),
    enabled: enabled && !!tenantId,
    retry: false,
    staleTime: 60_000,
  });
}

function useAgentsMutation<V, R>(fn: (tenantId: string | null, variables: V) => Promise<R>) {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => fn(tenantId, variables),
    onSettled: () => queryClient.invalidateQueries({ queryKey: agentsKey(tenantId) }),
  });
}

export const useSaveAgent = () =>
  useAgentsMutation((tenantId, { id, input }: { id?: string; input: AgentInput }) =>
    id
      ? api<Agent>(`/api/cc/agents/${id}`, { method: 'PUT', body: input, tenantId })
      : api<Agent>('/api/cc/agents', { method: 'POST', body: input, tenantId }),
  );

export const useDeleteAgent = () =>
  useAgentsMutation((tenantId, id: string) =>
    api<void>(`/api/cc/agents/${id}`, { method: 'DELETE', tenantId }),
  );

export const useGenerateCredentials = () =>
  useAgentsMutation((tenantId, id: string) =>
    api<SipCredentials>(`/api/cc/agents/${id}/credentials`, { method: 'POST', tenantId }),
  );

export const useRevokeCredentials = () =>
  useAgentsMutation((tenantId, id: string) =>
    api<void>(`/api/cc/agents/${id}/credentials`, { method: 'DELETE', tenantId }),
  );

/** The agent as a request body, for changes of one field (the availability toggle). */
export function agentInput(agent: Agent, changes: Partial<AgentInput> = {}): AgentInput {
  return {
    displayName: agent.displayName,
    userId: agent.userId,
    reach: agent.reach,
    mobileE164: agent.mobileE164,
    available: agent.available,
    version: agent.version,
    ...changes,
  };
}
