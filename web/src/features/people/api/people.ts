import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asList, type Page } from '@/lib/api/client';

export interface PersonMembership {
  tenantId: string;
  slug?: string;
  name?: string;
  status?: 'ACTIVE' | 'SUSPENDED';
  roles: string[];
  extraPermissions?: string[];
  permissions?: string[];
}

export interface Person {
  id: string;
  username: string;
  displayName: string;
  email?: string | null;
  locale?: string | null;
  enabled?: boolean;
  platformRoles?: string[];
  memberships?: PersonMembership[];
}

export interface NewPerson {
  username: string;
  displayName: string;
  email: string;
  locale: string;
  initialPassword: string;
}

export interface TenantOption {
  id: string;
  slug: string;
  displayName: string;
  status: string;
}

export const PEOPLE_PAGE_SIZE = 20;

export function usePeople(query: string, page: number) {
  return useQuery({
    queryKey: ['platform', 'people', { query, page }],
    queryFn: ({ signal }) =>
      api<Page<Person>>('/api/identity/platform/people', {
        signal,
        query: { query, page, size: PEOPLE_PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: ['platform', 'people', id],
    queryFn: ({ signal }) => api<Person>(`/api/identity/platform/people/${id}`, { signal }),
  });
}

// The membership editor needs tenant names; the tenants feature owns the rest.
export function useTenantOptions() {
  return useQuery({
    queryKey: ['platform', 'tenants', 'options'],
    queryFn: async ({ signal }) =>
      asList(
        await api<TenantOption[] | Page<TenantOption>>('/api/identity/platform/tenants', {
          signal,
          query: { size: 500 },
        }),
      ),
    staleTime: 60_000,
  });
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (person: NewPerson) =>
      api<Person>('/api/identity/platform/people', { method: 'POST', body: person }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['platform', 'people'] }),
  });
}

export function useSaveMembership(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      tenantId,
      roles,
      extraPermissions,
    }: {
      tenantId: string;
      roles: string[];
      extraPermissions: string[];
    }) =>
      api<void>(`/api/identity/platform/people/${personId}/memberships/${tenantId}`, {
        method: 'PUT',
        body: { roles, extraPermissions },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['platform', 'people'] }),
  });
}

export function useRemoveMembership(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tenantId: string) =>
      api<void>(`/api/identity/platform/people/${personId}/memberships/${tenantId}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['platform', 'people'] }),
  });
}
