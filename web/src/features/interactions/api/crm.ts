// What the interaction drawer needs of intake forms (CRM-02, CRM-06) and categories (AGT-05). The
// forms and categories pages own these resources; this feature reads them under the same query
// keys, so that a change on one page shows on the other.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asList, type Page } from '@/lib/api/client';
import { useTenantId } from '@/lib/session/SessionProvider';
import type { CategoryOption } from '@/lib/categories';

export { categoryPath, type CategoryOption } from '@/lib/categories';

export type FormFieldType =
  'TEXT' | 'NUMBER' | 'DATE' | 'SELECT' | 'MULTI_SELECT' | 'BOOLEAN' | 'PHONE' | 'EMAIL';
export type FormValue = string | number | boolean | string[];

export interface FormFieldDef {
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  options: string[];
  position?: number;
}

export interface ActiveForm {
  id: string;
  name: string;
  description: string | null;
  active: boolean;
  fields: FormFieldDef[];
  version: number;
}

/** A field of a filled form: `value` is absent when empty or hidden from the reader (CRM-06). */
export interface AnswerField extends FormFieldDef {
  value?: FormValue | null;
  hidden: boolean;
}

export interface FormAnswer {
  id: string;
  formId: string;
  formName: string;
  formVersion: number;
  interactionId: string;
  clientId: string | null;
  fields: AnswerField[];
  createdAt: string;
  createdBy: string | null;
  createdByName: string | null;
  updatedAt: string;
  updatedBy: string | null;
  updatedByName: string | null;
  version: number;
}

export interface NamedCategory {
  id: string;
  name: string;
}

export interface CategoryChange {
  at: string;
  changedBy: string | null;
  changedByName: string | null;
  before: NamedCategory[];
  after: NamedCategory[];
  note: string | null;
}

export interface InteractionCategories {
  interactionId: string;
  categories: CategoryOption[];
  history: CategoryChange[];
}

export const ANSWERS_SIZE = 50;
export const NOTE_MAX = 2000;
export const CATEGORIES_MAX = 20;

export function useActiveForms(enabled: boolean) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['t', tenantId, 'forms', 'active'],
    queryFn: async ({ signal }) =>
      asList(
        await api<ActiveForm[] | Page<ActiveForm>>('/api/cc/forms', {
          tenantId,
          signal,
          query: { active: true },
        }),
      ).sort((a, b) => a.name.localeCompare(b.name)),
    enabled: enabled && !!tenantId,
  });
}

const answersKey = (tenantId: string | null, interactionId: string) =>
  ['t', tenantId, 'form-answers', { interactionId }] as const;

/** The forms filled for a call, newest first (only one's own without agents.monitor). */
export function useInteractionAnswers(interactionId: string) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: answersKey(tenantId, interactionId),
    queryFn: ({ signal }) =>
      api<Page<FormAnswer>>('/api/cc/form-answers', {
        tenantId,
        signal,
        query: { interactionId, page: 0, size: ANSWERS_SIZE },
      }),
    enabled: !!tenantId,
  });
}

export function useFillForm(interactionId: string) {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { formId: string; values: Record<string, FormValue> }) =>
      api<FormAnswer>(`/api/cc/interactions/${interactionId}/forms`, { method: 'POST', body, tenantId }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: answersKey(tenantId, interactionId) }),
  });
}

export function useEditAnswer(interactionId: string) {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id: string;
      body: { values: Record<string, FormValue>; clientId?: string; version: number };
    }) => api<FormAnswer>(`/api/cc/form-answers/${id}`, { method: 'PUT', body, tenantId }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: answersKey(tenantId, interactionId) }),
  });
}

/** Every category of the tenant (the categories page reads the same list). */
export function useCategoryOptions(enabled: boolean) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['t', tenantId, 'categories', 'all'],
    queryFn: async ({ signal }) =>
      asList(await api<CategoryOption[] | Page<CategoryOption>>('/api/cc/categories', { tenantId, signal })),
    enabled: enabled && !!tenantId,
  });
}

const interactionCategoriesKey = (tenantId: string | null, id: string) =>
  ['t', tenantId, 'interaction-categories', id] as const;

export function useInteractionCategories(id: string) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: interactionCategoriesKey(tenantId, id),
    queryFn: ({ signal }) =>
      api<InteractionCategories>(`/api/cc/interactions/${id}/categories`, { tenantId, signal }),
    enabled: !!tenantId,
  });
}

/** Sets the call's categories as a whole; the change is audited and joins the call's events. */
export function useAssignCategories(id: string) {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { categoryIds: string[]; note?: string }) =>
      api<InteractionCategories>(`/api/cc/interactions/${id}/categories`, { method: 'PUT', body, tenantId }),
    onSuccess: (saved) => {
      if (saved) queryClient.setQueryData(interactionCategoriesKey(tenantId, id), saved);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: interactionCategoriesKey(tenantId, id) });
      void queryClient.invalidateQueries({ queryKey: ['t', tenantId, 'interactions', 'detail', id] });
    },
  });
}
