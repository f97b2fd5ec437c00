import { useQuery } from '@tanstack/react-query';
import { useTenantId } from '../session/SessionProvider';
import { api } from './client';

/** One of the tenant's numbers, as the caller ID of a call someone places (TEL-05, ACD-14). */
export interface CallerNumber {
  id: string;
  e164: string;
}

// Agents may list the numbers they may call from (calls.place, callbacks.handle) without seeing the
// number configuration (telephony.view); placing a call and dialling back a callback both use it.
export function useCallerNumbers(enabled: boolean) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['t', tenantId, 'numbers', 'options'],
    queryFn: async ({ signal }) =>
      (await api<CallerNumber[]>('/api/cc/calls/caller-numbers', { tenantId, signal })).map(
        ({ id, e164 }) => ({ id, e164 }),
      ),
    enabled: enabled && !!tenantId,
    retry: false,
  });
}
