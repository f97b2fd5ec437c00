import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asList, type Page } from '@/lib/api/client';
import { useTenantId } from '@/lib/session/SessionProvider';

/** The types of a form field: those of the client card's custom fields (CRM-02). */
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

/** The roles the designer offers for "visible to" (CRM-06); the server knows a few more. */
export const VISIBLE_ROLES = ['agent', 'supervisor', 'tenant-admin'] as const;

export interface FormField {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  options: string[];
  position: number;
  /** roles that may see the value; empty is everyone */
  visibleTo: string[];
}

/** CRM-02: an intake form; `version` counts its saves. */
export interface IntakeForm {
  id: string;
  name: string;
  description: string | null;
  active: boolean;
  fields: FormField[];
  version: number;
}

export interface FormInput {
  name: string;
  description: string | null;
  active: boolean;
  fields: FormField[];
  version?: number;
}

export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 2000;
export const LABEL_MAX = 200;
export const FIELDS_MAX = 100;
export const OPTIONS_MAX = 100;
export const OPTION_MAX = 100;

// the interactions drawer reads the active forms under the same prefix
const formsKey = (tenantId: string | null) => ['t', tenantId, 'forms'] as const;

export function useForms() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...formsKey(tenantId), 'all'],
    queryFn: async ({ signal }) =>
      asList(await api<IntakeForm[] | Page<IntakeForm>>('/api/cc/forms', { tenantId, signal })),
    enabled: !!tenantId,
  });
}

function useFormsMutation<V, R>(fn: (tenantId: string | null, variables: V) => Promise<R>) {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => fn(tenantId, variables),
    onSettled: () => queryClient.invalidateQueries({ queryKey: formsKey(tenantId) }),
  });
}

export const useSaveForm = () =>
  useFormsMutation((tenantId, { id, input }: { id?: string; input: FormInput }) =>
    id
      ? api<IntakeForm>(`/api/cc/forms/${id}`, { method: 'PUT', body: input, tenantId })
      : api<IntakeForm>('/api/cc/forms', { method: 'POST', body: input, tenantId }),
  );

export const useDeleteForm = () =>
  useFormsMutation((tenantId, id: string) =>
    api<void>(`/api/cc/forms/${id}`, { method: 'DELETE', tenantId }),
  );
