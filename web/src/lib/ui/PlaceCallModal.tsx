import { Alert, Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallerNumbers } from '@/lib/api/callerNumbers';
import { isApiError } from '@/lib/api/client';
import { useForm, type Errors } from '@/lib/form';
import { formatE164, isE164, normaliseE164 } from '@/lib/phone';
import { errorMessage, notifyError, notifySuccess } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import { usePlaceCall } from '@/lib/api/calls';

interface Values {
  numberId: string;
  to: string;
}

/**
 * TEL-05: call someone from one of the tenant's numbers. The platform rings the caller's own agent
 * first and dials out when they answer; the call then shows up in the list. From a client's card
 * (AGT-02), the number comes filled in.
 */
export function PlaceCallModal({ onClose, initialTo = '' }: { onClose: () => void; initialTo?: string }) {
  const { t } = useTranslation();
  const numbers = useCallerNumbers(true);
  const place = usePlaceCall();
  const [refusal, setRefusal] = useState<string | null>(null);
  const first = numbers.data?.[0]?.id ?? '';
  const form = useForm<Values>({ numberId: '', to: initialTo }, (v) => {
    const errors: Errors = {};
    if (!(v.numberId || first)) errors.numberId = t('validation.required');
    const to = normaliseE164(v.to);
    if (!to) errors.to = t('validation.required');
    else if (!isE164(to)) errors.to = t('validation.e164');
    return errors;
  });
  const numberId = form.values.numberId || first;

  const submit = form.onSubmit((v) => {
    setRefusal(null);
    const to = normaliseE164(v.to);
    place.mutate(
      { numberId, to },
      {
        onSuccess: () => {
          notifySuccess(t('interactions.placeCall.placed', { number: formatE164(to) }));
          onClose();
        },
        onError: (error) => {
          // Refusals about the caller, not the form: said plainly, in the form, until the next try.
          if (isApiError(error) && error.code === 'call.no-agent')
            setRefusal(t('interactions.placeCall.noAgent'));
          else if (isApiError(error) && error.code === 'call.agent-busy')
            setRefusal(t('interactions.placeCall.agentBusy'));
          else if (!form.applyProblem(error)) notifyError(error, t);
        },
      },
    );
  });

  const noNumbers = numbers.isSuccess && numbers.data.length === 0;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('interactions.placeCall.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="place-call-form">
        <Stack>
          {numbers.isError ? (
            <Alert color="red" role="alert" data-testid="place-call-numbers-error">
              {isApiError(numbers.error) && numbers.error.status === 403
                ? t('interactions.placeCall.numbersForbidden')
                : errorMessage(numbers.error, t)}
            </Alert>
          ) : null}
          {noNumbers ? (
            <Alert color="yellow" data-testid="place-call-no-numbers">
              {t('interactions.placeCall.noNumbers')}
            </Alert>
          ) : null}
          <NativeSelect
            label={t('interactions.placeCall.from')}
            description={t('interactions.placeCall.fromHint')}
            required
            {...form.text('numberId')}
            value={numberId}
            disabled={!numbers.isSuccess || noNumbers}
            data={(numbers.data ?? []).map((number) => ({
              value: number.id,
              label: formatE164(number.e164),
            }))}
          />
          <TextInput
            label={t('interactions.placeCall.to')}
            description={t('interactions.placeCall.toHint')}
            placeholder="+37369123456"
            inputMode="tel"
            autoComplete="off"
            required
            data-autofocus
            {...form.text('to')}
          />
          {refusal ? (
            <Alert color="red" role="alert" data-testid="place-call-refused">
              {refusal}
            </Alert>
          ) : null}
          <FormAlert messages={form.formErrors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={place.isPending}
              disabled={!numbers.isSuccess || noNumbers}
              data-testid="place-call-submit"
            >
              {t('interactions.placeCall.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
