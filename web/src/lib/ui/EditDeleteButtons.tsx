import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The edit and delete (or remove) actions of one item. Deleting only asks: the caller opens its
 * confirmation modal. Test ids are `${testId}-edit` and `${testId}-${deleteAction}`.
 */
export function EditDeleteButtons({
  testId,
  onEdit,
  onDelete,
  deleteAction = 'delete',
  mt,
}: {
  testId: string;
  onEdit: () => void;
  onDelete: () => void;
  deleteAction?: 'delete' | 'remove';
  mt?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" mt={mt}>
      <Button size="xs" variant="light" onClick={onEdit} data-testid={`${testId}-edit`}>
        {t('common.edit')}
      </Button>
      <Button
        size="xs"
        variant="light"
        color="red"
        onClick={onDelete}
        data-testid={`${testId}-${deleteAction}`}
      >
        {t(`common.${deleteAction}`)}
      </Button>
    </Group>
  );
}
