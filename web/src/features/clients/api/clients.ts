import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asList, type Page } from '@/lib/api/client';
import { useTenantId } from '@/lib/session/SessionProvider';

export interface ClientPhone {
  number: string;
  label: string | null;
}

export interface ClientEmail {
  address: string;
  label: string | null;
}

export type CustomValue = string | number | boolean | string[] | null;

/** CRM-01: one person (or organisation) the tenant talks to, with the tenant's own fields. */
export interface Client {
  id: string;
  firstName: string | null;
  lastName: string | null;
  organisation: string | null;
  externalId: string | null;
  language: string | null;
  phones: ClientPhone[];
  emails: ClientEmail[];
  tags: string[];
  custom: Record<string, CustomValue>;
  /** the tenant's own CRM page for this client (AGT-12), null without a link template or external id */
  link: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ClientInput {
  firstName: string;
  lastName: string;
  organisation: string;
  externalId: string;
  language: string | null;
  phones: ClientPhone[];
  emails: ClientEmail[];
  tags: string[];
  custom: Record<string, CustomValue>;
  version?: number;
}

export const FIELD_TYPES = [
  'TEXT',
  'NUMBER',
  'DATE',
  'SELECT',
  'MULTI_SELECT',
  'BOOLEAN',
  'PHONE',
  'EMAIL',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/**
 * CRM-02: a custom field the tenant defined. The designer (client-fields feature) edits them; the
 * client form only reads them, under the same query key so that both refresh together.
 */
export interface ClientFieldDefinition {
  id: string;
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  options: string[];
  position: number;
  version: number;
}

export interface Note {
  id: string;
  text: string;
  authorId: string | null;
  authorName?: string | null;
  interactionId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  versions?: number;
}

export interface NoteVersion {
  text: string;
  authorId: string | null;
  authorName?: string | null;
  createdAt: string;
}

/** A note as the API sends it: who wrote it first and who changed it last. */
interface ServerNote {
  id: string;
  interactionId: string | null;
  text: string;
  createdAt: string;
  createdBy: string | null;
  createdByName?: string | null;
  updatedAt: string;
  updatedBy?: string | null;
  updatedByName?: string | null;
  version: number;
}

/** Every text a note had, 1 the first; the highest number is the current text. */
interface ServerNoteVersion {
  number: number;
  text: string;
  authorId: string | null;
  authorName?: string | null;
  writtenAt: string;
}

const toNote = (n: ServerNote): Note => ({
  id: n.id,
  text: n.text,
  authorId: n.createdBy,
  authorName: n.createdByName ?? null,
  interactionId: n.interactionId,
  createdAt: n.createdAt,
  updatedAt: n.updatedAt,
  version: n.version,
});

/** The earlier texts only: the current one is the note itself. */
const toEarlierVersions = (versions: ServerNoteVersion[]): NoteVersion[] => {
  const current = Math.max(0, ...versions.map((v) => v.number));
  return versions
    .filter((v) => v.number !== current)
    .map((v) => ({
      text: v.text,
      authorId: v.authorId,
      authorName: v.authorName ?? null,
      createdAt: v.writtenAt,
    }));
};

/** A call in the client's history: the shape of the interactions API (TEL-05). */
export interface ClientInteraction {
  id: string;
  direction: 'INBOUND' | 'OUTBOUND';
  state: 'OFFERED' | 'RINGING' | 'ANSWERED' | 'ENDED' | 'ABANDONED' | 'REJECTED' | 'FAILED';
  tenantNumber: string;
  remoteNumber: string;
  agentName: string | null;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  ringSeconds: number | null;
  talkSeconds: number | null;
}

/** The client card's tabs. */
export const CARD_TABS = ['details', 'notes', 'history'] as const;
export type CardTab = (typeof CARD_TABS)[number];

export const SORTS = ['name', 'updated'] as const;
export type Sort = (typeof SORTS)[number];
/** The API's sort parameter: by name A–Z, or the last changed first. */
export const SORT_PARAMS: Record<Sort, string> = { name: 'name,asc', updated: 'updatedAt,desc' };

export const CLIENTS_PAGE_SIZE = 20;
export const HISTORY_PAGE_SIZE = 20;
export const FIELDS_PAGE_SIZE = 100;
export const NAME_MAX = 100;
export const TEXT_MAX = 200;
export const NOTE_MAX = 4000;

export const clientsKey = (tenantId: string | null) => ['t', tenantId, 'clients'] as const;
export const clientFieldsKey = (tenantId: string | null) => ['t', tenantId, 'client-fields'] as const;

export interface ClientQuery {
  q: string;
  tag: string;
  sort: Sort;
  page: number;
}

export function useClients({ q, tag, sort, page }: ClientQuery) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...clientsKey(tenantId), 'list', { q, tag, sort, page }],
    queryFn: ({ signal }) =>
      api<Page<Client>>('/api/cc/clients', {
        tenantId,
        signal,
        query: { q, tag, page, size: CLIENTS_PAGE_SIZE, sort: SORT_PARAMS[sort] },
      }),
    enabled: !!tenantId,
    placeholderData: keepPreviousData,
  });
}

