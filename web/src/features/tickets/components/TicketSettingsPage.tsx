import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useForm, type Errors } from '@/lib/form';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { PageHeader } from '@/lib/ui/PageHeader';
import { EmptyState, ErrorState, FormAlert, LoadingState } from '@/lib/ui/states';
import {
  HANDOFF_STATUSES,
  HEADER_NAME_MAX,
  HEADER_VALUE_MAX,
  MINUTES_MAX,
  POINTS,
  PRIORITIES,
  RULE_NAME_MAX,
  RULES_MAX,
  TIMERS,
  URL_MAX,
  useCalendarOptions,
  useSaveTicketSettings,
  useTicketSettings,
  type EscalationPoint,
  type EscalationTimer,
  type HandoffStatus,
  type TicketPriority,
  type TicketSettings,
  type TicketSettingsInput,
  type Targets,
} from '../api/tickets';
import { formatBusinessMinutes } from '../utils/sla';
import { DurationInput } from './DurationInput';

interface RuleValues {
  /** React's key for the row; never sent */
  key: string;
  id: string | null;
  name: string;
  of: EscalationTimer;
  point: EscalationPoint;
  businessMinutes: number;
  raisePriorityTo: TicketPriority | '';
  webhookUrl: string;
}

/** Shaped as the API's body, so that its field errors (`handoff.url`, `escalation[0].name`) land at their field. */
interface Values {
  calendarId: string;
  policies: Record<TicketPriority, Targets>;
  escalation: RuleValues[];
  handoffEnabled: boolean;
  handoff: { url: string; headerName: string; headerValue: string; onStatus: HandoffStatus | '' };
}

const HEADER_NAME = /^[A-Za-z0-9-]+$/;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname;
  } catch {
    return false;
  }
}

function values(settings: TicketSettings): Values {
  return {
    calendarId: settings.calendarId ?? '',
    policies: Object.fromEntries(
      PRIORITIES.map((p) => [p, { ...settings.policies[p] }]),
    ) as Values['policies'],
    escalation: settings.escalation.map((rule) => ({
      key: newKey(),
      id: rule.id,
      name: rule.name,
      of: rule.of,
      point: rule.point,
      businessMinutes: rule.businessMinutes,
      raisePriorityTo: rule.raisePriorityTo ?? '',
      webhookUrl: rule.webhookUrl ?? '',
    })),
    handoffEnabled: !!settings.handoff,
    handoff: {
      url: settings.handoff?.url ?? '',
      headerName: settings.handoff?.headerName ?? '',
      headerValue: '',
      onStatus: settings.handoff?.onStatus ?? '',
    },
  };
}

/** The PUT body: a full replace with the version read. */
function settingsInput(v: Values, version: number): TicketSettingsInput {
  const headerName = v.handoff.headerName.trim();
  return {
    calendarId: v.calendarId || null,
    policies: Object.fromEntries(
      PRIORITIES.map((p) => [
        p,
        {
          firstResponseMinutes: v.policies[p].firstResponseMinutes,
          resolutionMinutes: v.policies[p].resolutionMinutes,
        },
      ]),
    ) as TicketSettingsInput['policies'],
    escalation: v.escalation.map((rule) => ({
      id: rule.id,
      name: rule.name.trim(),
      of: rule.of,
      point: rule.point,
      businessMinutes: rule.businessMinutes,
      raisePriorityTo: rule.raisePriorityTo || null,
      webhookUrl: rule.webhookUrl.trim() || null,
    })),
    handoff: v.handoffEnabled
      ? {
          url: v.handoff.url.trim(),
          headerName: headerName || null,
          // write-only: left out, the stored secret stays
          ...(headerName && v.handoff.headerValue ? { headerValue: v.handoff.headerValue } : {}),
          onStatus: v.handoff.onStatus || null,
        }
      : null,
    version,
  };
}

let ruleKeys = 0;
/** A React key for a rule row (rows are added and removed). */
const newKey = () => `rule-${++ruleKeys}`;

