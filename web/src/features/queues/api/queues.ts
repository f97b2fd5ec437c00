import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asList, type Page } from '@/lib/api/client';
import { useTenantId } from '@/lib/session/SessionProvider';

/** How a queue chooses among the agents who could take a call (ACD-02). */
export const STRATEGIES = [
  'LONGEST_IDLE',
  'LEAST_TALK_TIME',
  'MOST_SKILLED',
  'ROUND_ROBIN',
  'RING_ALL',
] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** When a call leaves a queue without an agent (ACD-08), each with its own action. */
export const OVERFLOW_CONDITIONS = ['closed', 'timeout', 'full', 'noAgents'] as const;
export type OverflowCondition = (typeof OVERFLOW_CONDITIONS)[number];

export const ACTION_TYPES = [
  'VOICEMAIL',
  'QUEUE',
  'AGENT',
  'NUMBER',
  'ANNOUNCE_HANGUP',
  'CALLBACK_OFFER',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export interface OverflowAction {
  type: ActionType;
  queueId: string | null;
  agentId: string | null;
  /** E.164 */
  number: string | null;
  /** the text announced (ANNOUNCE_HANGUP) */
  message: string | null;
}

export type Overflow = Record<OverflowCondition, OverflowAction>;

/** ACD-01 … ACD-11: a queue and how it distributes, holds and overflows its calls. */
export interface Queue {
  id: string;
  name: string;
  description?: string | null;
  serviceLevelSeconds: number;
  enabled: boolean;
  calendarId?: string | null;
  strategy: Strategy;
  priority: number;
  wrapUpSeconds: number;
  ringTimeoutSeconds: number;
  maxWaitSeconds: number | null;
  maxLength: number;
  stickyDays: number;
  stickyWaitSeconds: number;
  skillFallbackSeconds: number | null;
  selfLoginAllowed: boolean;
  announcePosition: boolean;
  announceWait: boolean;
  announceIntervalSeconds: number;
  callbackOffer: boolean;
  callbackPreferredTime: boolean;
  voicemailOption: boolean;
  overflow: Overflow;
  version?: number;
}

export type QueueInput = Omit<Queue, 'id' | 'description' | 'calendarId'> & {
  description: string;
  calendarId: string | null;
};

export const MESSAGE_MAX = 500;
export const SKILL_LEVELS = [1, 2, 3, 4, 5] as const;

export interface MemberSkill {
  skillId: string;
  level: number;
}

/** An agent of a queue and their skill levels in it (ACD-03, ACD-11). */
export interface QueueMember {
  agentId: string;
  displayName: string;
  loggedIn: boolean;
  skills: MemberSkill[];
}

export interface MembersInput {
  members: { agentId: string; skills: MemberSkill[] }[];
}

export interface Option {
  id: string;
  name: string;
}

/** The largest page the option lists ask for: skills and agents of one tenant fit in it. */
const OPTIONS_SIZE = 200;

export const queuesKey = (tenantId: string | null) => ['t', tenantId, 'queues'] as const;
const queueKey = (tenantId: string | null, id: string) => [...queuesKey(tenantId), 'detail', id] as const;
const membersKey = (tenantId: string | null, id: string) => [...queuesKey(tenantId), 'members', id] as const;

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
      asList(await api<Option[] | Page<Option>>('/api/cc/calendars', { tenantId, signal })).map(
        ({ id, name }) => ({ id, name }),
      ),
    enabled: !!tenantId,
  });

export function useQueues() {
  return useQuery(queuesQuery(useTenantId()));
}

export function useQueue(id: string | null) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: queueKey(tenantId, id ?? ''),
    queryFn: ({ signal }) => api<Queue>(`/api/cc/queues/${id}`, { tenantId, signal }),
    enabled: !!id && !!tenantId,
  });
}

export function useCalendarOptions(enabled: boolean) {
  const tenantId = useTenantId();
  return useQuery({ ...calendarOptionsQuery(tenantId), enabled: enabled && !!tenantId, retry: false });
}

// Names only: the skills and agents features own the rest.
export function useSkillOptions(enabled: boolean) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['t', tenantId, 'skills', 'options'],
    queryFn: async ({ signal }) =>
      (
        await api<Page<Option>>('/api/cc/skills', {
          tenantId,
          signal,
          query: { page: 0, size: OPTIONS_SIZE },
        })
      ).items.map(({ id, name }) => ({ id, name })),
    enabled: enabled && !!tenantId,
    retry: false,
  });
}

export function useAgentOptions(enabled: boolean) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['t', tenantId, 'agents', 'options'],
    queryFn: async ({ signal }) =>
      (
        await api<Page<{ id: string; displayName: string }>>('/api/cc/agents', {
          tenantId,
          signal,
          query: { page: 0, size: OPTIONS_SIZE },
        })
      ).items.map(({ id, displayName }) => ({ id, name: displayName })),
    enabled: enabled && !!tenantId,
    retry: false,
  });
}

export function useQueueMembers(id: string | null) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: membersKey(tenantId, id ?? ''),
    queryFn: ({ signal }) => api<QueueMember[]>(`/api/cc/queues/${id}/members`, { tenantId, signal }),
    enabled: !!id && !!tenantId,
  });
}

export function useSaveQueue() {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: QueueInput }) =>
      id
        ? api<Queue>(`/api/cc/queues/${id}`, { method: 'PUT', body: input, tenantId })
        : api<Queue>('/api/cc/queues', { method: 'POST', body: input, tenantId }),
    onSuccess: (saved) => {
      // the next save sends the new version straight away
      if (saved?.id) queryClient.setQueryData(queueKey(tenantId, saved.id), saved);
      return queryClient.invalidateQueries({ queryKey: queuesKey(tenantId), exact: true });
    },
  });
}

/** ACD-03: the whole member list at once; the answer is the list as stored. */
export function useSaveQueueMembers(id: string) {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MembersInput) =>
      api<QueueMember[]>(`/api/cc/queues/${id}/members`, { method: 'PUT', body: input, tenantId }),
    onSuccess: (members) => queryClient.setQueryData(membersKey(tenantId, id), members),
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
