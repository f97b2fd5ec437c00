import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asList, type Page } from '@/lib/api/client';
import type { NumberType } from '@/lib/phone';

/** TEN-02: a number of the platform's inventory, assigned to one tenant or to none. */
export interface InventoryNumber {
  id: string;
  e164: string;
  type: NumberType;
  carrierId: string;
  carrierName: string;
  tenantId: string | null;
  version: number;
}

export interface InventoryNumberInput {
  e164: string;
  type: NumberType;
  carrierId: string;
  tenantId: string | null;
  version?: number;
}

export interface Option {
  id: string;
  name: string;
}

export interface InventoryFilter {
  q: string;
  tenantId: string;
}

export const INVENTORY_PAGE_SIZE = 20;
/** The largest page the APIs serve: enough for every carrier in a select. */
const OPTIONS_SIZE = 200;

const inventoryKey = ['platform', 'numbers'] as const;

export function useInventory(filter: InventoryFilter, page: number) {
  return useQuery({
    queryKey: [...inventoryKey, { ...filter, page }],
    queryFn: ({ signal }) =>
      api<Page<InventoryNumber>>('/api/cc/platform/numbers', {
        signal,
        query: { q: filter.q, tenantId: filter.tenantId, page, size: INVENTORY_PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
  });
}

// The number form only needs carrier names; the carriers feature owns the trunks.
export function useCarrierOptions() {
  return useQuery({
    queryKey: ['platform', 'carriers', 'options'],
    queryFn: async ({ signal }) =>
      asList(
        await api<Page<Option & { enabled?: boolean }>>('/api/cc/platform/carriers', {
          signal,
          query: { size: OPTIONS_SIZE },
        }),
      ).map(({ id, name }) => ({ id, name })),
  });
}

// Tenant names for the assignment select and the list; the tenants feature owns the rest.
export function useTenantOptions() {
  return useQuery({
    queryKey: ['platform', 'tenants', 'options'],
    queryFn: async ({ signal }) =>
      asList(
        await api<
          { id: string; displayName: string; status?: string }[] | Page<{ id: string; displayName: string }>
        >('/api/identity/platform/tenants', { signal, query: { size: 500 } }),
      ).map(({ id, displayName }) => ({ id, name: displayName })),
    staleTime: 60_000,
  });
}

function useInventoryMutation<V>(fn: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      // a carrier's number count changes with its numbers
      await queryClient.invalidateQueries({ queryKey: inventoryKey });
      await queryClient.invalidateQueries({ queryKey: ['platform', 'carriers'] });
    },
  });
}

export const useSaveInventoryNumber = () =>
  useInventoryMutation(({ id, input }: { id?: string; input: InventoryNumberInput }) =>
    id
      ? api<InventoryNumber>(`/api/cc/platform/numbers/${id}`, { method: 'PUT', body: input })
      : api<InventoryNumber>('/api/cc/platform/numbers', { method: 'POST', body: input }),
  );

export const useDeleteInventoryNumber = () =>
  useInventoryMutation((id: string) => api<void>(`/api/cc/platform/numbers/${id}`, { method: 'DELETE' }));