function validate(v: Values, t: TFunction): Errors {
  const errors: Errors = {};
  for (const p of PRIORITIES)
    for (const field of ['firstResponseMinutes', 'resolutionMinutes'] as const) {
      const minutes = v.policies[p][field];
      if (minutes < 1 || minutes > MINUTES_MAX)
        errors[`policies.${p}.${field}`] = t('ticketSettings.targetRange', {
          max: formatBusinessMinutes(MINUTES_MAX, t),
        });
    }
  v.escalation.forEach((rule, i) => {
    const name = rule.name.trim();
    if (!name) errors[`escalation.${i}.name`] = t('validation.required');
    else if (name.length > RULE_NAME_MAX)
      errors[`escalation.${i}.name`] = t('validation.maxLength', { max: RULE_NAME_MAX });
    if (rule.businessMinutes > MINUTES_MAX)
      errors[`escalation.${i}.businessMinutes`] = t('ticketSettings.targetRange', {
        max: formatBusinessMinutes(MINUTES_MAX, t),
      });
    const url = rule.webhookUrl.trim();
    if (url && (url.length > URL_MAX || !isHttpUrl(url)))
      errors[`escalation.${i}.webhookUrl`] = t('ticketSettings.urlInvalid');
    if (!rule.raisePriorityTo && !url) errors[`escalation.${i}`] = t('ticketSettings.rules.noAction');
  });
  if (v.handoffEnabled) {
    const url = v.handoff.url.trim();
    if (!url) errors['handoff.url'] = t('validation.required');
    else if (url.length > URL_MAX || !isHttpUrl(url)) errors['handoff.url'] = t('ticketSettings.urlInvalid');
    const name = v.handoff.headerName.trim();
    if (name && (name.length > HEADER_NAME_MAX || !HEADER_NAME.test(name)))
      errors['handoff.headerName'] = t('ticketSettings.handoff.headerNameInvalid');
    if (v.handoff.headerValue && !name)
      errors['handoff.headerName'] = t('ticketSettings.handoff.headerNameNeeded');
    if (v.handoff.headerValue.length > HEADER_VALUE_MAX)
      errors['handoff.headerValue'] = t('validation.maxLength', { max: HEADER_VALUE_MAX });
  }
  return errors;
}

/** HD-01, HD-02: the help desk's calendar, SLA targets, escalation rules and hand-off target (tickets.manage). */
export default function TicketSettingsPage() {
  const { t } = useTranslation();
  const settings = useTicketSettings();
  let body;
  if (settings.isPending) body = <LoadingState />;
  else if (settings.isError)
    body = <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  // a saved answer remounts the form with what the server keeps (new rules get their ids)
  else body = <SettingsForm key={settings.data.version} settings={settings.data} />;
  return (
    <>
      <PageHeader title={t('ticketSettings.title')} description={t('ticketSettings.subtitle')} />
      {body}
    </>
  );
}

