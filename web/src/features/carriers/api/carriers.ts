import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '@/lib/api/client';

export const TRANSPORTS = ['udp', 'tcp', 'tls'] as const;
export type Transport = (typeof TRANSPORTS)[number];

/** The codecs a trunk may offer, in the order the form lists them before someone reorders them. */
export const CODECS = ['alaw', 'ulaw', 'g722', 'opus'] as const;
export type Codec = (typeof CODECS)[number];

// Technical names, the same in every language (like the language endonyms).
export const CODEC_NAMES: Record<Codec, string> = {
  alaw: 'G.711 A-law',
  ulaw: 'G.711 µ-law',
  g722: 'G.722',
  opus: 'Opus',
};

/** TEL-02: a SIP trunk shared by the platform's tenants. */
export interface Carrier {
  id: string;
  name: string;
  host: string;
  port: number;
  transport: Transport;
  username: string | null;
  hasPassword: boolean;
  codecs: Codec[];
  matchCidrs: string[];
  enabled: boolean;
  version: number;
  numberCount: number;
}

export interface CarrierInput {
  name: string;
  host: string;
  port: number;
  transport: Transport;
  username: string | null;
  /** omitted: the stored password stays */
  password?: string;
  codecs: Codec[];
  matchCidrs: string[];
  enabled: boolean;
  version?: number;
}

export const CARRIERS_PAGE_SIZE = 20;

const carriersKey = ['platform', 'carriers'] as const;

export function useCarriers(page: number) {
  return useQuery({
    queryKey: [...carriersKey, { page }],
    queryFn: ({ signal }) =>
      api<Page<Carrier>>('/api/cc/platform/carriers', { signal, query: { page, size: CARRIERS_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveCarrier() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: CarrierInput }) =>
      id
        ? api<Carrier>(`/api/cc/platform/carriers/${id}`, { method: 'PUT', body: input })
        : api<Carrier>('/api/cc/platform/carriers', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: carriersKey }),
  });
}

export function useDeleteCarrier() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/cc/platform/carriers/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: carriersKey }),
  });
}
