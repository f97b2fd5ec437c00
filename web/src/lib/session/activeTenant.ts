// The tenant the UI works in. Kept outside React so the store survives remounts, and in
// localStorage per person so the choice is remembered across logins (TEN-03).
import { useSyncExternalStore } from 'react';
import type { Membership } from './types';

const PREFIX = 'linea.activeTenant.';
let activeTenantId: string | null = null;
const listeners = new Set<() => void>();

export function getActiveTenantId(): string | null {
  return activeTenantId;
}

export function setActiveTenantId(tenantId: string | null, personId?: string): void {
  activeTenantId = tenantId;
  if (personId) {
    try {
      if (tenantId) localStorage.setItem(PREFIX + personId, tenantId);
      else localStorage.removeItem(PREFIX + personId);
    } catch {
      // storage may be disabled; the choice then lasts for this page only
    }
  }
  listeners.forEach((listener) => listener());
}

/** The remembered tenant if the person is still a member of it, else the first membership. */
export function chooseInitialTenant(personId: string, memberships: Membership[]): string | null {
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(PREFIX + personId);
  } catch {
    remembered = null;
  }
  const usable = memberships.filter((m) => m.status !== 'SUSPENDED');
  const pool = usable.length > 0 ? usable : memberships;
  return pool.find((m) => m.tenantId === remembered)?.tenantId ?? pool[0]?.tenantId ?? null;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useActiveTenantId(): string | null {
  return useSyncExternalStore(subscribe, getActiveTenantId, getActiveTenantId);
}