function SettingsForm({ settings }: { settings: TicketSettings }) {
  const { t } = useTranslation();
  const { membership } = useSession();
  const calendars = useCalendarOptions(can(membership, 'calendars.view', 'calendars.manage'));
  const save = useSaveTicketSettings();
  const form = useForm<Values>(values(settings), (v) => validate(v, t));

  const submit = form.onSubmit((v) =>
    save.mutate(settingsInput(v, settings.version), {
      onSuccess: () => notifySuccess(t('ticketSettings.saved')),
      onError: (error) => {
        if (!form.applyProblem(error, { 'ticket.calendar-missing': 'calendarId' })) notifyError(error, t);
      },
    }),
  );

  const setPolicy = (p: TicketPriority, field: keyof Targets, minutes: number) =>
    form.setValues({
      ...form.values,
      policies: { ...form.values.policies, [p]: { ...form.values.policies[p], [field]: minutes } },
    });
  const setRule = (index: number, changes: Partial<RuleValues>) =>
    form.setField(
      'escalation',
      form.values.escalation.map((rule, i) => (i === index ? { ...rule, ...changes } : rule)),
    );
  const addRule = () =>
    form.setField('escalation', [
      ...form.values.escalation,
      {
        key: newKey(),
        id: null,
        name: '',
        of: 'FIRST_RESPONSE',
        point: 'BEFORE_DUE',
        businessMinutes: 30,
        raisePriorityTo: 'HIGH',
        webhookUrl: '',
      },
    ]);
  const removeRule = (index: number) =>
    form.setField(
      'escalation',
      form.values.escalation.filter((_, i) => i !== index),
    );

  // server errors name policies as `policies.LOW` or `policies[LOW].resolutionMinutes`
  const policyError = (p: TicketPriority, field: keyof Targets) =>
    form.error(`policies.${p}.${field}`) ??
    form.error(`policies[${p}].${field}`) ??
    form.error(`policies.${p}`);
  const shown = new Set<string>([
    'calendarId',
    'escalation',
    'handoff.url',
    'handoff.headerName',
    'handoff.headerValue',
    'handoff.onStatus',
    'handoff',
  ]);
  PRIORITIES.forEach((p) =>
    ['firstResponseMinutes', 'resolutionMinutes'].forEach((f) => {
      shown.add(`policies.${p}.${f}`);
      shown.add(`policies[${p}].${f}`);
      shown.add(`policies.${p}`);
    }),
  );
  form.values.escalation.forEach((_, i) =>
    ['', '.id', '.name', '.of', '.point', '.businessMinutes', '.raisePriorityTo', '.webhookUrl'].forEach(
      (f) => shown.add(`escalation.${i}${f}`),
    ),
  );
  const otherErrors = [
    ...form.formErrors,
    ...Object.entries(form.errors)
      .filter(([key]) => !shown.has(key))
      .map(([, message]) => message),
  ];
  const calendarKnown =
    !form.values.calendarId || (calendars.data ?? []).some((c) => c.id === form.values.calendarId);

  return (
    <form onSubmit={submit} noValidate data-testid="ticket-settings-form">
      <Stack maw={960} gap="lg">
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            {t('ticketSettings.calendarTitle')}
          </Title>
          <NativeSelect
            label={t('ticketSettings.calendar')}
            description={t('ticketSettings.calendarHint')}
            {...form.text('calendarId')}
            data={[
              { value: '', label: t('ticketSettings.noCalendar') },
              ...(calendarKnown
                ? []
                : [{ value: form.values.calendarId, label: t('ticketSettings.unknownCalendar') }]),
              ...(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name })),
            ]}
            maw={420}
          />
        </Paper>

        <Paper withBorder p="md">
          <Title order={4} mb={4}>
            {t('ticketSettings.targetsTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('ticketSettings.targetsHint')}
          </Text>
          <Table.ScrollContainer minWidth={640}>
            <Table data-testid="ticket-targets">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tickets.priority')}</Table.Th>
                  <Table.Th>{t('ticketSettings.firstResponse')}</Table.Th>
                  <Table.Th>{t('ticketSettings.resolution')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {PRIORITIES.map((p) => (
                  <Table.Tr key={p} data-testid="ticket-target" data-priority={p}>
                    <Table.Td fw={500}>{t(`tickets.priorities.${p}`)}</Table.Td>
                    {(['firstResponseMinutes', 'resolutionMinutes'] as const).map((field) => (
                      <Table.Td key={field}>
                        <DurationInput
                          label={t(`ticketSettings.targetLabels.${field}`, {
                            priority: t(`tickets.priorities.${p}`),
                          })}
                          name={`policies.${p}.${field}`}
                          value={form.values.policies[p][field]}
                          onChange={(minutes) => setPolicy(p, field, minutes)}
                          error={policyError(p, field)}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>

        <Paper withBorder p="md">
          <Group justify="space-between" mb={4}>
            <Title order={4}>{t('ticketSettings.rules.title')}</Title>
            <Button
              variant="light"
              size="xs"
              onClick={addRule}
              disabled={form.values.escalation.length >= RULES_MAX}
              data-testid="rule-add"
            >
              {t('ticketSettings.rules.add')}
            </Button>
          </Group>
          <Text size="sm" c="dimmed" mb="sm">
            {t('ticketSettings.rules.hint')}
          </Text>
          {form.values.escalation.length === 0 ? (
            <EmptyState
              title={t('ticketSettings.rules.emptyTitle')}
              description={t('ticketSettings.rules.empty')}
            />
          ) : (
            <Stack gap="sm">
              {form.values.escalation.map((rule, i) => (
                <Paper
                  key={rule.key}
                  withBorder
                  p="sm"
                  data-testid="rule-row"
                  bg="var(--mantine-color-default-hover)"
                >
                  <Group justify="space-between" mb="xs">
                    <Text size="sm" fw={600}>
                      {t('ticketSettings.rules.numbered', { number: i + 1 })}
                    </Text>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      onClick={() => removeRule(i)}
                      aria-label={t('ticketSettings.rules.remove', { name: rule.name || i + 1 })}
                      data-testid="rule-remove"
                    >
                      ×
                    </ActionIcon>
                  </Group>
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <TextInput
                      label={t('ticketSettings.rules.name')}
                      required
                      name={`escalation.${i}.name`}
                      value={rule.name}
                      onChange={(event) => setRule(i, { name: event.currentTarget.value })}
                      error={form.error(`escalation.${i}.name`) ?? form.error(`escalation.${i}.id`)}
                    />
                    <NativeSelect
                      label={t('ticketSettings.rules.of')}
                      name={`escalation.${i}.of`}
                      value={rule.of}
                      onChange={(event) => setRule(i, { of: event.currentTarget.value as EscalationTimer })}
                      data={TIMERS.map((timer) => ({
                        value: timer,
                        label: t(`tickets.sla.timers.${timer}`),
                      }))}
                    />
                    <NativeSelect
                      label={t('ticketSettings.rules.point')}
                      name={`escalation.${i}.point`}
                      value={rule.point}
                      onChange={(event) =>
                        setRule(i, { point: event.currentTarget.value as EscalationPoint })
                      }
                      data={POINTS.map((point) => ({
                        value: point,
                        label: t(`ticketSettings.points.${point}`),
                      }))}
                    />
                    <DurationInput
                      label={t('ticketSettings.rules.businessMinutes')}
                      name={`escalation.${i}.businessMinutes`}
                      value={rule.businessMinutes}
                      onChange={(minutes) => setRule(i, { businessMinutes: minutes })}
                      error={form.error(`escalation.${i}.businessMinutes`)}
                    />
                    <NativeSelect
                      label={t('ticketSettings.rules.raisePriorityTo')}
                      name={`escalation.${i}.raisePriorityTo`}
                      value={rule.raisePriorityTo}
                      onChange={(event) =>
                        setRule(i, { raisePriorityTo: event.currentTarget.value as TicketPriority | '' })
                      }
                      data={[
                        { value: '', label: t('ticketSettings.rules.noRaise') },
                        ...PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priorities.${p}`) })),
                      ]}
                    />
                    <TextInput
                      label={t('ticketSettings.rules.webhookUrl')}
                      placeholder="https://"
                      name={`escalation.${i}.webhookUrl`}
                      value={rule.webhookUrl}
                      onChange={(event) => setRule(i, { webhookUrl: event.currentTarget.value })}
                      error={form.error(`escalation.${i}.webhookUrl`)}
                    />
                  </SimpleGrid>
                  {form.error(`escalation.${i}`) ? (
                    <Text size="sm" c="red" mt="xs" role="alert">
                      {form.error(`escalation.${i}`)}
                    </Text>
                  ) : null}
                </Paper>
              ))}
            </Stack>
          )}
        </Paper>

        <Paper withBorder p="md">
          <Title order={4} mb={4}>
            {t('ticketSettings.handoff.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('ticketSettings.handoff.hint')}
          </Text>
          <Switch
            label={t('ticketSettings.handoff.enabled')}
            name="handoffEnabled"
            checked={form.values.handoffEnabled}
            onChange={(event) => form.setField('handoffEnabled', event.currentTarget.checked)}
            mb="sm"
            data-testid="handoff-enabled"
          />
          {form.values.handoffEnabled ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('ticketSettings.handoff.url')}
                placeholder="https://"
                required
                name="handoff.url"
                value={form.values.handoff.url}
                onChange={(event) =>
                  form.setField('handoff', { ...form.values.handoff, url: event.currentTarget.value })
                }
                error={form.error('handoff.url')}
              />
              <NativeSelect
                label={t('ticketSettings.handoff.onStatus')}
                description={t('ticketSettings.handoff.onStatusHint')}
                name="handoff.onStatus"
                value={form.values.handoff.onStatus}
                onChange={(event) =>
                  form.setField('handoff', {
                    ...form.values.handoff,
                    onStatus: event.currentTarget.value as HandoffStatus | '',
                  })
                }
                error={form.error('handoff.onStatus')}
                data={[
                  { value: '', label: t('ticketSettings.handoff.manualOnly') },
                  ...HANDOFF_STATUSES.map((s) => ({ value: s, label: t(`tickets.statuses.${s}`) })),
                ]}
              />
              <TextInput
                label={t('ticketSettings.handoff.headerName')}
                description={t('ticketSettings.handoff.headerNameHint')}
                placeholder="X-Api-Key"
                name="handoff.headerName"
                value={form.values.handoff.headerName}
                onChange={(event) =>
                  form.setField('handoff', { ...form.values.handoff, headerName: event.currentTarget.value })
                }
                error={form.error('handoff.headerName')}
              />
              <PasswordInput
                label={t('ticketSettings.handoff.headerValue')}
                description={
                  settings.handoff?.headerValueSet
                    ? t('ticketSettings.handoff.headerValueSet')
                    : t('ticketSettings.handoff.headerValueHint')
                }
                autoComplete="new-password"
                name="handoff.headerValue"
                value={form.values.handoff.headerValue}
                onChange={(event) =>
                  form.setField('handoff', { ...form.values.handoff, headerValue: event.currentTarget.value })
                }
                error={form.error('handoff.headerValue')}
                visibilityToggleButtonProps={{ 'aria-label': t('ticketSettings.handoff.showValue') }}
              />
            </SimpleGrid>
          ) : null}
        </Paper>

        <FormAlert messages={otherErrors} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-testid="ticket-settings-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
