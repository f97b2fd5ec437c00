import { Notification, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dismiss, useNotes } from './notify';

export function Notifications() {
  const { t } = useTranslation();
  const notes = useNotes();
  return (
    <Stack
      gap="xs"
      pos="fixed"
      bottom={16}
      right={16}
      w={360}
      maw="calc(100vw - 32px)"
      style={{ zIndex: 1000 }}
      aria-live="polite"
      data-testid="notifications"
    >
      {notes.map((note) => (
        <Notification
          key={note.id}
          color={note.kind === 'error' ? 'red' : note.kind === 'success' ? 'teal' : 'blue'}
          title={note.title}
          onClose={() => dismiss(note.id)}
          closeButtonProps={{ 'aria-label': t('common.close') }}
          role={note.kind === 'error' ? 'alert' : 'status'}
          withBorder
        >
          {note.message}
        </Notification>
      ))}
    </Stack>
  );
}
