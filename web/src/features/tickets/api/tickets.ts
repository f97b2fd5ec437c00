import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asList, type Page } from '@/lib/api/client';
import { useSession, useTenantId } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';

/** HD-01: where a ticket is in its life; only the transitions of NEXT_STATUSES are allowed. */
export const STATUSES = ['NEW', 'OPEN', 'PENDING', 'RESOLVED', 'CLOSED'] as const;
export type TicketStatus = (typeof STATUSES)[number];

/** The statuses each one may change to, as cc-core's TicketStatus.next() (staying is always allowed). */
export const NEXT_STATUSES: Record<TicketStatus, readonly TicketStatus[]> = {
  NEW: ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'],
  OPEN: ['PENDING', 'RESOLVED', 'CLOSED'],
  PENDING: ['OPEN', 'RESOLVED', 'CLOSED'],
  RESOLVED: ['OPEN', 'CLOSED'],
  CLOSED: [],
};

export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type TicketPriority = (typeof PRIORITIES)[number];

/** What the list may be sorted by; the server's default is `createdAt,desc`. */
export const SORTS = [
  'createdAt,desc',
  'createdAt,asc',
  'updatedAt,desc',
  'firstResponseDue,asc',
  'resolutionDue,asc',
] as const;
export type TicketSort = (typeof SORTS)[number];

/** What the history records (cc-core TicketManagement). */
export const EVENT_TYPES = [
  'CREATED',
  'ASSIGNED',
  'STATUS_CHANGED',
  'PRIORITY_CHANGED',
  'UPDATED',
  'COMMENTED',
  'FIRST_RESPONSE',
  'ESCALATED',
  'WEBHOOK_SENT',
  'WEBHOOK_FAILED',
  'HANDOFF_SENT',
  'HANDOFF_FAILED',
] as const;

/** Outcome of a webhook call or a hand-off. */
export const DELIVERY_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface Sla {
  firstResponseDue: string | null;
  resolutionDue: string | null;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
  /** the resolution timer stands still since then (PENDING, RESOLVED) */
  pausedSince: string | null;
}

export interface Escalation {
  ruleId: string;
  ruleName: string;
  firedAt: string;
  raisedPriorityTo: TicketPriority | null;
  webhook: { status: DeliveryStatus; attempts: number; lastError: string | null } | null;
}

export interface Handoff {
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  externalReference: string | null;
}

/** HD-01: a customer's request that could not be settled during the contact itself. */
export interface Ticket {
  id: string;
  number: number;
  subject: string;
  description: string | null;
  status: TicketStatus;
  priority: TicketPriority;
  assigneeId: string | null;
  group: string | null;
  clientId: string | null;
  interactionIds: string[];
  createdAt: string;
  updatedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  /** A resolution date agreed with the customer; null: the SLA policy's due time applies. */
  agreedResolutionDue?: string | null;
  sla: Sla;
  escalations: Escalation[];
  handoff: Handoff | null;
  version: number;
}

/** The fields a person edits; a PUT also carries status and version. */
export interface TicketInput {
  subject: string;
  description: string | null;
  priority: TicketPriority;
  assigneeId: string | null;
  group: string | null;
  clientId: string | null;
  interactionIds: string[];
}

export interface TicketUpdate extends TicketInput {
  status: TicketStatus;
  /** A resolution date agreed with the customer, sent back as it came so a save keeps it; null: the SLA policy's. */
  resolutionDue: string | null;
  version: number;
}

export interface TicketComment {
  id: string;
  authorId: string | null;
  authorName: string | null;
  text: string;
  internal: boolean;
  createdAt: string;
}

export interface TicketEvent {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  type: string;
  detail: string | null;
}

export interface TicketFilters {
  status: TicketStatus | '';
  priority: TicketPriority | '';
  assignee: string;
  group: string;
  q: string;
  sort: TicketSort;
}

export const EMPTY_FILTERS: TicketFilters = {
  status: '',
  priority: '',
  assignee: '',
  group: '',
  q: '',
  sort: 'createdAt,desc',
};

export const TICKETS_PAGE_SIZE = 20;
export const SUBJECT_MAX = 200;
export const DESCRIPTION_MAX = 10_000;
export const GROUP_MAX = 100;
export const COMMENT_MAX = 10_000;
export const INTERACTIONS_MAX = 20;
/** New tickets and changes by others arrive while the list is open. */
export const REFRESH_MS = 30_000;

