import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { queueInput, queueValues, tabOf, validateQueue, type QueueValues } from './queueForm';

// the keys themselves: enough to tell which message a field got
const t = ((key: string) => key) as unknown as TFunction;

function withOverflow(patch: Partial<QueueValues['overflow']>): QueueValues {
  const values = queueValues(null);
  return { ...values, name: 'Billing', overflow: { ...values.overflow, ...patch } };
}
const action = { queueId: '', agentId: '', number: '', message: '' };

describe('queue form (ACD-01 … ACD-09)', () => {
  it('starts a new queue from the server defaults, with nothing to complain about but the name', () => {
    expect(validateQueue(queueValues(null), null, t)).toEqual({ name: 'validation.required' });
    expect(validateQueue({ ...queueValues(null), name: 'Billing' }, null, t)).toEqual({});
  });

  it('requires the target of each overflow action and refuses the queue itself (ACD-08)', () => {
    const values = withOverflow({
      closed: { ...action, type: 'QUEUE', queueId: 'q-self' },
      timeout: { ...action, type: 'AGENT' },
      full: { ...action, type: 'NUMBER', number: '+0123' },
      noAgents: { ...action, type: 'ANNOUNCE_HANGUP', message: 'x'.repeat(501) },
    });
    expect(validateQueue(values, 'q-self', t)).toEqual({
      'overflow.closed.queueId': 'queues.overflow.self',
      'overflow.timeout.agentId': 'queues.overflow.agentRequired',
      'overflow.full.number': 'validation.e164',
      'overflow.noAgents.message': 'validation.maxLength',
    });
  });

  it('checks the ranges, with empty meaning "none" only where the API takes null', () => {
    const values = {
      ...queueValues(null),
      name: 'Billing',
      priority: 10,
      ringTimeoutSeconds: 4,
      maxWaitSeconds: '',
      skillFallbackSeconds: 4,
      maxLength: '',
    };
    expect(Object.keys(validateQueue(values, null, t)).sort()).toEqual([
      'maxLength',
      'priority',
      'ringTimeoutSeconds',
      'skillFallbackSeconds',
    ]);
  });

  it('sends nulls for what is empty and only the target the action uses', () => {
    const body = queueInput(
      withOverflow({
        full: { ...action, type: 'VOICEMAIL', queueId: 'q-left-over', number: '+40712345678' },
      }),
      3,
    );
    expect(body.maxWaitSeconds).toBeNull();
    expect(body.skillFallbackSeconds).toBeNull();
    expect(body.overflow.full).toEqual({
      type: 'VOICEMAIL',
      queueId: null,
      agentId: null,
      number: null,
      message: null,
    });
    expect(body.version).toBe(3);
  });

  it('finds the tab of a field', () => {
    expect(tabOf('overflow.timeout.queueId')).toBe('overflow');
    expect(tabOf('wrapUpSeconds')).toBe('distribution');
    expect(tabOf('announceIntervalSeconds')).toBe('waiting');
    expect(tabOf('name')).toBe('general');
    expect(tabOf('somethingNew')).toBe('general');
  });
});
