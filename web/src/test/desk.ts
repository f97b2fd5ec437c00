// Help-desk and knowledge-base data as cc-core's APIs return it (HD-01, HD-02, HD-03, RPT-07), for page tests.
import { page } from './telephony';

/** The call ticket #1042 was made from. */
export const LINKED_CALL = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

/** The moment the SLA tests freeze the clock at. */
export const NOW = '2026-05-04T10:00:00.000Z';

const sla = {
  firstResponseDue: null,
  resolutionDue: null,
  firstResponseBreached: false,
  resolutionBreached: false,
  pausedSince: null,
};

/** New and unanswered: its first response is due at 12:15:20, 2 h 15 min after NOW. */
export const newTicket = {
  id: 't-1042',
  number: 1042,
  subject: 'Invoice paid twice',
  description: 'The customer paid the April invoice twice and wants a refund.',
  status: 'NEW',
  priority: 'HIGH',
  assigneeId: 'a-ana',
  group: 'Billing',
  clientId: null,
  interactionIds: [LINKED_CALL],
  createdAt: '2026-05-04T09:00:00Z',
  updatedAt: '2026-05-04T09:00:00Z',
  firstResponseAt: null,
  resolvedAt: null,
  sla: { ...sla, firstResponseDue: '2026-05-04T12:15:20Z', resolutionDue: '2026-05-05T09:00:00Z' },
  escalations: [],
  handoff: null,
  version: 3,
};

/** Answered, its resolution 40 minutes late. */
export const lateTicket = {
  ...newTicket,
  id: 't-1043',
  number: 1043,
  subject: 'Meter reading missing',
  description: null,
  status: 'OPEN',
  priority: 'URGENT',
  assigneeId: null,
  group: null,
  interactionIds: [],
  firstResponseAt: '2026-05-04T08:10:00Z',
  sla: {
    ...sla,
    firstResponseDue: '2026-05-04T08:30:00Z',
    resolutionDue: '2026-05-04T09:20:00Z',
    resolutionBreached: true,
  },
  escalations: [
    {
      ruleId: 'r-1',
      ruleName: 'Urgent and late',
      firedAt: '2026-05-04T09:20:30Z',
      raisedPriorityTo: 'URGENT',
      webhook: { status: 'FAILED', attempts: 3, lastError: 'HTTP 502' },
    },
  ],
  version: 7,
};

/** Waiting for the customer: the resolution timer stands still. */
export const pendingTicket = {
  ...newTicket,
  id: 't-1044',
  number: 1044,
  subject: 'Waiting for the contract',
  status: 'PENDING',
  priority: 'LOW',
  assigneeId: 'a-ion',
  firstResponseAt: '2026-05-04T08:00:00Z',
  sla: {
    ...sla,
    firstResponseDue: '2026-05-04T12:00:00Z',
    resolutionDue: '2026-05-06T12:00:00Z',
    pausedSince: '2026-05-04T08:30:00Z',
  },
  version: 2,
};

export const closedTicket = {
  ...newTicket,
  id: 't-1001',
  number: 1001,
  subject: 'Address change',
  status: 'CLOSED',
  priority: 'NORMAL',
  firstResponseAt: '2026-05-01T08:00:00Z',
  resolvedAt: '2026-05-01T09:00:00Z',
  handoff: { status: 'SENT', attempts: 1, lastError: null, externalReference: 'REC-77' },
  version: 9,
};

export const ticketPage = page([newTicket, lateTicket, pendingTicket, closedTicket], 4, 20);

export const ticketComments = [
  {
    id: 'c-1',
    authorId: 'p-admin',
    authorName: 'Ana Popescu',
    text: 'Refund requested from accounting.',
    internal: true,
    createdAt: '2026-05-04T09:05:00Z',
  },
  {
    id: 'c-2',
    authorId: 'p-admin',
    authorName: 'Ana Popescu',
    text: 'We are refunding the second payment.',
    internal: false,
    createdAt: '2026-05-04T09:10:00Z',
  },
];

export const ticketEvents = [
  {
    id: 'e-1',
    at: '2026-05-04T09:00:00Z',
    actorId: 'p-admin',
    actorName: 'Ana Popescu',
    type: 'CREATED',
    detail: `#1042 HIGH, from interactions [${LINKED_CALL}]`,
  },
  {
    id: 'e-2',
    at: '2026-05-04T09:00:00Z',
    actorId: 'p-admin',
    actorName: 'Ana Popescu',
    type: 'ASSIGNED',
    detail: 'null → a-ana',
  },
  {
    id: 'e-3',
    at: '2026-05-04T09:30:00Z',
    actorId: null,
    actorName: null,
    type: 'STATUS_CHANGED',
    detail: 'NEW → OPEN',
  },
];

