/**
 * ACD-05: an agent's state, per person across all their tenants. Only AVAILABLE, BREAK and
 * LOGGED_OUT are chosen (by the agent or a supervisor); the others follow from their calls and chats.
 * Shared by the presence pages, the softphone's transfer panel and the agent's own pages.
 */
export const PRESENCE_STATES = [
  'LOGGED_OUT',
  'AVAILABLE',
  'RINGING',
  'ON_CALL',
  'WRAP_UP',
  'BREAK',
  'CHATTING',
] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

/** ACD-05: one colour per state, the same on every page and in the softphone. */
export const PRESENCE_COLORS: Record<PresenceState, string> = {
  LOGGED_OUT: 'gray',
  AVAILABLE: 'teal',
  RINGING: 'yellow',
  ON_CALL: 'blue',
  WRAP_UP: 'violet',
  BREAK: 'orange',
  CHATTING: 'cyan',
};
