import { Alert, Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallerNumbers } from '@/lib/api/callerNumbers';
import { isApiError } from '@/lib/api/client';
import { formatE164 } from '@/lib/phone';
import { errorMessage, notifyError, notifySuccess } from '@/lib/ui/notify';
import { useDialBack, type Callback } from '../api/callbacks';

/**
 * ACD-14: call the caller back. The person chooses which of the tenant's numbers the caller sees;
 * their own phone rings first and the platform dials out when they answer. Counts an attempt.
 */
export function DialModal({ callback, onClose }: { callback: Callback; onClose: () => void }) {
  const { t } = useTranslation();
  const numbers = useCallerNumbers(true);
  const dial = useDialBack();
  const [chosen, setChosen] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const numberId = chosen || numbers.data?.[0]?.id || '';
  const number = formatE164(callback.number);
  const noNumbers = numbers.isSuccess && numbers.data.length === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!numberId || dial.isPending) return;
    setRefusal(null);
    dial.mutate(
      { id: callback.id, numberId },
      {
        onSuccess: () => {
          notifySuccess(t('callbacks.dialPlaced', { number }));
          onClose();
        },
        onError: (error) => {
          // refusals about the person or the entry (no agent, busy, already done): said in the form
          if (isApiError(error) && error.status === 409) setRefusal(errorMessage(error, t));
          else notifyError(error, t);
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('callbacks.dialTitle', { number })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="dial-form">
        <Stack>
          <Text size="sm">{t('callbacks.dialText')}</Text>
          {numbers.isError ? (
            <Alert color="red" role="alert" data-testid="dial-numbers-error">
              {errorMessage(numbers.error, t)}
            </Alert>
          ) : null}
          {noNumbers ? (
            <Alert color="yellow" data-testid="dial-no-numbers">
              {t('callbacks.noCallerNumbers')}
            </Alert>
          ) : null}
          <NativeSelect
            label={t('callbacks.dialFrom')}
            description={t('callbacks.dialFromHint')}
            name="numberId"
            required
            data-autofocus
            value={numberId}
            onChange={(event) => setChosen(event.currentTarget.value)}
            disabled={!numbers.isSuccess || noNumbers}
            data={(numbers.data ?? []).map((n) => ({ value: n.id, label: formatE164(n.e164) }))}
          />
          {refusal ? (
            <Alert color="red" role="alert" data-testid="dial-refused">
              {refusal}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={dial.isPending}
              disabled={!numbers.isSuccess || noNumbers}
              data-testid="dial-submit"
            >
              {t('callbacks.dialSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
