import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useForm, type Errors } from '@/lib/form';
import { formatE164, isE164, normaliseE164 } from '@/lib/phone';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import { PREFERRED_MAX_DAYS, useQueueOptions, useScheduleCallback } from '../api/callbacks';

interface Values {
  number: string;
  /** '' = no queue: the entry waits on the list */
  queueId: string;
  /** `datetime-local` value in the browser's time zone; '' = as soon as possible */
  preferredAt: string;
}

/** `2026-06-01T09:30` (local time) as an ISO instant; null when empty or not a date. */
function localToInstant(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** ACD-10: schedules a callback by hand; with a queue, the queue calls the customer through a free agent. */
export function ScheduleModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { membership } = useSession();
  const schedule = useScheduleCallback();
  const queuesAllowed = can(membership, 'queues.view', 'queues.manage');
  const queues = useQueueOptions(queuesAllowed);
  const form = useForm<Values>({ number: '', queueId: '', preferredAt: '' }, (v) => {
    const errors: Errors = {};
    const number = normaliseE164(v.number);
    if (!number) errors.number = t('validation.required');
    else if (!isE164(number)) errors.number = t('validation.e164');
    if (v.preferredAt && !localToInstant(v.preferredAt)) errors.preferredAt = t('callbacks.preferredInvalid');
    return errors;
  });

  const submit = form.onSubmit((v) => {
    const number = normaliseE164(v.number);
    schedule.mutate(
      { number, queueId: v.queueId || null, preferredAt: localToInstant(v.preferredAt) },
      {
        onSuccess: () => {
          notifySuccess(t('callbacks.scheduled', { number: formatE164(number) }));
          onClose();
        },
        onError: (error) => {
          if (!form.applyProblem(error)) notifyError(error, t);
        },
      },
    );
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('callbacks.schedule')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="schedule-form">
        <Stack>
          <TextInput
            label={t('callbacks.scheduleNumber')}
            description={t('callbacks.scheduleNumberHint')}
            type="tel"
            autoComplete="tel"
            required
            data-autofocus
            {...form.text('number')}
          />
          {queuesAllowed ? (
            <NativeSelect
              label={t('callbacks.queue')}
              description={t('callbacks.scheduleQueueHint')}
              {...form.text('queueId')}
              disabled={!queues.isSuccess}
              data={[
                { value: '', label: t('callbacks.noQueue') },
                ...(queues.data ?? []).map((queue) => ({ value: queue.id, label: queue.name })),
              ]}
            />
          ) : null}
          <TextInput
            label={t('callbacks.preferredAt')}
            description={t('callbacks.preferredHint', { days: PREFERRED_MAX_DAYS })}
            type="datetime-local"
            {...form.text('preferredAt')}
          />
          <FormAlert messages={form.formErrors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-testid="schedule-cancel">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={schedule.isPending} data-testid="schedule-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
