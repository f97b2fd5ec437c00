import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useForm, type Errors } from '@/lib/form';
import { notifyError } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import { useBreakReasonOptions } from '../api/presence';

interface Values {
  breakReasonId: string;
}

/**
 * ACD-05: a break always has a reason, one of the tenant's enabled ones. `run` sends the change;
 * the modal closes when it succeeds and shows a refusal next to the reason or as a notification.
 */
export function BreakModal({
  title,
  pending,
  run,
  onClose,
}: {
  title: string;
  pending: boolean;
  run: (breakReasonId: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const reasons = useBreakReasonOptions();
  const options = reasons.data ?? [];
  const form = useForm<Values>({ breakReasonId: '' }, (v) => {
    const errors: Errors = {};
    if (!v.breakReasonId) errors.breakReasonId = t('presence.reasonRequired');
    return errors;
  });

  const submit = form.onSubmit((v) => {
    void run(v.breakReasonId).then(onClose, (error: unknown) => {
      if (!form.applyProblem(error)) notifyError(error, t);
    });
  });

  const none = reasons.isSuccess && options.length === 0;
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate data-testid="break-form">
        <Stack>
          {none ? (
            <Text size="sm" c="dimmed" data-testid="break-no-reasons">
              {t('presence.noReasons')}
            </Text>
          ) : (
            <NativeSelect
              label={t('presence.reason')}
              required
              data-autofocus
              disabled={reasons.isPending}
              {...form.text('breakReasonId')}
              data={[
                {
                  value: '',
                  label: reasons.isError ? t('presence.reasonsFailed') : t('presence.chooseReason'),
                },
                ...options.map((reason) => ({ value: reason.id, label: reason.name })),
              ]}
            />
          )}
          <FormAlert messages={form.formErrors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-testid="break-cancel">
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={pending} disabled={none} data-testid="break-submit">
              {t('presence.startBreak')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
