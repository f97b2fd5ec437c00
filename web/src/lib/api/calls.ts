import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { useTenantId } from '@/lib/session/SessionProvider';

/**
 * TEL-05: asks the platform to call a number for the signed-in agent, with one of the tenant's numbers as
 * caller ID; the interactions list is read again afterwards.
 */
export function usePlaceCall() {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (call: { numberId: string; to: string }) =>
      api<{ interactionId: string }>('/api/cc/calls', { method: 'POST', body: call, tenantId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['t', tenantId, 'interactions'] }),
  });
}
