import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmModalProps {
  opened: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** true while the action runs: keeps the modal open and the button busy */
  loading?: boolean;
  /** destructive actions are red */
  danger?: boolean;
  confirmDisabled?: boolean;
  /** extra inputs (a reason, for instance) */
  children?: ReactNode;
}

/** Every destructive action goes through this: disable user, remove membership, delete queue or calendar, suspend tenant. */
export function ConfirmModal(props: ConfirmModalProps) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!props.confirmDisabled && !props.loading) props.onConfirm();
  };
  return (
    <Modal
      opened={props.opened}
      onClose={props.onCancel}
      title={props.title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="confirm-modal"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{props.message}</Text>
          {props.children}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onCancel} data-testid="confirm-cancel">
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color={props.danger === false ? undefined : 'red'}
              loading={props.loading}
              disabled={props.confirmDisabled}
              data-testid="confirm-action"
            >
              {props.confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
