import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiBlob, apiUpload, asList, type Page } from '@/lib/api/client';
import { useTenantId } from '@/lib/session/SessionProvider';

/** What a column of the file fills (docs/crm.md, Import); custom fields are `custom.<key>`. */
export const TARGETS = [
  'externalId',
  'firstName',
  'lastName',
  'organisation',
  'language',
  'phone',
  'phone2',
  'email',
  'tags',
] as const;
export type BuiltInTarget = (typeof TARGETS)[number];
export const EXTERNAL_ID: BuiltInTarget = 'externalId';
export const CUSTOM_PREFIX = 'custom.';

export const STATUSES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;
export type ImportStatus = (typeof STATUSES)[number];
export const FINAL_STATUSES: readonly ImportStatus[] = ['DONE', 'FAILED'];

/** The CSV delimiters offered; the server takes any single character. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
/** Encodings offered for CSV files (Java and the browser's TextDecoder know each of these names). */
export const ENCODINGS = ['UTF-8', 'windows-1250', 'windows-1251', 'windows-1252', 'ISO-8859-2'] as const;

/** `columns` maps a header (or a column letter) to a target. */
export interface ImportMapping {
  columns: Record<string, string>;
  delimiter?: string | null;
  encoding?: string | null;
  hasHeader?: boolean | null;
}

/** CRM-05: an import job and its counters, committed after every batch. */
export interface ImportJob {
  id: string;
  status: ImportStatus;
  source: string;
  fileName: string | null;
  format: string | null;
  total: number | null;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  failureCode: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  reportExpiresAt: string | null;
}

export interface SavedMapping {
  id: string;
  name: string;
  mapping: ImportMapping;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A custom client field, as far as the mapping needs it. */
export interface CustomFieldRef {
  key: string;
  label: string;
  position: number;
}

export const POLL_MS = 1_000;
export const RECENT_SIZE = 20;
export const MAPPING_NAME_MAX = 100;

const importsKey = (tenantId: string | null) => ['t', tenantId, 'client-imports'] as const;
const mappingsKey = (tenantId: string | null) => ['t', tenantId, 'client-import-mappings'] as const;

export const isFinal = (job: Pick<ImportJob, 'status'> | undefined) =>
  !!job && FINAL_STATUSES.includes(job.status);

/** The recent imports, newest first; followed while one of them is still running. */
export function useImports() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...importsKey(tenantId), 'list'],
    queryFn: ({ signal }) =>
      api<Page<ImportJob>>('/api/cc/clients/imports', {
        tenantId,
        signal,
        query: { page: 0, size: RECENT_SIZE },
      }),
    enabled: !!tenantId,
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (asList(query.state.data).some((job) => !isFinal(job)) ? 5 * POLL_MS : false),
    refetchIntervalInBackground: false,
    staleTime: 0,
  });
}

/** One job, asked for every second until it is done or failed. */
export function useImportJob(id: string | null) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...importsKey(tenantId), 'job', id],
    queryFn: ({ signal }) => api<ImportJob>(`/api/cc/clients/imports/${id}`, { tenantId, signal }),
    enabled: !!id && !!tenantId,
    refetchInterval: (query) => (isFinal(query.state.data) ? false : POLL_MS),
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
}

/** Sends the file with its mapping; `onProgress` follows the upload itself. */
export function useStartImport() {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      file,
      mapping,
      onProgress,
      signal,
    }: {
      file: File;
      mapping: ImportMapping;
      onProgress: (loaded: number, total: number) => void;
      signal?: AbortSignal;
    }) => {
      const body = new FormData();
      body.append('file', file, file.name);
      body.append('mapping', JSON.stringify(mapping));
      return apiUpload<ImportJob>('/api/cc/clients/imports', body, { tenantId, onProgress, signal });
    },
    onSuccess: (job) => {
      if (job?.id) queryClient.setQueryData([...importsKey(tenantId), 'job', job.id], job);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...importsKey(tenantId), 'list'] }),
  });
}

/** The rejected rows as CSV (`line,code,field,message,row`), fetched with the token. */
export function fetchRejectedReport(tenantId: string | null, id: string): Promise<Blob> {
  return apiBlob(`/api/cc/clients/imports/${id}/rejected`, { tenantId });
}

export function useSavedMappings(enabled = true) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...mappingsKey(tenantId), 'list'],
    queryFn: async ({ signal }) => {
      const response = await api<SavedMapping[] | Page<SavedMapping>>('/api/cc/client-import-mappings', {
        tenantId,
        signal,
      });
      return [...asList(response)].sort((a, b) => a.name.localeCompare(b.name));
    },
    enabled: enabled && !!tenantId,
  });
}

export function useSaveMapping() {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      name,
      mapping,
      version,
    }: {
      id?: string;
      name: string;
      mapping: ImportMapping;
      version?: number;
    }) =>
      id
        ? api<SavedMapping>(`/api/cc/client-import-mappings/${id}`, {
            method: 'PUT',
            body: { name, mapping, version },
            tenantId,
          })
        : api<SavedMapping>('/api/cc/client-import-mappings', {
            method: 'POST',
            body: { name, mapping },
            tenantId,
          }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mappingsKey(tenantId) }),
  });
}

/** The tenant's custom fields, under the key the clients pages use, so that all refresh together. */
export function useCustomFields() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['t', tenantId, 'client-fields', 'list'],
    queryFn: async ({ signal }) => {
      const response = await api<CustomFieldRef[] | Page<CustomFieldRef>>('/api/cc/client-fields', {
        tenantId,
        signal,
        query: { page: 0, size: 100 },
      });
      return [...asList(response)].sort((a, b) => a.position - b.position);
    },
    enabled: !!tenantId,
  });
}
