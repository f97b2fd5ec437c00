import type { Category } from '../api/kb';

export interface CategoryNode {
  category: Category;
  depth: number;
  /** "Billing / Invoices" */
  path: string;
}

/**
 * Categories in tree order (each followed by its sub-categories, by position then name), with
 * their depth. A category whose parent is missing is shown at the top.
 */
export function categoryTree(categories: Category[]): CategoryNode[] {
  const ids = new Set(categories.map((c) => c.id));
  const children = new Map<string | null, Category[]>();
  for (const category of categories) {
    const parent = category.parentId && ids.has(category.parentId) ? category.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), category]);
  }
  for (const list of children.values())
    list.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const out: CategoryNode[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number, prefix: string) => {
    for (const category of children.get(parent) ?? []) {
      if (seen.has(category.id)) continue;
      seen.add(category.id);
      const path = prefix ? `${prefix} / ${category.name}` : category.name;
      out.push({ category, depth, path });
      walk(category.id, depth + 1, path);
    }
  };
  walk(null, 0, '');
  return out;
}

/** A category and everything below it: what it may not be moved under. */
export function descendants(categories: Category[], id: string): Set<string> {
  const found = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of categories)
      if (c.parentId && found.has(c.parentId) && !found.has(c.id)) {
        found.add(c.id);
        grew = true;
      }
  }
  return found;
}
