import { queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Me } from './types';

export const meQueryKey = ['me'] as const;

export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: ({ signal }) => api<Me>('/api/identity/me', { signal }),
  staleTime: 60_000,
});

export function saveLocale(locale: string): Promise<void> {
  return api<void>('/api/identity/me/locale', { method: 'PUT', body: { locale } });
}

export function postActiveTenant(tenantId: string): Promise<void> {
  return api<void>('/api/identity/me/active-tenant', { method: 'POST', body: { tenantId } });
}
