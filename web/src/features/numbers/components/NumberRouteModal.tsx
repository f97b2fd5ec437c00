import { Button, Group, Modal, NativeSelect, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useForm, type Errors } from '@/lib/form';
import { formatE164 } from '@/lib/phone';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import {
  GREETING_MAX,
  PRIORITY_RANGE,
  ROUTE_TARGETS,
  useQueueOptions,
  useSaveNumberRoute,
  type RouteTarget,
  type TenantNumber,
} from '../api/numbers';

interface Values {
  target: RouteTarget;
  greeting: string;
  /** '' = none chosen */
  queueId: string;
  priority: number | string;
}

/** TEL-02, TEN-02, ACD-01, ACD-04: where a number's calls go, their priority, and what callers hear first. */
export function NumberRouteModal({ number, onClose }: { number: TenantNumber; onClose: () => void }) {
  const { t } = useTranslation();
  const { membership } = useSession();
  const save = useSaveNumberRoute();
  const queues = useQueueOptions(can(membership, 'queues.view', 'queues.manage'));
  const [min, max] = PRIORITY_RANGE;
  const form = useForm<Values>(
    {
      target: number.target,
      greeting: number.greeting ?? '',
      queueId: number.queueId ?? '',
      priority: number.priority ?? 0,
    },
    (v) => {
      const errors: Errors = {};
      if (v.greeting.trim().length > GREETING_MAX)
        errors.greeting = t('validation.maxLength', { max: GREETING_MAX });
      if (v.target === 'QUEUE') {
        if (!v.queueId) errors.queueId = t('numbers.queueRequired');
        const priority = Number(v.priority);
        if (v.priority === '' || !Number.isInteger(priority) || priority < min || priority > max)
          errors.priority = t('validation.range', { min, max });
      }
      return errors;
    },
  );

  const submit = form.onSubmit((v) => {
    const queued = v.target === 'QUEUE';
    save.mutate(
      {
        id: number.id,
        input: {
          target: v.target,
          greeting: v.greeting.trim() || null,
          queueId: queued ? v.queueId : null,
          // the priority only orders callers waiting in a queue: a number ringing agents keeps its own
          priority: queued ? Number(v.priority) : (number.priority ?? 0),
          version: number.version,
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('numbers.saved', { number: formatE164(number.e164) }));
          onClose();
        },
        onError: (error) => {
          if (!form.applyProblem(error)) notifyError(error, t);
        },
      },
    );
  });

  const options = queues.data ?? [];
  const current = form.values.queueId;
  const length = form.values.greeting.trim().length;
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('numbers.edit', { number: formatE164(number.e164) })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="number-form">
        <Stack>
          <NativeSelect
            label={t('numbers.target')}
            {...form.text('target')}
            data={ROUTE_TARGETS.map((target) => ({
              value: target,
              label: t(`numbers.targetOptions.${target}`),
            }))}
          />
          {form.values.target === 'QUEUE' ? (
            <>
              <NativeSelect
                label={t('numbers.queue')}
                required
                {...form.text('queueId')}
                data={[
                  { value: '', label: t('numbers.chooseQueue') },
                  // a stored queue that is not listed (deleted, or not visible) stays shown
                  ...(current && queues.isSuccess && !options.some((q) => q.id === current)
                    ? [{ value: current, label: t('numbers.unknownQueue') }]
                    : []),
                  ...options.map((queue) => ({ value: queue.id, label: queue.name })),
                ]}
              />
              <NumberInput
                label={t('numbers.priority')}
                description={t('numbers.priorityHint')}
                name="priority"
                min={min}
                max={max}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                value={form.values.priority}
                onChange={(value) => form.setField('priority', value)}
                error={form.error('priority')}
              />
            </>
          ) : null}
          <Textarea
            label={t('numbers.greeting')}
            description={t('numbers.greetingHint')}
            placeholder={t('numbers.defaultGreeting')}
            autosize
            minRows={3}
            maxRows={8}
            data-autofocus
            {...form.text('greeting')}
          />
          <Text size="xs" c={length > GREETING_MAX ? 'red' : 'dimmed'} ta="right" aria-live="polite">
            {t('numbers.characters', { used: length, max: GREETING_MAX })}
          </Text>
          <FormAlert messages={form.formErrors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="number-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
