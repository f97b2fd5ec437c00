import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useForm, type Errors } from '@/lib/form';
import { formatE164 } from '@/lib/phone';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import {
  GREETING_MAX,
  ROUTE_TARGETS,
  useSaveNumberRoute,
  type RouteTarget,
  type TenantNumber,
} from '../api/numbers';

interface Values {
  target: RouteTarget;
  greeting: string;
}

/** TEL-02, TEN-02: where a number's calls go and what callers hear first. */
export function NumberRouteModal({ number, onClose }: { number: TenantNumber; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveNumberRoute();
  const form = useForm<Values>({ target: number.target, greeting: number.greeting ?? '' }, (v) => {
    const errors: Errors = {};
    if (v.greeting.trim().length > GREETING_MAX)
      errors.greeting = t('validation.maxLength', { max: GREETING_MAX });
    return errors;
  });

  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        id: number.id,
        input: { target: v.target, greeting: v.greeting.trim() || null, version: number.version },
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
    ),
  );

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
            data={ROUTE_TARGETS.map((target) => ({ value: target, label: t(`numbers.targets.${target}`) }))}
          />
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
