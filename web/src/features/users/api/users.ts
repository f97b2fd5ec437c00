import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '@/lib/api/client';
import { useTenantId } from '@/lib/session/SessionProvider';

export interface User {
  id: string;
  username: string;
  displayName: string;
  email?: string | null;
  locale?: string | null;
  roles: string[];
  extraPermissions: string[];
  enabled: boolean;
  locked: boolean;
  mfaEnrolled: boolean;
  lastLoginAt?: string | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  email: string;
  locale: string;
  initialPassword: string;
  roles: string[];
  extraPermissions: string[];
}

export type UserChanges = Omit<NewUser, 'username' | 'initialPassword'>;

export interface Catalogue {
  roles: { name: string; permissions: string[] }[];
  grantablePermissions: string[];
}

export const PAGE_SIZE = 20;

const usersKey = (tenantId: string | null) => ['t', tenantId, 'users'] as const;

export function useUsers(query: string, page: number) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...usersKey(tenantId), { query, page }],
    queryFn: ({ signal }) =>
      api<Page<User>>('/api/identity/users', { tenantId, signal, query: { query, page, size: PAGE_SIZE } }),
    enabled: !!tenantId,
    placeholderData: keepPreviousData,
  });
}

export function useCatalogue() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['t', tenantId, 'catalogue'],
    queryFn: ({ signal }) => api<Catalogue>('/api/identity/catalogue', { tenantId, signal }),
    enabled: !!tenantId,
    staleTime: 5 * 60_000,
  });
}

function useUsersMutation<V, R>(fn: (tenantId: string | null, variables: V) => Promise<R>) {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => fn(tenantId, variables),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey(tenantId) }),
  });
}

export const useCreateUser = () =>
  useUsersMutation((tenantId, user: NewUser) =>
    api<User>('/api/identity/users', { method: 'POST', body: user, tenantId }),
  );

export const useUpdateUser = () =>
  useUsersMutation((tenantId, { id, changes }: { id: string; changes: UserChanges }) =>
    api<User>(`/api/identity/users/${id}`, { method: 'PUT', body: changes, tenantId }),
  );

export type UserAction = 'disable' | 'enable' | 'unlock';

export const useUserAction = () =>
  useUsersMutation((tenantId, { id, action }: { id: string; action: UserAction }) =>
    api<void>(`/api/identity/users/${id}/${action}`, { method: 'POST', tenantId }),
  );

/** Removes the person's membership in this tenant; the person may still belong to others. */
export const useRemoveUser = () =>
  useUsersMutation((tenantId, id: string) =>
    api<void>(`/api/identity/users/${id}`, { method: 'DELETE', tenantId }),
  );