export function useClient(id: string | null) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...clientsKey(tenantId), 'detail', id],
    queryFn: ({ signal }) => api<Client>(`/api/cc/clients/${id}`, { tenantId, signal }),
    enabled: !!id && !!tenantId,
  });
}

/** The tenant's custom fields in the order the designer gave them. */
export function useClientFieldDefinitions() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...clientFieldsKey(tenantId), 'list'],
    queryFn: async ({ signal }) => {
      const response = await api<ClientFieldDefinition[] | Page<ClientFieldDefinition>>(
        '/api/cc/client-fields',
        { tenantId, signal, query: { page: 0, size: FIELDS_PAGE_SIZE } },
      );
      return [...asList(response)].sort((a, b) => a.position - b.position);
    },
    enabled: !!tenantId,
  });
}

export function useSaveClient() {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ClientInput }) =>
      id
        ? api<Client>(`/api/cc/clients/${id}`, { method: 'PUT', body: input, tenantId })
        : api<Client>('/api/cc/clients', { method: 'POST', body: input, tenantId }),
    // the card shows what was saved (with its new version) at once
    onSuccess: (saved) => {
      if (saved?.id) queryClient.setQueryData([...clientsKey(tenantId), 'detail', saved.id], saved);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: clientsKey(tenantId) }),
  });
}

export function useDeleteClient() {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/cc/clients/${id}`, { method: 'DELETE', tenantId }),
    // the card of a deleted client is not asked for again
    onSuccess: (_data, id) =>
      queryClient.removeQueries({ queryKey: [...clientsKey(tenantId), 'detail', id] }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...clientsKey(tenantId), 'list'] }),
  });
}

const notesKey = (tenantId: string | null, clientId: string) =>
  [...clientsKey(tenantId), 'notes', clientId] as const;

/** AGT-05: the client's notes, the newest first. */
export function useNotes(clientId: string) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: notesKey(tenantId, clientId),
    queryFn: async ({ signal }) => {
      const response = await api<ServerNote[] | Page<ServerNote>>(`/api/cc/clients/${clientId}/notes`, {
        tenantId,
        signal,
        query: { page: 0, size: FIELDS_PAGE_SIZE },
      });
      return asList(response)
        .map(toNote)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    enabled: !!tenantId,
  });
}

export function useNoteVersions(clientId: string, noteId: string | null) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...notesKey(tenantId, clientId), noteId, 'versions'],
    queryFn: async ({ signal }) => {
      const versions = await api<ServerNoteVersion[]>(
        `/api/cc/clients/${clientId}/notes/${noteId}/versions`,
        { tenantId, signal },
      );
      return toEarlierVersions(versions ?? []).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    enabled: !!tenantId && !!noteId,
    staleTime: 0,
  });
}

export function useSaveNote(clientId: string) {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, text, version }: { id?: string; text: string; version?: number }) =>
      id
        ? api<Note>(`/api/cc/clients/${clientId}/notes/${id}`, {
            method: 'PUT',
            body: { text, version },
            tenantId,
          })
        : api<Note>(`/api/cc/clients/${clientId}/notes`, { method: 'POST', body: { text }, tenantId }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notesKey(tenantId, clientId) }),
  });
}

/** CRM-01: the client's calls, the newest first. */
export function useClientInteractions(clientId: string, page: number) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...clientsKey(tenantId), 'interactions', clientId, { page }],
    queryFn: ({ signal }) =>
      api<Page<ClientInteraction>>(`/api/cc/clients/${clientId}/interactions`, {
        tenantId,
        signal,
        query: { page, size: HISTORY_PAGE_SIZE },
      }),
    enabled: !!tenantId,
    placeholderData: keepPreviousData,
  });
}
