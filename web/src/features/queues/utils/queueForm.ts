// The queue editor's values, their defaults (the server's, so a new queue shows what it will get),
// client-side checks and the request body (ACD-01 … ACD-11).
import type { TFunction } from 'i18next';
import type { Errors } from '@/lib/form';
import { isE164, normaliseE164 } from '@/lib/phone';
import {
  MESSAGE_MAX,
  OVERFLOW_CONDITIONS,
  type ActionType,
  type OverflowAction,
  type OverflowCondition,
  type Queue,
  type QueueInput,
  type Strategy,
} from '../api/queues';

export const TABS = ['general', 'distribution', 'waiting', 'overflow', 'members'] as const;
export type Tab = (typeof TABS)[number];

/** What NumberInput holds: a number, or '' while empty. */
type NumberValue = number | string;

export interface ActionValues {
  type: ActionType;
  queueId: string;
  agentId: string;
  number: string;
  message: string;
}

export interface QueueValues {
  name: string;
  description: string;
  serviceLevelSeconds: NumberValue;
  enabled: boolean;
  calendarId: string;
  selfLoginAllowed: boolean;
  strategy: Strategy;
  priority: NumberValue;
  ringTimeoutSeconds: NumberValue;
  wrapUpSeconds: NumberValue;
  stickyDays: NumberValue;
  stickyWaitSeconds: NumberValue;
  /** '' = never widen */
  skillFallbackSeconds: NumberValue;
  /** '' = no limit */
  maxWaitSeconds: NumberValue;
  maxLength: NumberValue;
  announcePosition: boolean;
  announceWait: boolean;
  announceIntervalSeconds: NumberValue;
  callbackOffer: boolean;
  callbackPreferredTime: boolean;
  voicemailOption: boolean;
  overflow: Record<OverflowCondition, ActionValues>;
}

/** Limits of the numeric fields, as the server checks them. */
export const LIMITS = {
  serviceLevelSeconds: [1, 3600],
  priority: [0, 9],
  wrapUpSeconds: [0, 3600],
  ringTimeoutSeconds: [5, 120],
  maxWaitSeconds: [10, 86400],
  maxLength: [0, 10000],
  stickyDays: [0, 365],
  stickyWaitSeconds: [0, 300],
  skillFallbackSeconds: [5, 3600],
  announceIntervalSeconds: [15, 600],
} as const satisfies Record<string, readonly [number, number]>;
export type NumberField = keyof typeof LIMITS;
/** Empty means "none": no maximum wait, never widen the skills. */
const OPTIONAL: NumberField[] = ['maxWaitSeconds', 'skillFallbackSeconds'];

const VOICEMAIL: ActionValues = { type: 'VOICEMAIL', queueId: '', agentId: '', number: '', message: '' };

function actionValues(action: OverflowAction | undefined): ActionValues {
  if (!action) return { ...VOICEMAIL };
  return {
    type: action.type,
    queueId: action.queueId ?? '',
    agentId: action.agentId ?? '',
    number: action.number ?? '',
    message: action.message ?? '',
  };
}

export function queueValues(queue: Queue | null): QueueValues {
  return {
    name: queue?.name ?? '',
    description: queue?.description ?? '',
    serviceLevelSeconds: queue?.serviceLevelSeconds ?? 20,
    enabled: queue?.enabled ?? true,
    calendarId: queue?.calendarId ?? '',
    selfLoginAllowed: queue?.selfLoginAllowed ?? true,
    strategy: queue?.strategy ?? 'LONGEST_IDLE',
    priority: queue?.priority ?? 0,
    ringTimeoutSeconds: queue?.ringTimeoutSeconds ?? 20,
    wrapUpSeconds: queue?.wrapUpSeconds ?? 30,
    stickyDays: queue?.stickyDays ?? 0,
    stickyWaitSeconds: queue?.stickyWaitSeconds ?? 10,
    skillFallbackSeconds: queue?.skillFallbackSeconds ?? '',
    maxWaitSeconds: queue?.maxWaitSeconds ?? '',
    maxLength: queue?.maxLength ?? 0,
    announcePosition: queue?.announcePosition ?? true,
    announceWait: queue?.announceWait ?? true,
    announceIntervalSeconds: queue?.announceIntervalSeconds ?? 60,
    callbackOffer: queue?.callbackOffer ?? false,
    callbackPreferredTime: queue?.callbackPreferredTime ?? false,
    voicemailOption: queue?.voicemailOption ?? false,
    overflow: Object.fromEntries(
      OVERFLOW_CONDITIONS.map((condition) => [condition, actionValues(queue?.overflow?.[condition])]),
    ) as Record<OverflowCondition, ActionValues>,
  };
}

const isBlank = (value: NumberValue) => value === '' || value === null || value === undefined;

function checkNumber(values: QueueValues, field: NumberField, t: TFunction, errors: Errors) {
  const value = values[field];
  if (isBlank(value) && OPTIONAL.includes(field)) return;
  const [min, max] = LIMITS[field];
  const n = Number(value);
  if (isBlank(value) || !Number.isInteger(n) || n < min || n > max)
    errors[field] = t('validation.range', { min, max });
}

