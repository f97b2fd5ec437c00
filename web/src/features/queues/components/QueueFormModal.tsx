import {
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useForm, type Errors } from '@/lib/form';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import { useCalendarOptions, useSaveQueue, type Queue } from '../api/queues';

interface Values {
  name: string;
  description: string;
  serviceLevelSeconds: number | string;
  enabled: boolean;
  calendarId: string;
}

export function QueueFormModal({ queue, onClose }: { queue: Queue | null; onClose: () => void }) {
  const { t } = useTranslation();
  const calendars = useCalendarOptions(true);
  const save = useSaveQueue();
  const form = useForm<Values>(
    {
      name: queue?.name ?? '',
      description: queue?.description ?? '',
      serviceLevelSeconds: queue?.serviceLevelSeconds ?? 20,
      enabled: queue?.enabled ?? true,
      calendarId: queue?.calendarId ?? '',
    },
    (v) => {
      const errors: Errors = {};
      if (!v.name.trim()) errors.name = t('validation.required');
      else if (v.name.trim().length > 100) errors.name = t('validation.maxLength', { max: 100 });
      const sl = Number(v.serviceLevelSeconds);
      if (v.serviceLevelSeconds === '' || !Number.isInteger(sl) || sl < 1 || sl > 3600)
        errors.serviceLevelSeconds = t('validation.range', { min: 1, max: 3600 });
      return errors;
    },
  );

  const submit = form.onSubmit((v) => {
    save.mutate(
      {
        id: queue?.id,
        input: {
          name: v.name.trim(),
          description: v.description.trim(),
          serviceLevelSeconds: Number(v.serviceLevelSeconds),
          enabled: v.enabled,
          calendarId: v.calendarId || null,
          version: queue?.version,
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('queues.saved'));
          onClose();
        },
        onError: (error) => {
          if (!form.applyProblem(error, { 'queue.name-taken': 'name' })) notifyError(error, t);
        },
      },
    );
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={queue ? t('queues.edit') : t('queues.create')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="queue-form">
        <Stack>
          <TextInput label={t('queues.name')} required data-autofocus {...form.text('name')} />
          <Textarea label={t('queues.description')} autosize minRows={2} {...form.text('description')} />
          <NumberInput
            label={t('queues.serviceLevelSeconds')}
            description={t('queues.serviceLevelHint')}
            name="serviceLevelSeconds"
            min={1}
            max={3600}
            allowDecimal={false}
            clampBehavior="none"
            value={form.values.serviceLevelSeconds}
            onChange={(value) => form.setField('serviceLevelSeconds', value)}
            error={form.error('serviceLevelSeconds')}
          />
          <NativeSelect
            label={t('queues.calendar')}
            {...form.text('calendarId')}
            data={[
              { value: '', label: t('queues.noCalendar') },
              ...(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name })),
            ]}
          />
          <Switch
            label={t('queues.enabled')}
            name="enabled"
            checked={form.values.enabled}
            onChange={(event) => form.setField('enabled', event.currentTarget.checked)}
          />
          <FormAlert messages={form.formErrors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="queue-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
