import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { useTenantId } from '@/lib/session/SessionProvider';

export type MfaMode = 'OFF' | 'ADMINS' | 'ALL';

/** SEC-01 password rules, SEC-02 MFA and trusted networks, SEC-03 audit retention. */
export interface SecurityPolicy {
  minLength: number;
  requireUpper: boolean;
  requireLower: boolean;
  requireDigit: boolean;
  requireSymbol: boolean;
  historySize: number;
  maxAgeDays: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  mfaMode: MfaMode;
  trustedNetworks: string[];
  auditRetentionDays: number;
}

/** SEC-03: audit entries are kept at least six months. */
export const MIN_AUDIT_RETENTION_DAYS = 183;

const policyKey = (tenantId: string | null) => ['t', tenantId, 'policy'] as const;

export function usePolicy() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: policyKey(tenantId),
    queryFn: ({ signal }) => api<SecurityPolicy>('/api/identity/policy', { tenantId, signal }),
    enabled: !!tenantId,
  });
}

export function useSavePolicy() {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: SecurityPolicy) =>
      api<SecurityPolicy>('/api/identity/policy', { method: 'PUT', body: policy, tenantId }),
    onSuccess: (saved) => {
      if (saved) queryClient.setQueryData(policyKey(tenantId), saved);
      return queryClient.invalidateQueries({ queryKey: policyKey(tenantId) });
    },
  });
}
