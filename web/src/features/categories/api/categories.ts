import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asList, type Page } from '@/lib/api/client';
import { useTenantId } from '@/lib/session/SessionProvider';

/** AGT-05: a category (disposition) of interactions; an inactive one stays on past calls. */
export interface Category {
  id: string;
  name: string;
  parentId: string | null;
  active: boolean;
  position: number;
  version: number;
}

export interface CategoryInput {
  name: string;
  parentId: string | null;
  active: boolean;
  position: number;
  version?: number;
}

export const NAME_MAX = 200;
export const POSITION_MAX = 100_000;

// the interactions drawer reads them under the same key, so both refresh together
const categoriesKey = (tenantId: string | null) => ['t', tenantId, 'categories'] as const;

/** Every category, active or not, by position then name (the server's order). */
export function useCategories() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...categoriesKey(tenantId), 'all'],
    queryFn: async ({ signal }) =>
      asList(await api<Category[] | Page<Category>>('/api/cc/categories', { tenantId, signal })),
    enabled: !!tenantId,
  });
}

function useCategoriesMutation<V, R>(fn: (tenantId: string | null, variables: V) => Promise<R>) {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => fn(tenantId, variables),
    onSettled: () => queryClient.invalidateQueries({ queryKey: categoriesKey(tenantId) }),
  });
}

export const useSaveCategory = () =>
  useCategoriesMutation((tenantId, { id, input }: { id?: string; input: CategoryInput }) =>
    id
      ? api<Category>(`/api/cc/categories/${id}`, { method: 'PUT', body: input, tenantId })
      : api<Category>('/api/cc/categories', { method: 'POST', body: input, tenantId }),
  );

export const useDeleteCategory = () =>
  useCategoriesMutation((tenantId, id: string) =>
    api<void>(`/api/cc/categories/${id}`, { method: 'DELETE', tenantId }),
  );

export interface TreeNode {
  category: Category;
  depth: number;
  children: TreeNode[];
}

/** The categories as a tree in the server's order; one whose parent is missing is shown at the top. */
export function buildTree(categories: Category[]): TreeNode[] {
  const ids = new Set(categories.map((c) => c.id));
  const byParent = new Map<string | null, Category[]>();
  for (const category of categories) {
    const parent = category.parentId && ids.has(category.parentId) ? category.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), category]);
  }
  const seen = new Set<string>();
  const grow = (parent: string | null, depth: number): TreeNode[] =>
    (byParent.get(parent) ?? [])
      .filter((category) => !seen.has(category.id) && seen.add(category.id))
      .map((category) => ({ category, depth, children: grow(category.id, depth + 1) }));
  return grow(null, 0);
}

/** The tree in reading order, each with its depth. */
export function flatten(tree: TreeNode[]): TreeNode[] {
  return tree.flatMap((node) => [node, ...flatten(node.children)]);
}

/** A category and everything under it: none of these may become its parent. */
export function subtreeIds(categories: Category[], id: string): Set<string> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const category of categories)
      if (category.parentId && ids.has(category.parentId) && !ids.has(category.id)) {
        ids.add(category.id);
        grew = true;
      }
  }
  return ids;
}

/** "Billing › Refund": a category with the names of its parents. */
export function pathName(categories: Category[], id: string): string {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const names: string[] = [];
  const seen = new Set<string>();
  for (
    let current = byId.get(id);
    current && !seen.has(current.id);
    current = byId.get(current.parentId ?? '')
  ) {
    seen.add(current.id);
    names.unshift(current.name);
  }
  return names.join(' › ');
}