/** The field an overflow action needs for its type (ACD-08); null when it needs none. */
export function targetField(type: ActionType): keyof Omit<ActionValues, 'type'> | null {
  switch (type) {
    case 'QUEUE':
      return 'queueId';
    case 'AGENT':
      return 'agentId';
    case 'NUMBER':
      return 'number';
    case 'ANNOUNCE_HANGUP':
      return 'message';
    default:
      return null;
  }
}

export function validateQueue(values: QueueValues, selfId: string | null, t: TFunction): Errors {
  const errors: Errors = {};
  const name = values.name.trim();
  if (!name) errors.name = t('validation.required');
  else if (name.length > 100) errors.name = t('validation.maxLength', { max: 100 });
  for (const field of Object.keys(LIMITS) as NumberField[]) checkNumber(values, field, t, errors);

  for (const condition of OVERFLOW_CONDITIONS) {
    const action = values.overflow[condition];
    const path = `overflow.${condition}`;
    if (action.type === 'QUEUE') {
      if (!action.queueId) errors[`${path}.queueId`] = t('queues.overflow.queueRequired');
      else if (action.queueId === selfId) errors[`${path}.queueId`] = t('queues.overflow.self');
    } else if (action.type === 'AGENT') {
      if (!action.agentId) errors[`${path}.agentId`] = t('queues.overflow.agentRequired');
    } else if (action.type === 'NUMBER') {
      const number = normaliseE164(action.number);
      if (!number) errors[`${path}.number`] = t('queues.overflow.numberRequired');
      else if (!isE164(number)) errors[`${path}.number`] = t('validation.e164');
    } else if (action.type === 'ANNOUNCE_HANGUP') {
      const message = action.message.trim();
      if (!message) errors[`${path}.message`] = t('queues.overflow.messageRequired');
      else if (message.length > MESSAGE_MAX)
        errors[`${path}.message`] = t('validation.maxLength', { max: MESSAGE_MAX });
    }
  }
  return errors;
}

/** Only the target the action's type uses is sent; the others are null. */
function actionInput(action: ActionValues): OverflowAction {
  const target = targetField(action.type);
  return {
    type: action.type,
    queueId: target === 'queueId' ? action.queueId : null,
    agentId: target === 'agentId' ? action.agentId : null,
    number: target === 'number' ? normaliseE164(action.number) : null,
    message: target === 'message' ? action.message.trim() : null,
  };
}

const int = (value: NumberValue) => Number(value);
const intOrNull = (value: NumberValue) => (isBlank(value) ? null : Number(value));

export function queueInput(values: QueueValues, version?: number): QueueInput {
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    serviceLevelSeconds: int(values.serviceLevelSeconds),
    enabled: values.enabled,
    calendarId: values.calendarId || null,
    selfLoginAllowed: values.selfLoginAllowed,
    strategy: values.strategy,
    priority: int(values.priority),
    ringTimeoutSeconds: int(values.ringTimeoutSeconds),
    wrapUpSeconds: int(values.wrapUpSeconds),
    stickyDays: int(values.stickyDays),
    stickyWaitSeconds: int(values.stickyWaitSeconds),
    skillFallbackSeconds: intOrNull(values.skillFallbackSeconds),
    maxWaitSeconds: intOrNull(values.maxWaitSeconds),
    maxLength: int(values.maxLength),
    announcePosition: values.announcePosition,
    announceWait: values.announceWait,
    announceIntervalSeconds: int(values.announceIntervalSeconds),
    callbackOffer: values.callbackOffer,
    // a preferred time only means something when a callback is offered
    callbackPreferredTime: values.callbackOffer && values.callbackPreferredTime,
    voicemailOption: values.voicemailOption,
    overflow: Object.fromEntries(
      OVERFLOW_CONDITIONS.map((condition) => [condition, actionInput(values.overflow[condition])]),
    ) as QueueInput['overflow'],
    version,
  };
}

const FIELD_TABS: Record<string, Tab> = {
  strategy: 'distribution',
  priority: 'distribution',
  ringTimeoutSeconds: 'distribution',
  wrapUpSeconds: 'distribution',
  stickyDays: 'distribution',
  stickyWaitSeconds: 'distribution',
  skillFallbackSeconds: 'distribution',
  maxWaitSeconds: 'waiting',
  maxLength: 'waiting',
  announcePosition: 'waiting',
  announceWait: 'waiting',
  announceIntervalSeconds: 'waiting',
  callbackOffer: 'waiting',
  callbackPreferredTime: 'waiting',
  voicemailOption: 'waiting',
  overflow: 'overflow',
};

/** The tab that shows a field (`overflow.timeout.queueId` → overflow); unknown fields are general. */
export function tabOf(field: string): Tab {
  return FIELD_TABS[field.split(/[.[]/)[0] ?? field] ?? 'general';
}
