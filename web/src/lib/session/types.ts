import type { Language } from '../i18n/languages';

export interface Membership {
  tenantId: string;
  slug: string;
  name: string;
  status?: 'ACTIVE' | 'SUSPENDED';
  roles: string[];
  permissions: string[];
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  email?: string | null;
  locale?: Language | string | null;
  platformRoles: string[];
  mfaEnrolled: boolean;
  memberships: Membership[];
}

export const PLATFORM_ADMIN = 'platform-admin';

/** Tenant roles and grantable permissions, as in platform-core's Roles and Permissions (ADM-01). */
export const ROLES = ['tenant-admin', 'supervisor', 'agent', 'wallboard', 'customer-manager'] as const;
export const PERMISSIONS = [
  'users.view',
  'users.manage',
  'policy.manage',
  'audit.view',
  'settings.view',
  'settings.manage',
  'queues.view',
  'queues.manage',
  'calendars.view',
  'calendars.manage',
  'reports.view',
  'recordings.listen',
  'recordings.download',
  'callbacks.handle',
  'agents.monitor',
  'wallboard.view',
  'telephony.view',
  'telephony.manage',
  'interactions.view',
  'calls.place',
  'clients.view',
  'clients.manage',
  'crm.configure',
  'tickets.handle',
  'tickets.manage',
  'kb.view',
  'kb.manage',
  'integrations.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const GRANTABLE_PERMISSIONS: Permission[] = [
  'recordings.listen',
  'recordings.download',
  'callbacks.handle',
  'reports.view',
  'audit.view',
  'agents.monitor',
  'wallboard.view',
  'users.view',
  'interactions.view',
  'calls.place',
  'clients.view',
  'clients.manage',
  'tickets.handle',
  'kb.view',
  'kb.manage',
];

export function can(membership: Membership | null | undefined, ...anyOf: Permission[]): boolean {
  return !!membership && anyOf.some((p) => membership.permissions.includes(p));
}

export function isPlatformAdmin(me: Me | null | undefined): boolean {
  return !!me?.platformRoles?.includes(PLATFORM_ADMIN);
}
