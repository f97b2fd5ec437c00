// Intake forms filled for a call (CRM-02, CRM-06), in a given tenant: the interaction drawer reads them in
// the active tenant, the softphone's wrap-up in the call's own (TEN-03). The forms page owns the forms;
// these read them under the same query keys, so that a change on one page shows on the other.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asList, type Page } from '@/lib/api/client';

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

export const ANSWERS_SIZE = 50;

export function useActiveForms(tenantId: string | null, enabled: boolean) {
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
export function useInteractionAnswers(tenantId: string | null, interactionId: string) {
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

export function useFillForm(tenantId: string | null, interactionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { formId: string; values: Record<string, FormValue>; clientId?: string }) =>
      api<FormAnswer>(`/api/cc/interactions/${interactionId}/forms`, { method: 'POST', body, tenantId }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: answersKey(tenantId, interactionId) }),
  });
}

export function useEditAnswer(tenantId: string | null, interactionId: string) {
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
