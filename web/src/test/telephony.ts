// Telephony data as the cc-core APIs return it (TEL-02, TEL-04, TEL-05, TEN-02), for page tests.
import { DEMO_ID, HEALTH_ID } from './fixtures';

export const page = <T>(items: T[], total = items.length, size = 20) => ({ items, page: 0, size, total });

export const sipTrunk = {
  id: 'c-moldtel',
  name: 'Moldtelecom',
  host: 'sip.moldtelecom.example',
  port: 5060,
  transport: 'udp',
  username: 'linea',
  hasPassword: true,
  codecs: ['alaw', 'ulaw'],
  matchCidrs: ['198.51.100.0/24'],
  enabled: true,
  version: 3,
  numberCount: 2,
};

export const inventoryNumbers = [
  {
    id: 'n-free',
    e164: '+37380012345',
    type: 'FREEPHONE',
    carrierId: 'c-moldtel',
    carrierName: 'Moldtelecom',
    tenantId: DEMO_ID,
    version: 1,
  },
  {
    id: 'n-spare',
    e164: '+37322123456',
    type: 'GEOGRAPHIC',
    carrierId: 'c-moldtel',
    carrierName: 'Moldtelecom',
    tenantId: null,
    version: 0,
  },
];

export const platformTenants = [
  { id: DEMO_ID, slug: 'demo', displayName: 'Demo Energy', status: 'ACTIVE' },
  { id: HEALTH_ID, slug: 'health', displayName: 'Health Line', status: 'ACTIVE' },
];

export const tenantNumbers = [
  {
    id: 'n-free',
    e164: '+37380012345',
    type: 'FREEPHONE',
    target: 'AGENTS',
    greeting: null,
    queueId: null,
    priority: 0,
    version: 1,
  },
  {
    id: 'n-mobile',
    e164: '+37369123456',
    type: 'MOBILE',
    target: 'AGENTS',
    greeting: 'Bună ziua, Demo Energy.',
    queueId: null,
    priority: 0,
    version: 4,
  },
];

/** A VIP line: its callers wait in the Billing queue ahead of the others (ACD-01, ACD-04). */
export const queuedNumber = {
  id: 'n-vip',
  e164: '+37322123456',
  type: 'GEOGRAPHIC',
  target: 'QUEUE',
  greeting: null,
  queueId: 'q-billing',
  priority: 7,
  version: 2,
};

export const agents = [
  {
    id: 'a-ana',
    displayName: 'Ana Agent',
    userId: 'u1',
    reach: 'ENDPOINT',
    mobileE164: '+37369000111',
    available: true,
    sipUsername: 'demo-ana',
    hasCredentials: true,
    capacity: { voice: 1, chat: 3, email: 5, sms: 5, social: 3, blended: false },
    version: 2,
  },
  {
    id: 'a-ion',
    displayName: 'Ion Mobile',
    userId: null,
    reach: 'MOBILE',
    mobileE164: '+37369000222',
    available: false,
    sipUsername: null,
    hasCredentials: false,
    capacity: { voice: 1, chat: 0, email: 0, sms: 0, social: 0, blended: false },
    version: 0,
  },
];

export const tenantUsers = page([
  { id: 'u1', username: 'demo-agent1', displayName: 'Agent One', roles: ['agent'], extraPermissions: [] },
  { id: 'u2', username: 'demo-agent2', displayName: 'Agent Two', roles: ['agent'], extraPermissions: [] },
]);

export const answeredCall = {
  id: 'i-answered',
  direction: 'INBOUND',
  state: 'ENDED',
  tenantNumber: '+37380012345',
  remoteNumber: '+37369555666',
  agentId: 'a-ana',
  agentName: 'Ana Agent',
  startedAt: '2026-05-01T10:00:00Z',
  answeredAt: '2026-05-01T10:00:12Z',
  endedAt: '2026-05-01T10:02:17Z',
  ringSeconds: 7,
  talkSeconds: 125,
  endReason: 'CALLER_HANGUP',
  abandonStage: null,
};

export const abandonedCall = {
  id: 'i-abandoned',
  direction: 'INBOUND',
  state: 'ABANDONED',
  tenantNumber: '+37380012345',
  remoteNumber: '+37369777888',
  agentId: null,
  agentName: null,
  startedAt: '2026-05-01T09:00:00Z',
  answeredAt: null,
  endedAt: '2026-05-01T09:00:09Z',
  ringSeconds: null,
  talkSeconds: null,
  endReason: null,
  abandonStage: 'GREETING',
};

export const outboundCall = {
  id: 'i-out',
  direction: 'OUTBOUND',
  state: 'FAILED',
  tenantNumber: '+37369123456',
  remoteNumber: '+40712345678',
  agentId: 'a-ana',
  agentName: 'Ana Agent',
  startedAt: '2026-05-01T08:00:00Z',
  answeredAt: null,
  endedAt: '2026-05-01T08:00:03Z',
  ringSeconds: 3,
  talkSeconds: null,
  endReason: 'SIP_503',
  abandonStage: null,
};

export const answeredCallDetail = {
  ...answeredCall,
  events: [
    { type: 'OFFERED', at: '2026-05-01T10:00:00Z', agentId: null, agentName: null, detail: null },
    { type: 'GREETING', at: '2026-05-01T10:00:01Z', agentId: null, agentName: null, detail: null },
    { type: 'RINGING', at: '2026-05-01T10:00:05Z', agentId: 'a-ion', agentName: 'Ion Mobile', detail: null },
    {
      type: 'AGENT_NO_ANSWER',
      at: '2026-05-01T10:00:08Z',
      agentId: 'a-ion',
      agentName: 'Ion Mobile',
      detail: 'timeout 3s',
    },
    { type: 'RINGING', at: '2026-05-01T10:00:09Z', agentId: 'a-ana', agentName: 'Ana Agent', detail: null },
    { type: 'ANSWERED', at: '2026-05-01T10:00:12Z', agentId: 'a-ana', agentName: 'Ana Agent', detail: null },
    { type: 'ENDED', at: '2026-05-01T10:02:17Z', agentId: null, agentName: null, detail: null },
  ],
};
