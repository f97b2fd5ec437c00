import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api/client';
import { useForm, type Errors } from '@/lib/form';
import { formatE164 } from '@/lib/phone';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import { NOTE_MAX, OUTCOMES, useMarkDone, type Callback, type Outcome } from '../api/callbacks';

interface Values {
  outcome: Outcome | '';
  note: string;
}

/** ACD-14: closes an entry after asking how it ended; the modal is the confirmation. */
export function DoneModal({ callback, onClose }: { callback: Callback; onClose: () => void }) {
  const { t } = useTranslation();
  const done = useMarkDone();
  const caller = callback.number ? formatE164(callback.number) : t('callbacks.withheld');
  const form = useForm<Values>({ outcome: '', note: '' }, (v) => {
    const errors: Errors = {};
    if (!v.outcome) errors.outcome = t('callbacks.outcomeRequired');
    if (v.note.trim().length > NOTE_MAX) errors.note = t('validation.maxLength', { max: NOTE_MAX });
    return errors;
  });

  const submit = form.onSubmit((v) =>
    done.mutate(
      {
        id: callback.id,
        outcome: v.outcome as Outcome,
        note: v.note.trim() || null,
        version: callback.version,
      },
      {
        onSuccess: () => {
          notifySuccess(t('callbacks.doneSaved', { caller }));
          onClose();
        },
        onError: (error) => {
          if (form.applyProblem(error)) return;
          notifyError(error, t);
          // already done by someone else, or changed meanwhile: the list shows it as it is now
          if (isApiError(error) && error.status === 409) onClose();
        },
      },
    ),
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('callbacks.doneTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="done-form">
        <Stack>
          <Text size="sm">{t('callbacks.doneConfirm', { caller })}</Text>
          <NativeSelect
            label={t('callbacks.outcome')}
            required
            data-autofocus
            {...form.text('outcome')}
            data={[
              { value: '', label: t('callbacks.chooseOutcome') },
              ...OUTCOMES.map((outcome) => ({ value: outcome, label: t(`callbacks.outcomes.${outcome}`) })),
            ]}
          />
          <Textarea
            label={t('callbacks.note')}
            description={t('callbacks.noteHint')}
            autosize
            minRows={2}
            maxRows={6}
            {...form.text('note')}
          />
          <FormAlert messages={form.formErrors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-testid="done-cancel">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={done.isPending} data-testid="done-confirm">
              {t('callbacks.markDone')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
