import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Page } from '@/lib/api/client';
import { useTenantId } from '@/lib/session/SessionProvider';

/** SEC-03: one audited event (logins, configuration changes, operations). */
export interface AuditEntry {
  id: string;
  occurredAt: string;
  type: string;
  outcome?: string | null;
  actorId?: string | null;
  actorName?: string | null;
  tenantId?: string | null;
  sourceIp?: string | null;
  userAgent?: string | null;
  details?: unknown;
}

export interface AuditFilter {
  type: string;
  actor: string;
  /** yyyy-mm-dd, local days */
  from: string;
  to: string;
}

export const AUDIT_PAGE_SIZE = 50;

/** A local calendar day to the instant it starts (or, for `to`, ends). */
export function dayToInstant(day: string, end: boolean): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  if (end) date.setHours(23, 59, 59, 999);
  return date.toISOString();
}

export function useAudit(filter: AuditFilter, page: number) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['t', tenantId, 'audit', filter, page],
    queryFn: ({ signal }) =>
      api<Page<AuditEntry>>('/api/identity/audit', {
        tenantId,
        signal,
        query: {
          type: filter.type.trim(),
          actor: filter.actor.trim(),
          from: dayToInstant(filter.from, false),
          to: dayToInstant(filter.to, true),
          page,
          size: AUDIT_PAGE_SIZE,
        },
      }),
    enabled: !!tenantId,
    placeholderData: keepPreviousData,
  });
}