export const ticketSettings = {
  calendarId: 'c-office',
  policies: {
    LOW: { firstResponseMinutes: 480, resolutionMinutes: 4800 },
    NORMAL: { firstResponseMinutes: 240, resolutionMinutes: 2400 },
    HIGH: { firstResponseMinutes: 60, resolutionMinutes: 960 },
    URGENT: { firstResponseMinutes: 30, resolutionMinutes: 240 },
  },
  escalation: [
    {
      id: 'r-1',
      name: 'No answer in 30',
      of: 'FIRST_RESPONSE',
      point: 'AFTER_START',
      businessMinutes: 30,
      raisePriorityTo: 'HIGH',
      webhookUrl: 'https://hooks.example/linea',
    },
  ],
  handoff: {
    url: 'https://records.example/api/requests',
    headerName: 'X-Api-Key',
    headerValueSet: true,
    onStatus: 'RESOLVED',
  },
  version: 3,
};

// --- knowledge base ---------------------------------------------------------------------------------

export const kbCategories = [
  { id: 'k-billing', name: 'Billing', parentId: null, position: 0, version: 1 },
  { id: 'k-refunds', name: 'Refunds', parentId: 'k-billing', position: 0, version: 0 },
  { id: 'k-meters', name: 'Meters', parentId: null, position: 1, version: 2 },
];

export const refundArticle = {
  id: 'a-refund',
  title: 'Refund a double payment',
  body: [
    '# Refund a double payment',
    '',
    'Check the **payments** in the *billing* system first.',
    '',
    '1. Open the invoice',
    '2. Choose `Refund`',
    '',
    '- by card: 3 days',
    '- by transfer: 5 days',
    '',
    '```',
    'refund --invoice 2026-04',
    '```',
    '',
    'See [the refund policy](https://example.test/refunds) or <script>alert(1)</script>.',
    '',
    '[a trap](javascript:alert(1))',
  ].join('\n'),
  language: 'en',
  translationOf: null,
  translations: [
    { id: 'a-refund-ro', language: 'ro', title: 'Rambursarea unei plăți duble', status: 'PUBLISHED' },
  ],
  categoryId: 'k-refunds',
  tags: ['refund', 'invoice'],
  visibility: 'INTERNAL',
  status: 'PUBLISHED',
  revision: 2,
  updatedBy: 'p-admin',
  updatedByName: 'Ana Popescu',
  updatedAt: '2026-05-02T10:00:00Z',
  version: 5,
};

export const refundHit = {
  id: 'a-refund',
  title: 'Refund a double payment',
  language: 'en',
  translationOf: null,
  categoryId: 'k-refunds',
  tags: ['refund', 'invoice'],
  visibility: 'INTERNAL',
  status: 'PUBLISHED',
  revision: 2,
  updatedAt: '2026-05-02T10:00:00Z',
  rank: 0.6,
  snippet:
    'Check the <mark>payments</mark> &amp; &lt;script&gt;alert(1)&lt;/script&gt; … two <mark>payment</mark> runs',
};

export const meterHit = {
  ...refundHit,
  id: 'a-meter',
  title: 'Meter reading by phone',
  language: 'ro',
  categoryId: 'k-meters',
  tags: [],
  visibility: 'PUBLIC',
  status: 'DRAFT',
  rank: null,
  snippet: null,
};

export const refundVersions = [
  {
    articleId: 'a-refund',
    revision: 2,
    title: 'Refund a double payment',
    body: null,
    editedBy: 'p-admin',
    editedByName: 'Ana Popescu',
    editedAt: '2026-05-02T10:00:00Z',
  },
  {
    articleId: 'a-refund',
    revision: 1,
    title: 'Refunds',
    body: null,
    editedBy: 'p-ion',
    editedByName: 'Ion Mobile',
    editedAt: '2026-05-01T10:00:00Z',
  },
];

export const faq = {
  from: '2026-04-04T10:00:00Z',
  to: '2026-05-04T10:00:00Z',
  language: null,
  articles: [
    {
      articleId: 'a-refund',
      title: 'Refund a double payment',
      language: 'en',
      categoryId: 'k-refunds',
      interactions: 40,
    },
    {
      articleId: 'a-meter',
      title: 'Meter reading by phone',
      language: 'ro',
      categoryId: 'k-meters',
      interactions: 10,
    },
  ],
};

/** Tickets and articles have a `status` field: bare, the mocked API would read them as a reply. */
export const ok = (body: unknown, status = 200) => ({ status, body });
