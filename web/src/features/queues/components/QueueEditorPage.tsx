import {
  Badge,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Radio,
  Stack,
  Switch,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { isApiError } from '@/lib/api/client';
import { useForm } from '@/lib/form';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { PageHeader } from '@/lib/ui/PageHeader';
import { EmptyState, ErrorState, FormAlert, LoadingState } from '@/lib/ui/states';
import {
  STRATEGIES,
  useAgentOptions,
  useCalendarOptions,
  useQueue,
  useQueues,
  useSaveQueue,
  type Queue,
  type Strategy,
} from '../api/queues';
import {
  LIMITS,
  TABS,
  queueInput,
  queueValues,
  tabOf,
  validateQueue,
  type NumberField,
  type QueueValues,
  type Tab,
} from '../utils/queueForm';
import { OverflowSection } from './OverflowSection';
import { QueueMembers } from './QueueMembers';

type BooleanField = {
  [K in keyof QueueValues]: QueueValues[K] extends boolean ? K : never;
}[keyof QueueValues];

/** ACD-01 … ACD-11: one queue's settings in tabs; `/queues/new` creates one. */
export default function QueueEditorPage() {
  const { t } = useTranslation();
  const { id = 'new' } = useParams();
  const { membership } = useSession();
  const manage = can(membership, 'queues.manage');
  const isNew = id === 'new';
  const queue = useQueue(isNew ? null : id);

  if (isNew && !manage)
    return <EmptyState title={t('errors.noAccessTitle')} description={t('errors.noAccess')} />;
  if (!isNew && queue.isPending) return <LoadingState />;
  if (!isNew && queue.isError)
    return isApiError(queue.error) && queue.error.status === 404 ? (
      <EmptyState title={t('errors.notFoundTitle')} description={t('errors.notFound')} />
    ) : (
      <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
    );
  const data = isNew ? null : (queue.data ?? null);
  // a new queue's form starts again from its saved self once created
  return <QueueEditor key={data?.id ?? 'new'} queue={data} manage={manage} />;
}

function QueueEditor({ queue, manage }: { queue: Queue | null; manage: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { membership } = useSession();
  const initialTab = (location.state as { tab?: Tab } | null)?.tab;
  const [tab, setTab] = useState<Tab>(initialTab && TABS.includes(initialTab) ? initialTab : 'general');
  const calendars = useCalendarOptions(can(membership, 'calendars.view', 'calendars.manage'));
  const queues = useQueues();
  const agents = useAgentOptions(manage || can(membership, 'telephony.view', 'telephony.manage'));
  const save = useSaveQueue();
  const selfId = queue?.id ?? null;
  const validate = (v: QueueValues) => validateQueue(v, selfId, t);
  const form = useForm<QueueValues>(queueValues(queue), validate);

  const showTab = (next: Tab) => {
    // synchronously, so that the first wrong field is visible when the form focuses it
    if (next !== tab) flushSync(() => setTab(next));
  };

  const handler = form.onSubmit((v) =>
    save.mutate(
      { id: queue?.id, input: queueInput(v, queue?.version) },
      {
        onSuccess: (saved) => {
          if (queue || !saved?.id) {
            notifySuccess(t('queues.saved'));
            return;
          }
          notifySuccess(t('queues.created'));
          navigate(`/queues/${saved.id}`, { replace: true, state: { tab: 'members' } });
        },
        onError: (error) => {
          if (!form.applyProblem(error, { 'queue.name-taken': 'name' })) {
            notifyError(error, t);
            return;
          }
          const first = isApiError(error) ? (error.fieldErrors[0]?.field ?? 'name') : 'name';
          setTab(tabOf(first));
        },
      },
    ),
  );

  const submit = (event: FormEvent) => {
    const first = Object.keys(validate(form.values))[0];
    if (first) showTab(tabOf(first));
    handler(event);
  };

  const errorsIn = (panel: Tab) => Object.keys(form.errors).filter((field) => tabOf(field) === panel).length;

  const numberInput = (field: NumberField, label: string, description?: string, extra: object = {}) => (
    <NumberInput
      label={label}
      description={description}
      name={field}
      min={LIMITS[field][0]}
      max={LIMITS[field][1]}
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="none"
      value={form.values[field]}
      onChange={(value) => form.setField(field, value)}
      error={form.error(field)}
      {...extra}
    />
  );

  const switchInput = (field: BooleanField, label: string, description?: string) => (
    <Switch
      label={label}
      description={description}
      name={field}
      checked={form.values[field]}
      onChange={(event) => form.setField(field, event.currentTarget.checked)}
    />
  );

  const title = queue ? queue.name : t('queues.create');
  return (
    <>
      <PageHeader
        title={title}
        description={t('queues.editorSubtitle')}
        actions={
          <Button component={Link} to="/queues" variant="default" data-testid="queue-back">
            {t('queues.back')}
          </Button>
        }
      />
      {!manage ? (
        <Text c="dimmed" size="sm" mb="sm" data-testid="queue-read-only">
          {t('queues.readOnly')}
        </Text>
      ) : null}
      <Tabs
        value={tab}
        onChange={(value) => value && setTab(value as Tab)}
        keepMountedMode="display-none"
        data-testid="queue-tabs"
      >
        <Tabs.List mb="md">
          {TABS.map((panel) => {
            const errors = errorsIn(panel);
            return (
              <Tabs.Tab
                key={panel}
                value={panel}
                data-testid={`queue-tab-${panel}`}
                rightSection={
                  errors > 0 ? (
                    <Badge size="xs" color="red" circle aria-label={t('queues.tabErrors', { errors })}>
                      {errors}
                    </Badge>
                  ) : null
                }
              >
                {t(`queues.tabs.${panel}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>

        <form onSubmit={submit} noValidate data-testid="queue-form">
          <Fieldset variant="unstyled" disabled={!manage} p={0} m={0}>
            <Tabs.Panel value="general">
              <Section>
                <TextInput label={t('queues.name')} required {...form.text('name')} />
                <Textarea
                  label={t('queues.description')}
                  autosize
                  minRows={2}
                  {...form.text('description')}
                />
                {numberInput(
                  'serviceLevelSeconds',
                  t('queues.serviceLevelSeconds'),
                  t('queues.serviceLevelHint'),
                )}
                <NativeSelect
                  label={t('queues.calendar')}
                  {...form.text('calendarId')}
                  data={[
                    { value: '', label: t('queues.noCalendar') },
                    ...(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name })),
                  ]}
                />
                {switchInput('enabled', t('queues.enabled'))}
                {switchInput('selfLoginAllowed', t('queues.selfLoginAllowed'), t('queues.selfLoginHint'))}
              </Section>
            </Tabs.Panel>

            <Tabs.Panel value="distribution">
              <Section>
                <Radio.Group
                  label={t('queues.strategy')}
                  name="strategy"
                  value={form.values.strategy}
                  onChange={(value) => form.setField('strategy', value as Strategy)}
                  error={form.error('strategy')}
                  data-testid="queue-strategy"
                >
                  <Stack gap="sm" mt="xs">
                    {STRATEGIES.map((strategy) => (
                      <Radio
                        key={strategy}
                        value={strategy}
                        label={t(`queues.strategies.${strategy}`)}
                        description={t(`queues.strategyHints.${strategy}`)}
                      />
                    ))}
                  </Stack>
                </Radio.Group>
                {numberInput('priority', t('queues.priority'), t('queues.priorityHint'))}
                {numberInput('ringTimeoutSeconds', t('queues.ringTimeout'), t('queues.ringTimeoutHint'))}
                {numberInput('wrapUpSeconds', t('queues.wrapUp'), t('queues.wrapUpHint'))}
                <Title order={5} mt="sm">
                  {t('queues.sections.sticky')}
                </Title>
                {numberInput('stickyDays', t('queues.stickyDays'), t('queues.stickyDaysHint'))}
                {numberInput('stickyWaitSeconds', t('queues.stickyWait'), t('queues.stickyWaitHint'), {
                  disabled: Number(form.values.stickyDays) === 0,
                })}
                <Title order={5} mt="sm">
                  {t('queues.sections.skills')}
                </Title>
                {numberInput(
                  'skillFallbackSeconds',
                  t('queues.skillFallback'),
                  t('queues.skillFallbackHint'),
                  {
                    placeholder: t('queues.never'),
                  },
                )}
              </Section>
            </Tabs.Panel>

            <Tabs.Panel value="waiting">
              <Section>
                {numberInput('maxWaitSeconds', t('queues.maxWait'), t('queues.maxWaitHint'), {
                  placeholder: t('queues.noLimit'),
                })}
                {numberInput('maxLength', t('queues.maxLength'), t('queues.maxLengthHint'))}
                <Title order={5} mt="sm">
                  {t('queues.sections.announcements')}
                </Title>
                {switchInput('announcePosition', t('queues.announcePosition'))}
                {switchInput('announceWait', t('queues.announceWait'))}
                {numberInput('announceIntervalSeconds', t('queues.announceInterval'), undefined, {
                  disabled: !form.values.announcePosition && !form.values.announceWait,
                })}
                <Title order={5} mt="sm">
                  {t('queues.sections.callback')}
                </Title>
                {switchInput('callbackOffer', t('queues.callbackOffer'), t('queues.callbackOfferHint'))}
                <Switch
                  label={t('queues.callbackPreferredTime')}
                  name="callbackPreferredTime"
                  disabled={!form.values.callbackOffer}
                  checked={form.values.callbackOffer && form.values.callbackPreferredTime}
                  onChange={(event) => form.setField('callbackPreferredTime', event.currentTarget.checked)}
                />
                {switchInput('voicemailOption', t('queues.voicemailOption'), t('queues.voicemailOptionHint'))}
              </Section>
            </Tabs.Panel>

            <Tabs.Panel value="overflow">
              <OverflowSection
                form={form}
                selfId={selfId}
                queues={(queues.data ?? []).map((q) => ({ id: q.id, name: q.name }))}
                agents={agents.data ?? []}
              />
            </Tabs.Panel>
          </Fieldset>

          {manage && tab !== 'members' ? (
            <Stack mt="md" maw={720}>
              <FormAlert messages={form.formErrors} />
              <Group justify="flex-end">
                <Button variant="default" component={Link} to="/queues">
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={save.isPending} data-testid="queue-save">
                  {t('common.save')}
                </Button>
              </Group>
            </Stack>
          ) : null}
        </form>

        <Tabs.Panel value="members">
          {queue ? (
            <QueueMembers queue={queue} manage={manage} />
          ) : (
            <EmptyState
              title={t('queues.members.saveFirstTitle')}
              description={t('queues.members.saveFirst')}
            />
          )}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function Section({ children }: { children: ReactNode }) {
  return (
    <Stack maw={720} gap="md">
      {children}
    </Stack>
  );
}
