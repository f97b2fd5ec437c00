import { Card, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormState } from '@/lib/form';
import {
  ACTION_TYPES,
  MESSAGE_MAX,
  OVERFLOW_CONDITIONS,
  type ActionType,
  type Option,
  type OverflowCondition,
} from '../api/queues';
import { targetField, type ActionValues, type QueueValues } from '../utils/queueForm';

/**
 * ACD-08: what happens to a call that leaves the queue without an agent, per reason; each action
 * shows the one input its type needs (a queue, an agent, a number or the message announced).
 */
export function OverflowSection({
  form,
  selfId,
  queues,
  agents,
}: {
  form: FormState<QueueValues>;
  selfId: string | null;
  queues: Option[];
  agents: Option[];
}) {
  const { t } = useTranslation();

  const update = (condition: OverflowCondition, patch: Partial<ActionValues>) => {
    form.setField('overflow', {
      ...form.values.overflow,
      [condition]: { ...form.values.overflow[condition], ...patch },
    });
    const prefix = `overflow.${condition}.`;
    if (Object.keys(form.errors).some((field) => field.startsWith(prefix)))
      form.setErrors(
        Object.fromEntries(Object.entries(form.errors).filter(([field]) => !field.startsWith(prefix))),
      );
  };

  /** The options of a target select; a stored target that is not listed (deleted, or not visible) stays shown. */
  const options = (list: Option[], current: string, placeholder: string) => [
    { value: '', label: placeholder },
    ...(current && !list.some((o) => o.id === current)
      ? [{ value: current, label: t('queues.overflow.unknownTarget') }]
      : []),
    ...list.map((o) => ({ value: o.id, label: o.name })),
  ];

  return (
    <Stack maw={720} gap="md" data-testid="queue-overflow">
      <Text size="sm" c="dimmed">
        {t('queues.overflow.intro')}
      </Text>
      <SimpleGrid cols={1} spacing="md">
        {OVERFLOW_CONDITIONS.map((condition) => {
          const action = form.values.overflow[condition];
          const path = `overflow.${condition}`;
          const target = targetField(action.type);
          const conditionName = t(`queues.overflow.conditions.${condition}`);
          return (
            <Card
              key={condition}
              withBorder
              component="fieldset"
              m={0}
              data-testid={`overflow-${condition}`}
              aria-describedby={`${path}-hint`}
            >
              <Text component="legend" fw={600} px={4}>
                {conditionName}
              </Text>
              <Text size="xs" c="dimmed" mb="xs" id={`${path}-hint`}>
                {t(`queues.overflow.conditionHints.${condition}`)}
              </Text>
              <Stack gap="sm">
                <NativeSelect
                  label={t('queues.overflow.action')}
                  name={`${path}.type`}
                  value={action.type}
                  onChange={(event) => update(condition, { type: event.currentTarget.value as ActionType })}
                  data={ACTION_TYPES.map((type) => ({
                    value: type,
                    label: t(`queues.overflow.actions.${type}`),
                  }))}
                />
                {target === 'queueId' ? (
                  <NativeSelect
                    label={t('queues.overflow.targetQueue')}
                    required
                    name={`${path}.queueId`}
                    value={action.queueId}
                    onChange={(event) => update(condition, { queueId: event.currentTarget.value })}
                    error={form.error(`${path}.queueId`)}
                    data={options(
                      // a queue cannot overflow to itself
                      queues.filter((q) => q.id !== selfId),
                      action.queueId === selfId ? '' : action.queueId,
                      t('queues.overflow.chooseQueue'),
                    )}
                  />
                ) : null}
                {target === 'agentId' ? (
                  <NativeSelect
                    label={t('queues.overflow.targetAgent')}
                    required
                    name={`${path}.agentId`}
                    value={action.agentId}
                    onChange={(event) => update(condition, { agentId: event.currentTarget.value })}
                    error={form.error(`${path}.agentId`)}
                    data={options(agents, action.agentId, t('queues.overflow.chooseAgent'))}
                  />
                ) : null}
                {target === 'number' ? (
                  <TextInput
                    label={t('queues.overflow.targetNumber')}
                    description={t('queues.overflow.targetNumberHint')}
                    required
                    placeholder="+37322123456"
                    inputMode="tel"
                    autoComplete="off"
                    name={`${path}.number`}
                    value={action.number}
                    onChange={(event) => update(condition, { number: event.currentTarget.value })}
                    error={form.error(`${path}.number`)}
                  />
                ) : null}
                {target === 'message' ? (
                  <>
                    <Textarea
                      label={t('queues.overflow.targetMessage')}
                      description={t('queues.overflow.targetMessageHint')}
                      required
                      autosize
                      minRows={2}
                      maxRows={6}
                      name={`${path}.message`}
                      value={action.message}
                      onChange={(event) => update(condition, { message: event.currentTarget.value })}
                      error={form.error(`${path}.message`)}
                    />
                    <Text
                      size="xs"
                      c={action.message.trim().length > MESSAGE_MAX ? 'red' : 'dimmed'}
                      ta="right"
                      aria-live="polite"
                    >
                      {t('queues.overflow.characters', {
                        used: action.message.trim().length,
                        max: MESSAGE_MAX,
                      })}
                    </Text>
                  </>
                ) : null}
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
