// What the interaction drawer needs of categories (AGT-05); intake forms are in @/lib/intake, shared with
// the softphone's wrap-up. The categories page owns these resources; this feature reads them under the
// same query keys, so that a change on one page shows on the other.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asList, type Page } from '@/lib/api/client';
import { useTenantId } from '@/lib/session/SessionProvider';
import type { CategoryOption } from '@/lib/categories';

export { categoryPath, type CategoryOption } from '@/lib/categories';

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

export const NOTE_MAX = 2000;
export const CATEGORIES_MAX = 20;

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
