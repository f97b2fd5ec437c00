// Routing data as the cc-core APIs return it (ACD-03, ACD-05, ACD-10, ACD-11, ACD-14, IVR-09), for page tests.
import { page } from './telephony';

export const skills = [
  { id: 's-ro', name: 'Romanian', description: 'Native speakers', version: 1 },
  { id: 's-billing', name: 'Billing', description: null, version: 3 },
];

export const breakReasons = [
  { id: 'b-lunch', name: 'Lunch', paid: false, maxMinutes: 60, enabled: true, version: 2 },
  { id: 'b-training', name: 'Training', paid: true, maxMinutes: null, enabled: false, version: 0 },
];

/** Members of the Billing queue: Ana with both skills; Ion (a-ion) is an agent but no member. */
export const billingMembers = [
  {
    agentId: 'a-ana',
    displayName: 'Ana Agent',
    loggedIn: true,
    skills: [
      { skillId: 's-ro', level: 5 },
      { skillId: 's-billing', level: 2 },
    ],
  },
];

export const callbackRequest = {
  id: 'cb-1',
  kind: 'CALLBACK',
  status: 'SCHEDULED',
  number: '+37369555666',
  queueId: 'q-billing',
  queueName: 'Billing',
  interactionId: 'i-answered',
  createdAt: '2026-05-01T10:00:00Z',
  preferredAt: '2026-05-01T14:30:00Z',
  attempts: 1,
  lastAttemptAt: '2026-05-01T11:00:00Z',
  outcome: null,
  note: null,
  doneAt: null,
  doneByName: null,
  voicemail: null,
  version: 4,
};

export const missedCall = {
  ...callbackRequest,
  id: 'cb-2',
  kind: 'MISSED',
  status: 'OPEN',
  number: null,
  preferredAt: null,
  attempts: 0,
  lastAttemptAt: null,
  version: 0,
};

export const voicemailMessage = {
  ...callbackRequest,
  id: 'cb-3',
  kind: 'VOICEMAIL',
  status: 'OPEN',
  number: '+40712345678',
  queueId: null,
  queueName: null,
  preferredAt: null,
  attempts: 0,
  lastAttemptAt: null,
  voicemail: { id: 'vm-1', durationMs: 42_000 },
  version: 1,
};

export const doneCallback = {
  ...callbackRequest,
  id: 'cb-4',
  status: 'DONE',
  outcome: 'REACHED',
  note: 'Paid by card',
  doneAt: '2026-05-01T15:00:00Z',
  doneByName: 'Ana Agent',
  version: 6,
};

export const openCallbacks = page([callbackRequest, missedCall, voicemailMessage]);

/** Ana's presence: logged in to Billing; Outages leaves logging in and out to supervisors (ACD-05, ACD-11). */
export const myPresence = {
  agentId: 'a-ana',
  displayName: 'Ana Agent',
  state: 'AVAILABLE',
  queues: [
    { queueId: 'q-billing', name: 'Billing', loggedIn: true, selfLoginAllowed: true },
    { queueId: 'q-outages', name: 'Outages', loggedIn: false, selfLoginAllowed: false },
  ],
};

/** The supervisor's view: Ana available, Ion on a break and logged out of Billing. */
export const teamPresence = [
  myPresence,
  {
    agentId: 'a-ion',
    displayName: 'Ion Mobile',
    state: 'BREAK',
    queues: [{ queueId: 'q-billing', name: 'Billing', loggedIn: false, selfLoginAllowed: true }],
  },
];
