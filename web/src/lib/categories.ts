/** A category (disposition) of the tenant's tree (AGT-05). */
export interface CategoryOption {
  id: string;
  name: string;
  parentId: string | null;
  active: boolean;
  position: number;
  version: number;
}

/** "Billing › Refund": a category with the names of its parents. */
export function categoryPath(categories: CategoryOption[], id: string, fallback: string): string {
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
  return names.length ? names.join(' › ') : fallback;
}
