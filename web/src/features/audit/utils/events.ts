import type { TFunction } from 'i18next';
import { formatDateTime } from '@/lib/format';
import { ENDONYMS, isLanguage } from '@/lib/i18n/languages';
import { PERMISSIONS, ROLES } from '@/lib/session/types';

/**
 * SEC-03: the audit event types tenant-service writes (AuditLog callers, LoginAudit), in the order the
 * type filter offers them. Labels are `audit.events.<type>` (dots nest in the translation files).
 */
export const AUDIT_EVENT_TYPES = [
  'login.succeeded',
  'login.failed',
  'account.locked',
  'logout',
  'mfa.enrolled',
  'password.changed',
  'tenant.switched',
  'user.created',
  'user.updated',
  'user.disabled',
  'user.enabled',
  'user.unlocked',
  'membership.created',
  'membership.updated',
  'membership.removed',
  'policy.updated',
  'tenant.created',
  'tenant.suspended',
  'tenant.reactivated',
  'person.created',
] as const;

/** AuditLog.SUCCESS and AuditLog.FAILURE. */
export const AUDIT_OUTCOMES = ['SUCCESS', 'FAILURE'] as const;

/** The `reason` values tenant-service writes (LoginFlow, MeController, DemoSeed); tenant suspensions carry free text. */
export const AUDIT_REASONS = [
  'unknown-user',
  'bad-password',
  'locked',
  'disabled',
  'tenant-suspended',
  'mfa-failed',
  'mfa-replayed',
  'expired',
  'self',
  'platform-admin',
  'demo-seed',
] as const;

/** Detail keys with a translated name (`audit.detailKeys.<key>`); others are shown as they are. */
export const AUDIT_DETAIL_KEYS = [
  'username',
  'reason',
  'slug',
  'displayName',
  'name',
  'email',
  'locale',
  'personId',
  'roles',
  'extraPermissions',
  'previousRoles',
  'previousExtraPermissions',
  'previousStatus',
  'tenants',
  'lockedUntil',
  'failedAttempts',
  'changes',
] as const;

/** Fields of a `policy.updated` change set, named as on the security policy page (`policy.<field>`). */
export const POLICY_FIELDS = [
  'minLength',
  'requireUpper',
  'requireLower',
  'requireDigit',
  'requireSymbol',
  'historySize',
  'maxAgeDays',
  'lockoutThreshold',
  'lockoutMinutes',
  'mfaMode',
  'trustedNetworks',
  'auditRetentionDays',
] as const;

const MFA_MODES = ['OFF', 'ADMINS', 'ALL'];
const TENANT_STATUSES = ['ACTIVE', 'SUSPENDED'];

const includes = (list: readonly string[], value: unknown): value is string =>
  typeof value === 'string' && list.includes(value);

export function isKnownEventType(type: string): boolean {
  return includes(AUDIT_EVENT_TYPES, type);
}

/** The translated name of an event type, or the raw code when it is not one we know. */
export function eventLabel(t: TFunction, type: string): string {
  return isKnownEventType(type) ? t(`audit.events.${type}`) : type;
}

export function outcomeLabel(t: TFunction, outcome: string): string {
  return includes(AUDIT_OUTCOMES, outcome) ? t(`audit.outcomes.${outcome}`) : outcome;
}

/** The event types as options of the type filter: translated label, raw code as the value. */
export function eventTypeOptions(t: TFunction): { value: string; label: string }[] {
  return AUDIT_EVENT_TYPES.map((type) => ({ value: type, label: eventLabel(t, type) }));
}

export interface DetailLine {
  key: string;
  label: string;
  value: string;
}

function plain(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(plain).join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function list(value: unknown, translate: (item: string) => string): string {
  if (!Array.isArray(value)) return plain(value);
  return value.length ? value.map((item) => translate(String(item))).join(', ') : '—';
}

function policyValue(t: TFunction, field: string, value: unknown): string {
  if (field === 'mfaMode' && includes(MFA_MODES, value)) return t(`policy.mfaModes.${value}`);
  if (value === 'true' || value === true) return t('audit.values.yes');
  if (value === 'false' || value === false) return t('audit.values.no');
  return plain(value);
}

function policyChanges(t: TFunction, changes: unknown): string {
  if (!changes || typeof changes !== 'object' || Array.isArray(changes)) return plain(changes);
  return Object.entries(changes as Record<string, unknown>)
    .map(([field, change]) => {
      const label = includes(POLICY_FIELDS, field) ? t(`policy.${field}`) : field;
      if (change && typeof change === 'object' && 'from' in change && 'to' in change) {
        const { from, to } = change as { from: unknown; to: unknown };
        return `${label}: ${policyValue(t, field, from)} → ${policyValue(t, field, to)}`;
      }
      return `${label}: ${plain(change)}`;
    })
    .join('; ');
}

function detailValue(t: TFunction, key: string, value: unknown): string {
  switch (key) {
    case 'reason':
      return includes(AUDIT_REASONS, value) ? t(`audit.reasons.${value}`) : plain(value);
    case 'roles':
    case 'previousRoles':
      return list(value, (role) => (includes(ROLES, role) ? t(`roles.${role}`) : role));
    case 'extraPermissions':
    case 'previousExtraPermissions':
      return list(value, (perm) => (includes(PERMISSIONS, perm) ? t(`permissions.${perm}`) : perm));
    case 'previousStatus':
      return includes(TENANT_STATUSES, value) ? t(`tenants.status.${value}`) : plain(value);
    case 'locale':
      return isLanguage(value) ? ENDONYMS[value] : plain(value);
    case 'lockedUntil':
      return typeof value === 'string' ? formatDateTime(value) : plain(value);
    case 'changes':
      return policyChanges(t, value);
    default:
      return plain(value);
  }
}

/** An entry's details as `name: value` lines, names and known values translated, the rest raw. */
export function detailLines(t: TFunction, details: unknown): DetailLine[] {
  if (details === null || details === undefined || details === '') return [];
  if (typeof details !== 'object' || Array.isArray(details))
    return [{ key: '', label: '', value: plain(details) }];
  return Object.entries(details as Record<string, unknown>).map(([key, value]) => ({
    key,
    label: includes(AUDIT_DETAIL_KEYS, key) ? t(`audit.detailKeys.${key}`) : key,
    value: detailValue(t, key, value),
  }));
}
