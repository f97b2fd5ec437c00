import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asList, type Page } from '@/lib/api/client';
import { useTenantId } from '@/lib/session/SessionProvider';

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
export const TYPES_WITH_OPTIONS: readonly FieldType[] = ['SELECT', 'MULTI_SELECT'];

/** CRM-02: a field the tenant adds to every client card. */
export interface ClientField {
  id: string;
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  options: string[];
  position: number;
  version: number;
}

export interface ClientFieldInput {
  key?: string;
  label: string;
  type: FieldType;
  required: boolean;
  options: string[];
  position: number;
  version?: number;
}

/** AGT-12: where "Open in your CRM" leads; `{externalId}` stands for the client's id there. */
export interface CrmSettings {
  linkTemplate: string | null;
  version: number;
}

export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const LABEL_MAX = 100;
export const OPTION_MAX = 100;
export const OPTIONS_MAX = 100;
export const FIELDS_PAGE_SIZE = 100;
export const EXTERNAL_ID = '{externalId}';
export const EXAMPLE_ID = '12345';

// the clients feature reads the definitions under the same prefix, so both refresh together
const fieldsKey = (tenantId: string | null) => ['t', tenantId, 'client-fields'] as const;
const settingsKey = (tenantId: string | null) => ['t', tenantId, 'crm-settings'] as const;

export function useClientFields() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...fieldsKey(tenantId), 'list'],
    queryFn: async ({ signal }) => {
      const response = await api<ClientField[] | Page<ClientField>>('/api/cc/client-fields', {
        tenantId,
        signal,
        query: { page: 0, size: FIELDS_PAGE_SIZE },
      });
      return [...asList(response)].sort((a, b) => a.position - b.position);
    },
    enabled: !!tenantId,
  });
}

function useFieldsMutation<V, R>(fn: (tenantId: string | null, variables: V) => Promise<R>) {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => fn(tenantId, variables),
    onSettled: () => queryClient.invalidateQueries({ queryKey: fieldsKey(tenantId) }),
  });
}

export const useSaveClientField = () =>
  useFieldsMutation((tenantId, { id, input }: { id?: string; input: ClientFieldInput }) =>
    id
      ? api<ClientField>(`/api/cc/client-fields/${id}`, { method: 'PUT', body: input, tenantId })
      : api<ClientField>('/api/cc/client-fields', { method: 'POST', body: input, tenantId }),
  );

export const useDeleteClientField = () =>
  useFieldsMutation((tenantId, id: string) =>
    api<void>(`/api/cc/client-fields/${id}`, { method: 'DELETE', tenantId }),
  );

export function useCrmSettings() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: settingsKey(tenantId),
    queryFn: ({ signal }) => api<CrmSettings>('/api/cc/crm-settings', { tenantId, signal }),
    enabled: !!tenantId,
  });
}

export function useSaveCrmSettings() {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CrmSettings) =>
      api<CrmSettings>('/api/cc/crm-settings', { method: 'PUT', body: input, tenantId }),
    onSuccess: (saved) => {
      if (saved) queryClient.setQueryData(settingsKey(tenantId), saved);
    },
    // every client's link follows the template
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: settingsKey(tenantId) });
      void queryClient.invalidateQueries({ queryKey: ['t', tenantId, 'clients'] });
    },
  });
}

/** An absolute http(s) URL with `{externalId}` in it. */
export function isLinkTemplate(template: string): boolean {
  if (!template.includes(EXTERNAL_ID)) return false;
  try {
    const url = new URL(template.split(EXTERNAL_ID).join(EXAMPLE_ID));
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function previewLink(template: string): string {
  return template.split(EXTERNAL_ID).join(EXAMPLE_ID);
}