const ticketsKey = (tenantId: string | null) => ['t', tenantId, 'tickets'] as const;
const ticketKey = (tenantId: string | null, id: string) => [...ticketsKey(tenantId), 'one', id] as const;

export function useTickets(filters: TicketFilters, page: number) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...ticketsKey(tenantId), 'list', { ...filters, page }],
    queryFn: ({ signal }) =>
      api<Page<Ticket>>('/api/cc/tickets', {
        tenantId,
        signal,
        query: {
          status: filters.status,
          priority: filters.priority,
          assignee: filters.assignee,
          group: filters.group.trim(),
          q: filters.q.trim(),
          sort: filters.sort,
          page,
          size: TICKETS_PAGE_SIZE,
        },
      }),
    enabled: !!tenantId,
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: false,
  });
}

export function useTicket(id: string) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ticketKey(tenantId, id),
    queryFn: ({ signal }) => api<Ticket>(`/api/cc/tickets/${id}`, { tenantId, signal }),
    enabled: !!tenantId,
    retry: false,
  });
}

export function useTicketComments(id: string) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...ticketKey(tenantId, id), 'comments'],
    queryFn: ({ signal }) => api<TicketComment[]>(`/api/cc/tickets/${id}/comments`, { tenantId, signal }),
    enabled: !!tenantId,
  });
}

export function useTicketEvents(id: string) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...ticketKey(tenantId, id), 'events'],
    queryFn: ({ signal }) => api<TicketEvent[]>(`/api/cc/tickets/${id}/events`, { tenantId, signal }),
    enabled: !!tenantId,
  });
}

/** Every change answers with the ticket as it is now: it replaces the cached one, the lists refresh. */
function useTicketMutation<V>(fn: (tenantId: string | null, variables: V) => Promise<Ticket>) {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => fn(tenantId, variables),
    onSuccess: (ticket) => {
      if (ticket?.id) queryClient.setQueryData(ticketKey(tenantId, ticket.id), ticket);
    },
    // a refusal (stale version, invalid transition) also means the ticket may have moved on
    onSettled: () => queryClient.invalidateQueries({ queryKey: ticketsKey(tenantId) }),
  });
}

export const useCreateTicket = () =>
  useTicketMutation((tenantId, input: TicketInput) =>
    api<Ticket>('/api/cc/tickets', { method: 'POST', body: input, tenantId }),
  );

export const useUpdateTicket = () =>
  useTicketMutation((tenantId, { id, input }: { id: string; input: TicketUpdate }) =>
    api<Ticket>(`/api/cc/tickets/${id}`, { method: 'PUT', body: input, tenantId }),
  );

/** HD-02: sends the ticket to the tenant's records system now; the outcome is on the ticket. */
export const useHandoff = () =>
  useTicketMutation((tenantId, id: string) =>
    api<Ticket>(`/api/cc/tickets/${id}/handoff`, { method: 'POST', tenantId }),
  );

export function useAddComment(id: string) {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { text: string; internal: boolean }) =>
      api<TicketComment>(`/api/cc/tickets/${id}/comments`, { method: 'POST', body: input, tenantId }),
    // the first public comment stops the first-response timer and opens a new ticket
    onSettled: () => queryClient.invalidateQueries({ queryKey: ticketsKey(tenantId) }),
  });
}

/** The ticket as a PUT body, with some fields changed. */
export function ticketUpdate(ticket: Ticket, changes: Partial<TicketUpdate> = {}): TicketUpdate {
  return {
    subject: ticket.subject,
    description: ticket.description,
    status: ticket.status,
    priority: ticket.priority,
    assigneeId: ticket.assigneeId,
    group: ticket.group,
    clientId: ticket.clientId,
    interactionIds: ticket.interactionIds,
    resolutionDue: ticket.agreedResolutionDue ?? null,
    version: ticket.version,
    ...changes,
  };
}

export interface AgentOption {
  id: string;
  name: string;
}

const OPTIONS_SIZE = 200;

/**
 * The agents a ticket can be assigned to. The agents list needs telephony.view, which agents
 * themselves lack: they get at least their own agent (from their presence), so they can take a ticket.
 */
