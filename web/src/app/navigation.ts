// What a person may open, by the active membership's permissions and the platform role (ADM-01,
// TEN-02, TEN-04, TEN-05, TEL-04, TEL-05, ACD-03, ACD-05, ACD-11, ACD-14, CRM-01, CRM-02, CRM-05, CRM-06, AGT-05). The server checks every call again; this only keeps the UI honest.
import { can, isPlatformAdmin, type Me, type Membership } from '@/lib/session/types';

export interface Access {
  me: Me;
  membership: Membership | null;
}

export interface NavItem {
  id: string;
  path: string;
  labelKey: string;
  section: 'main' | 'tenant' | 'platform';
  allowed: (access: Access) => boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { id: 'home', path: '/', labelKey: 'nav.home', section: 'main', allowed: () => true },
  {
    // an agent's own state and queue log-ins (ACD-05, ACD-11): the API asks for queues.view itself
    id: 'presence',
    path: '/presence',
    labelKey: 'nav.presence',
    section: 'tenant',
    allowed: ({ membership }) => can(membership, 'queues.view'),
  },
  {
    // AGT-07, AGT-10: the agent's own calls, statistics and waiting callers
    id: 'my-calls',
    path: '/my-calls',
    labelKey: 'nav.myCalls',
    section: 'tenant',
    allowed: ({ membership }) => can(membership, 'queues.view'),
  },
  {
    id: 'presence-agents',
    path: '/presence/agents',
    labelKey: 'nav.agentStatus',
    section: 'tenant',
    allowed: ({ membership }) => can(membership, 'agents.monitor'),
  },
  {
    id: 'queues',
    path: '/queues',
    labelKey: 'nav.queues',
    section: 'tenant',
    allowed: ({ membership }) => can(membership, 'queues.view', 'queues.manage'),
  },
  {
    id: 'skills',
    path: '/skills',
    labelKey: 'nav.skills',
    section: 'tenant',
    allowed: ({ membership }) => can(membership, 'queues.view', 'queues.manage'),
  },
  {
    id: 'break-reasons',
    path: '/break-reasons',
    labelKey: 'nav.breakReasons',
    section: 'tenant',
    allowed: ({ membership }) => can(membership, 'queues.view', 'queues.manage'),
  },
  {
    id: 'calendars',
    path: '/working-hours',
    labelKey: 'nav.calendars',
    section: 'tenant',
    allowed: ({ membership }) => can(membership, 'calendars.view', 'calendars.manage'),
  },
  {
    id: 'numbers',
    path: '/numbers',
    labelKey: 'nav.numbers',
    section: 'tenant',
    allowed: ({ membership }) => can(membership, 'telephony.view', 'telephony.manage'),
  },
  {
    id: 'agents',
    path: '/agents',
    labelKey: 'nav.agents',
    section: 'tenant',
    allowed: ({ membership }) => can(membership, 'telephony.view', 'telephony.manage'),
  },
  {
    // calls.place alone opens it too: the page is where a call is placed (agents have no interactions.view)
    id: 'interactions',
    path: '/interactions',
    labelKey: 'nav.interactions',
    section: 'tenant',
    allowed: ({ membership }) => can(membership, 'interactions.view', 'calls.place'),
  },
  {
    id: 'callbacks',
    path: '/callbacks',
    labelKey: 'nav.callbacks',
    section: 'tenant',
    allowed: ({ membership }) => can(membership, 'callbacks.handle'),
  },
  {
    // CRM-01: the client cards; clients.manage alone lets one add and edit them
    id: 'clients',
    path: '/clients',
    labelKey: 'nav.clients',
    section: 'tenant',
    allowed: ({ membership }) => can(membership, 'clients.view', 'clients.manage'),
  },
  {
    id: 'users',
    path: '/users',
    labelKey: 'nav.users',
    section: 'tenant',
    allowed: ({ membership }) => can(membership, 'users.view', 'users.manage'),
  },
  {
    id: 'policy',
    path: '/security-policy',
    labelKey: 'nav.policy',
    section: 'tenant',
    allowed: ({ membership }) => can(membership, 'policy.manage'),
  },
  {
    id: 'settings',
    path: '/settings',
    labelKey: 'nav.settings',
    section: 'tenant',
    allowed: ({ membership }) => can(membership, 'settings.manage'),
  },
  {
    // CRM-02, AGT-12: custom client fields and the link to the tenant's own CRM
    id: 'client-fields',
    path: '/client-fields',
    labelKey: 'nav.clientFields',
    section: 'tenant',
    allowed: ({ membership }) => can(membership, 'crm.configure'),
  },
  {
    id: 'audit',
    path: '/audit',
    labelKey: 'nav.audit',
    section: 'tenant',
    allowed: ({ membership }) => can(membership, 'audit.view'),
  },
  // --- help desk and knowledge base (HD-01, HD-02, HD-03, RPT-07) ---
  {
    id: 'tickets',
    path: '/tickets',
    labelKey: 'tickets.nav',
    section: 'tenant',
    allowed: ({ membership }) => can(membership, 'tickets.handle'),
  },
  {
    id: 'ticket-settings',
    path: '/ticket-settings',
    labelKey: 'ticketSettings.nav',
    section: 'tenant',
    allowed: ({ membership }) => can(membership, 'tickets.manage'),
  },
  {
    id: 'kb',
    path: '/kb',
    labelKey: 'kb.nav',
    section: 'tenant',
    allowed: ({ membership }) => can(membership, 'kb.view'),
  },
  // --- end help desk and knowledge base ---
  // CRM admin and agent pages (CRM-02, CRM-05, CRM-06, AGT-05)
  {
    // intake forms: read with clients.view, designed with crm.configure
    id: 'forms',
    path: '/forms',
    labelKey: 'forms.nav',
    section: 'tenant',
    allowed: ({ membership }) => can(membership, 'clients.view'),
  },
  {
    // categories: read with clients.view, changed with crm.configure or agents.monitor
    id: 'categories',
    path: '/categories',
    labelKey: 'categories.nav',
    section: 'tenant',
    allowed: ({ membership }) => can(membership, 'clients.view'),
  },
  {
    id: 'api-credentials',
    path: '/api-credentials',
    labelKey: 'apiCredentials.nav',
    section: 'tenant',
    allowed: ({ membership }) => can(membership, 'integrations.manage'),
  },
  {
    id: 'tenants',
    path: '/platform/tenants',
    labelKey: 'nav.tenants',
    section: 'platform',
    allowed: ({ me }) => isPlatformAdmin(me),
  },
  {
    id: 'people',
    path: '/platform/people',
    labelKey: 'nav.people',
    section: 'platform',
    allowed: ({ me }) => isPlatformAdmin(me),
  },
  {
    id: 'carriers',
    path: '/platform/carriers',
    labelKey: 'nav.carriers',
    section: 'platform',
    allowed: ({ me }) => isPlatformAdmin(me),
  },
  {
    id: 'inventory',
    path: '/platform/numbers',
    labelKey: 'nav.inventory',
    section: 'platform',
    allowed: ({ me }) => isPlatformAdmin(me),
  },
];

export function visibleItems(access: Access): NavItem[] {
  return NAV_ITEMS.filter((item) => item.allowed(access));
}

export function navItem(id: string): NavItem {
  const item = NAV_ITEMS.find((i) => i.id === id);
  if (!item) throw new Error(`unknown nav item ${id}`);
  return item;
}
