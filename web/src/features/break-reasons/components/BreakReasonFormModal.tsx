import { Button, Group, Modal, NumberInput, Stack, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useForm, type Errors } from '@/lib/form';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import { MAX_MINUTES, NAME_MAX, useSaveBreakReason, type BreakReason } from '../api/breakReasons';

interface Values {
  name: string;
  paid: boolean;
  /** '' = no limit */
  maxMinutes: number | string;
  enabled: boolean;
}

/** ACD-05: create or change a break reason. */
export function BreakReasonFormModal({
  reason,
  onClose,
}: {
  reason: BreakReason | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveBreakReason();
  const [min, max] = MAX_MINUTES;
  const form = useForm<Values>(
    {
      name: reason?.name ?? '',
      paid: reason?.paid ?? false,
      maxMinutes: reason?.maxMinutes ?? '',
      enabled: reason?.enabled ?? true,
    },
    (v) => {
      const errors: Errors = {};
      const name = v.name.trim();
      if (!name) errors.name = t('validation.required');
      else if (name.length > NAME_MAX) errors.name = t('validation.maxLength', { max: NAME_MAX });
      const minutes = Number(v.maxMinutes);
      if (v.maxMinutes !== '' && (!Number.isInteger(minutes) || minutes < min || minutes > max))
        errors.maxMinutes = t('validation.range', { min, max });
      return errors;
    },
  );

  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        id: reason?.id,
        input: {
          name: v.name.trim(),
          paid: v.paid,
          maxMinutes: v.maxMinutes === '' ? null : Number(v.maxMinutes),
          enabled: v.enabled,
          version: reason?.version,
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('breakReasons.saved'));
          onClose();
        },
        onError: (error) => {
          if (!form.applyProblem(error, { 'break-reason.name-taken': 'name' })) notifyError(error, t);
        },
      },
    ),
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={reason ? t('breakReasons.edit') : t('breakReasons.create')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="break-reason-form">
        <Stack>
          <TextInput label={t('breakReasons.name')} required data-autofocus {...form.text('name')} />
          <NumberInput
            label={t('breakReasons.maxMinutes')}
            description={t('breakReasons.maxMinutesHint')}
            placeholder={t('breakReasons.noLimit')}
            name="maxMinutes"
            min={min}
            max={max}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            value={form.values.maxMinutes}
            onChange={(value) => form.setField('maxMinutes', value)}
            error={form.error('maxMinutes')}
          />
          <Switch
            label={t('breakReasons.paidLabel')}
            name="paid"
            checked={form.values.paid}
            onChange={(event) => form.setField('paid', event.currentTarget.checked)}
          />
          <Switch
            label={t('breakReasons.enabledLabel')}
            description={t('breakReasons.enabledHint')}
            name="enabled"
            checked={form.values.enabled}
            onChange={(event) => form.setField('enabled', event.currentTarget.checked)}
          />
          <FormAlert messages={form.formErrors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="break-reason-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
