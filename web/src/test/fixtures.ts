import { PERMISSIONS, type Me, type Membership } from '@/lib/session/types';

export const DEMO_ID = 'd0000000-0000-4000-8000-000000000001';
export const HEALTH_ID = 'd0000000-0000-4000-8000-000000000002';

export const AGENT_PERMISSIONS = ['queues.view', 'calendars.view', 'settings.view', 'callbacks.handle'];

export function membership(over: Partial<Membership> = {}): Membership {
  return {
    tenantId: DEMO_ID,
    slug: 'demo',
    name: 'Demo Energy',
    status: 'ACTIVE',
    roles: ['tenant-admin'],
    permissions: [...PERMISSIONS],
    ...over,
  };
}

export const demoAdmin: Me = {
  id: 'p-admin',
  username: 'demo-admin',
  displayName: 'Ana Popescu',
  email: 'ana@example.test',
  locale: 'en',
  platformRoles: [],
  mfaEnrolled: true,
  memberships: [membership()],
};

export const operator: Me = {
  id: 'p-operator',
  username: 'operator',
  displayName: 'Olena Operator',
  locale: 'en',
  platformRoles: [],
  mfaEnrolled: false,
  memberships: [
    membership({ roles: ['agent'], permissions: AGENT_PERMISSIONS }),
    membership({
      tenantId: HEALTH_ID,
      slug: 'health',
      name: 'Health Line',
      roles: ['agent'],
      permissions: AGENT_PERMISSIONS,
    }),
  ],
};

export const platformAdmin: Me = {
  id: 'p-platform',
  username: 'platform',
  displayName: 'Platform Admin',
  locale: 'en',
  platformRoles: ['platform-admin'],
  mfaEnrolled: false,
  memberships: [],
};

/** What the queues API answers for the routing settings of a queue left at its defaults (ACD-01 … ACD-11). */
const voicemail = { type: 'VOICEMAIL', queueId: null, agentId: null, number: null, message: null };
export const queueDefaults = {
  strategy: 'LONGEST_IDLE',
  priority: 0,
  wrapUpSeconds: 30,
  ringTimeoutSeconds: 20,
  maxWaitSeconds: null,
  maxLength: 0,
  stickyDays: 0,
  stickyWaitSeconds: 10,
  skillFallbackSeconds: null,
  selfLoginAllowed: true,
  announcePosition: true,
  announceWait: true,
  announceIntervalSeconds: 60,
  callbackOffer: false,
  callbackPreferredTime: false,
  voicemailOption: false,
  overflow: { closed: voicemail, timeout: voicemail, full: voicemail, noAgents: voicemail },
};

export const queuesByTenant = {
  [DEMO_ID]: [
    {
      id: 'q-billing',
      name: 'Billing',
      description: 'Invoices',
      serviceLevelSeconds: 20,
      enabled: true,
      calendarId: 'c-office',
      version: 1,
      ...queueDefaults,
      strategy: 'MOST_SKILLED',
      priority: 5,
    },
    {
      id: 'q-outages',
      name: 'Outages',
      description: '',
      serviceLevelSeconds: 10,
      enabled: true,
      calendarId: null,
      version: 1,
      ...queueDefaults,
      strategy: 'RING_ALL',
    },
  ],
  [HEALTH_ID]: [
    {
      id: 'q-hotline',
      name: 'Hotline',
      description: '0-800',
      serviceLevelSeconds: 30,
      enabled: true,
      calendarId: null,
      version: 1,
      ...queueDefaults,
    },
  ],
};

export const officeHours = {
  id: 'c-office',
  name: 'Office hours',
  timeZone: 'Europe/Chisinau',
  weeklyHours: [
    { day: 'MONDAY', opens: '08:00', closes: '17:00' },
    { day: 'TUESDAY', opens: '08:00', closes: '17:00' },
  ],
  holidays: [{ date: '2026-12-25', name: 'Christmas' }],
  version: 1,
};
