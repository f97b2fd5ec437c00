import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { ConfirmModal } from '@/lib/ui/ConfirmModal';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { EditDeleteButtons } from '@/lib/ui/EditDeleteButtons';
import { PageHeader } from '@/lib/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import { DAYS, useCalendars, useDeleteCalendar, type Calendar } from '../api/calendars';
import { CalendarEditor } from './CalendarEditor';

/** ADM-02: working-hours calendars with weekly hours and holidays. */
export default function CalendarsPage() {
  const { t } = useTranslation();
  const { membership } = useSession();
  const manage = can(membership, 'calendars.manage');
  const calendars = useCalendars();
  const remove = useDeleteCalendar();
  const [editing, setEditing] = useState<Calendar | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Calendar | null>(null);
  const defaultTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

  const createButton = manage ? (
    <Button onClick={() => setEditing('new')} data-testid="calendars-create">
      {t('calendars.create')}
    </Button>
  ) : null;

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => notifySuccess(t('calendars.deleted', { name: deleting.name })),
      onError: (error) => notifyError(error, t),
      onSettled: () => setDeleting(null),
    });
  };

  let body;
  if (calendars.isPending) body = <LoadingState />;
  else if (calendars.isError)
    body = <ErrorState error={calendars.error} onRetry={() => void calendars.refetch()} />;
  else if (calendars.data.length === 0)
    body = <EmptyState title={t('calendars.emptyTitle')} description={t('calendars.empty')} />;
  else
    body = (
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {calendars.data.map((calendar) => (
          <Card key={calendar.id} withBorder data-testid="calendar-card" data-calendar-name={calendar.name}>
            <Group justify="space-between" mb="xs">
              <Text fw={600}>{calendar.name}</Text>
              <Badge variant="light">{calendar.timeZone}</Badge>
            </Group>
            <Stack gap={2}>
              {DAYS.map((day) => {
                const hours = calendar.weeklyHours.filter((h) => h.day === day);
                return (
                  <Group key={day} gap="xs" wrap="nowrap">
                    <Text size="sm" w={110} c="dimmed">
                      {t(`days.${day}`)}
                    </Text>
                    <Text size="sm">
                      {hours.length === 0
                        ? t('calendars.closed')
                        : hours.map((h) => `${h.opens.slice(0, 5)}–${h.closes.slice(0, 5)}`).join(', ')}
                    </Text>
                  </Group>
                );
              })}
            </Stack>
            <Text size="sm" mt="sm" c="dimmed">
              {calendar.holidays.length === 0
                ? t('calendars.noHolidays')
                : t('calendars.holidaysSummary', {
                    list: calendar.holidays
                      .slice(0, 3)
                      .map((h) => `${formatDate(h.date)} ${h.name}`)
                      .join('; '),
                    total: calendar.holidays.length,
                  })}
            </Text>
            {manage ? (
              <EditDeleteButtons
                testId="calendar"
                mt="md"
                onEdit={() => setEditing(calendar)}
                onDelete={() => setDeleting(calendar)}
              />
            ) : null}
          </Card>
        ))}
      </SimpleGrid>
    );

  return (
    <>
      <PageHeader title={t('calendars.title')} description={t('calendars.subtitle')} actions={createButton} />
      {body}
      {editing ? (
        <CalendarEditor
          calendar={editing === 'new' ? null : editing}
          defaultTimeZone={defaultTimeZone}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmModal
        opened={!!deleting}
        title={t('calendars.deleteTitle')}
        message={t('calendars.deleteConfirm', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      />
    </>
  );
}
