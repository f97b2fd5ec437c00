import {
  ActionIcon,
  Button,
  Divider,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useForm } from '@/lib/form';
import { timeZones, withCurrent } from '@/lib/format';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import {
  DAYS,
  useSaveCalendar,
  type Calendar,
  type Day,
  type Holiday,
  type OpeningHours,
} from '../api/calendars';
import { validateHolidays, validateWeeklyHours } from '../utils/validate';

interface Values {
  name: string;
  timeZone: string;
  weeklyHours: OpeningHours[];
  holidays: Holiday[];
}

const WEEKDAYS: Day[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];

const hhmm = (time: string) => time.slice(0, 5);

export function CalendarEditor({
  calendar,
  defaultTimeZone,
  onClose,
}: {
  calendar: Calendar | null;
  defaultTimeZone: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const small = useMediaQuery('(max-width: 48em)');
  const save = useSaveCalendar();
  const messages = {
    required: t('validation.required'),
    time: t('calendars.invalidTime'),
    order: t('calendars.closesBeforeOpens'),
    overlap: t('calendars.overlap'),
    date: t('calendars.invalidDate'),
    duplicateDate: t('calendars.duplicateDate'),
  };
  const form = useForm<Values>(
    {
      name: calendar?.name ?? '',
      timeZone: calendar?.timeZone ?? defaultTimeZone,
      weeklyHours: (
        calendar?.weeklyHours ?? WEEKDAYS.map((day) => ({ day, opens: '09:00', closes: '17:00' }))
      ).map((h) => ({ ...h, opens: hhmm(h.opens), closes: hhmm(h.closes) })),
      holidays: calendar?.holidays ?? [],
    },
    (v) => ({
      ...(v.name.trim() ? {} : { name: t('validation.required') }),
      ...(v.timeZone ? {} : { timeZone: t('validation.required') }),
      ...validateWeeklyHours(v.weeklyHours, messages),
      ...validateHolidays(v.holidays, messages),
    }),
  );
  const { weeklyHours, holidays } = form.values;

  const setHours = (next: OpeningHours[]) => form.setField('weeklyHours', next);
  const setHolidays = (next: Holiday[]) => form.setField('holidays', next);
  const updateHours = (index: number, patch: Partial<OpeningHours>) =>
    setHours(weeklyHours.map((h, i) => (i === index ? { ...h, ...patch } : h)));
  const updateHoliday = (index: number, patch: Partial<Holiday>) =>
    setHolidays(holidays.map((h, i) => (i === index ? { ...h, ...patch } : h)));
  const copyMondayToWeekdays = () => {
    const monday = weeklyHours.filter((h) => h.day === 'MONDAY');
    setHours([
      ...weeklyHours.filter((h) => !WEEKDAYS.includes(h.day)),
      ...WEEKDAYS.flatMap((day) => monday.map((h) => ({ ...h, day }))),
    ]);
  };

  const submit = form.onSubmit((v) => {
    const order = (h: OpeningHours) => DAYS.indexOf(h.day) * 10000 + Number(h.opens.replace(':', ''));
    save.mutate(
      {
        id: calendar?.id,
        input: {
          name: v.name.trim(),
          timeZone: v.timeZone,
          weeklyHours: [...v.weeklyHours].sort((a, b) => order(a) - order(b)),
          holidays: v.holidays.map((h) => ({ date: h.date, name: h.name.trim() })),
          version: calendar?.version,
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('calendars.saved'));
          onClose();
        },
        onError: (error) => {
          if (!form.applyProblem(error, { 'calendar.name-taken': 'name' })) notifyError(error, t);
        },
      },
    );
  });

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      fullScreen={small}
      title={calendar ? t('calendars.edit') : t('calendars.create')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="calendar-form">
        <Stack>
          <Group grow align="flex-start">
            <TextInput label={t('calendars.name')} required data-autofocus {...form.text('name')} />
            <NativeSelect
              label={t('calendars.timeZone')}
              {...form.text('timeZone')}
              data={withCurrent(timeZones(), form.values.timeZone)}
            />
          </Group>

          <Group justify="space-between" mt="sm">
            <Title order={4}>{t('calendars.weeklyHours')}</Title>
            <Button size="xs" variant="subtle" onClick={copyMondayToWeekdays}>
              {t('calendars.copyMonday')}
            </Button>
          </Group>
          <Stack gap="xs" data-testid="weekly-hours">
            {DAYS.map((day) => {
              const entries = weeklyHours.map((h, index) => ({ h, index })).filter(({ h }) => h.day === day);
              const dayName = t(`days.${day}`);
              return (
                <Group key={day} align="flex-start" wrap="nowrap" gap="sm">
                  <Text w={110} pt={6} fw={500} size="sm">
                    {dayName}
                  </Text>
                  <Stack gap={6} style={{ flex: 1 }}>
                    {entries.length === 0 ? (
                      <Text size="sm" c="dimmed" pt={6}>
                        {t('calendars.closed')}
                      </Text>
                    ) : null}
                    {entries.map(({ h, index }) => (
                      <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
                        <TextInput
                          type="time"
                          aria-label={t('calendars.opensOn', { day: dayName })}
                          name={`weeklyHours.${index}.opens`}
                          value={h.opens}
                          onChange={(e) => updateHours(index, { opens: e.currentTarget.value })}
                          error={form.error(`weeklyHours.${index}.opens`)}
                        />
                        <Text pt={6} aria-hidden>
                          –
                        </Text>
                        <TextInput
                          type="time"
                          aria-label={t('calendars.closesOn', { day: dayName })}
                          name={`weeklyHours.${index}.closes`}
                          value={h.closes}
                          onChange={(e) => updateHours(index, { closes: e.currentTarget.value })}
                          error={form.error(`weeklyHours.${index}.closes`)}
                        />
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          mt={4}
                          aria-label={t('calendars.removeHours', { day: dayName })}
                          onClick={() => setHours(weeklyHours.filter((_, i) => i !== index))}
                        >
                          ×
                        </ActionIcon>
                      </Group>
                    ))}
                  </Stack>
                  <Button
                    size="xs"
                    variant="light"
                    aria-label={t('calendars.addHoursOn', { day: dayName })}
                    onClick={() => setHours([...weeklyHours, { day, opens: '09:00', closes: '17:00' }])}
                  >
                    {t('calendars.addHours')}
                  </Button>
                </Group>
              );
            })}
          </Stack>

          <Divider my="xs" />
          <Group justify="space-between">
            <Title order={4}>{t('calendars.holidays')}</Title>
            <Button
              size="xs"
              variant="light"
              onClick={() => setHolidays([...holidays, { date: '', name: '' }])}
              data-testid="holiday-add"
            >
              {t('calendars.addHoliday')}
            </Button>
          </Group>
          {holidays.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('calendars.noHolidays')}
            </Text>
          ) : (
            <Stack gap="xs" data-testid="holidays">
              {holidays.map((holiday, index) => (
                <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
                  <TextInput
                    type="date"
                    aria-label={t('calendars.holidayDate')}
                    name={`holidays.${index}.date`}
                    value={holiday.date}
                    onChange={(e) => updateHoliday(index, { date: e.currentTarget.value })}
                    error={form.error(`holidays.${index}.date`)}
                  />
                  <TextInput
                    style={{ flex: 1 }}
                    aria-label={t('calendars.holidayName')}
                    placeholder={t('calendars.holidayName')}
                    name={`holidays.${index}.name`}
                    value={holiday.name}
                    onChange={(e) => updateHoliday(index, { name: e.currentTarget.value })}
                    error={form.error(`holidays.${index}.name`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={4}
                    aria-label={t('calendars.removeHoliday')}
                    onClick={() => setHolidays(holidays.filter((_, i) => i !== index))}
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
          )}
          <FormAlert messages={form.formErrors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="calendar-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