export function useAssigneeOptions() {
  const tenantId = useTenantId();
  const { membership } = useSession();
  const listAllowed = can(membership, 'telephony.view', 'telephony.manage');
  const all = useQuery({
    queryKey: ['t', tenantId, 'agents', 'options'],
    queryFn: async ({ signal }) =>
      (
        await api<Page<{ id: string; displayName: string }>>('/api/cc/agents', {
          tenantId,
          signal,
          query: { page: 0, size: OPTIONS_SIZE },
        })
      ).items.map(({ id, displayName }) => ({ id, name: displayName })),
    enabled: listAllowed && !!tenantId,
    retry: false,
  });
  const mine = useQuery({
    queryKey: [...ticketsKey(tenantId), 'my-agent'],
    queryFn: async ({ signal }) => {
      const me = await api<{ agentId: string; displayName: string }>('/api/cc/presence/me', {
        tenantId,
        signal,
      });
      return { id: me.agentId, name: me.displayName };
    },
    enabled: can(membership, 'queues.view') && !!tenantId,
    retry: false,
    staleTime: 5 * 60_000,
  });
  const options: AgentOption[] = [...(all.data ?? [])];
  if (mine.data && !options.some((o) => o.id === mine.data.id)) options.unshift(mine.data);
  return { options, myAgentId: mine.data?.id ?? null };
}

// --- settings (tickets.manage) ---------------------------------------------------------------------

export const TIMERS = ['FIRST_RESPONSE', 'RESOLUTION'] as const;
export type EscalationTimer = (typeof TIMERS)[number];
export const POINTS = ['AFTER_START', 'BEFORE_DUE', 'AFTER_DUE'] as const;
export type EscalationPoint = (typeof POINTS)[number];
/** Automatic hand-off is only allowed on these statuses (`ticket.handoff-status-invalid`). */
export const HANDOFF_STATUSES = ['PENDING', 'RESOLVED', 'CLOSED'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

export interface Targets {
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

export interface EscalationRule {
  /** kept when editing a rule so it fires at most once per ticket; null for a new rule */
  id: string | null;
  name: string;
  of: EscalationTimer;
  point: EscalationPoint;
  businessMinutes: number;
  raisePriorityTo: TicketPriority | null;
  webhookUrl: string | null;
}

export interface TicketSettings {
  calendarId: string | null;
  policies: Record<TicketPriority, Targets>;
  escalation: EscalationRule[];
  handoff: {
    url: string;
    headerName: string | null;
    headerValueSet: boolean;
    onStatus: HandoffStatus | null;
  } | null;
  version: number;
}

export interface TicketSettingsInput {
  calendarId: string | null;
  policies: Record<TicketPriority, Targets>;
  escalation: EscalationRule[];
  /** `headerValue` is write-only: left out, the stored secret stays */
  handoff: {
    url: string;
    headerName: string | null;
    headerValue?: string;
    onStatus: HandoffStatus | null;
  } | null;
  version: number;
}

/** Business minutes: 525,600 is a year. */
export const MINUTES_MAX = 525_600;
export const RULES_MAX = 50;
export const RULE_NAME_MAX = 100;
export const URL_MAX = 2000;
export const HEADER_NAME_MAX = 100;
export const HEADER_VALUE_MAX = 500;

const settingsKey = (tenantId: string | null) => ['t', tenantId, 'ticket-settings'] as const;

export function useTicketSettings(enabled = true) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: settingsKey(tenantId),
    queryFn: ({ signal }) => api<TicketSettings>('/api/cc/ticket-settings', { tenantId, signal }),
    enabled: enabled && !!tenantId,
    retry: false,
  });
}

export function useSaveTicketSettings() {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TicketSettingsInput) =>
      api<TicketSettings>('/api/cc/ticket-settings', { method: 'PUT', body: input, tenantId }),
    onSuccess: (saved) => queryClient.setQueryData(settingsKey(tenantId), saved),
    // saving re-times every open ticket
    onSettled: () => queryClient.invalidateQueries({ queryKey: ticketsKey(tenantId) }),
  });
}

// Names only, for the calendar select: the calendars feature owns the rest (same key as the queue editor's).
export function useCalendarOptions(enabled: boolean) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['t', tenantId, 'calendars', 'options'],
    queryFn: async ({ signal }) =>
      asList(
        await api<{ id: string; name: string }[] | Page<{ id: string; name: string }>>('/api/cc/calendars', {
          tenantId,
          signal,
        }),
      ).map(({ id, name }) => ({ id, name })),
    enabled: enabled && !!tenantId,
    retry: false,
  });
}
