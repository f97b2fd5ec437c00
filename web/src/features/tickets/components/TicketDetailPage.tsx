import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Grid,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '@/lib/api/client';
import { formatDateTime } from '@/lib/format';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { errorMessage, notify, notifySuccess } from '@/lib/ui/notify';
import { PageHeader } from '@/lib/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import {
  NEXT_STATUSES,
  PRIORITIES,
  ticketUpdate,
  useAssigneeOptions,
  useHandoff,
  useTicket,
  useTicketSettings,
  useUpdateTicket,
  type DeliveryStatus,
  type Ticket,
  type TicketUpdate,
} from '../api/tickets';
import { useNow } from '../hooks/useNow';
import { PriorityBadge, StatusBadge } from './badges';
import { SlaCountdown } from './SlaCountdown';
import { TicketComments } from './TicketComments';
import { TicketFormModal } from './TicketFormModal';
import { TicketHistory } from './TicketHistory';

const DELIVERY_COLORS: Record<DeliveryStatus, string> = { PENDING: 'yellow', SENT: 'teal', FAILED: 'red' };

/** HD-01, HD-02: one ticket with its SLA timers, comments, history and hand-off. */
export default function TicketDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const ticket = useTicket(id);
  if (ticket.isPending) return <LoadingState />;
  if (ticket.isError)
    return isApiError(ticket.error) && ticket.error.status === 404 ? (
      <EmptyState title={t('errors.notFoundTitle')} description={t('errors.notFound')} />
    ) : (
      <ErrorState error={ticket.error} onRetry={() => void ticket.refetch()} />
    );
  return <TicketDetail ticket={ticket.data} />;
}

function TicketDetail({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const { membership } = useSession();
  const update = useUpdateTicket();
  const handoff = useHandoff();
  const { options: assignees } = useAssigneeOptions();
  const manage = can(membership, 'tickets.manage');
  // handlers cannot read the settings: for them the button is always there and the server says if it is not set up
  const settings = useTicketSettings(manage);
  const handoffConfigured = manage ? !!settings.data?.handoff : true;
  const now = useNow();
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);

  const change = (changes: Partial<TicketUpdate>) => {
    setProblem(null);
    update.mutate(
      { id: ticket.id, input: ticketUpdate(ticket, changes) },
      {
        onSuccess: () => notifySuccess(t('tickets.saved', { number: ticket.number })),
        onError: setProblem,
      },
    );
  };

  const sendHandoff = () => {
    setProblem(null);
    handoff.mutate(ticket.id, {
      onSuccess: (result) => {
        if (result.handoff?.status === 'SENT')
          notifySuccess(
            result.handoff.externalReference
              ? t('tickets.handoff.sentRef', { reference: result.handoff.externalReference })
              : t('tickets.handoff.sent'),
          );
        else
          notify({
            kind: 'error',
            title: t('tickets.handoff.failedTitle'),
            message: result.handoff?.lastError ?? t('tickets.handoff.failed'),
          });
      },
      onError: setProblem,
    });
  };

  const nameOf = (agentId: string | null) =>
    agentId
      ? (assignees.find((a) => a.id === agentId)?.name ?? t('tickets.unknownAgent'))
      : t('tickets.unassigned');
  const statuses = [ticket.status, ...NEXT_STATUSES[ticket.status]];
  const busy = update.isPending;

  return (
    <>
      <PageHeader
        title={t('tickets.detailTitle', { number: ticket.number, subject: ticket.subject })}
        description={t('tickets.createdAt', { time: formatDateTime(ticket.createdAt) })}
        actions={
          <>
            <Button component={Link} to="/tickets" variant="default" data-testid="ticket-back">
              {t('tickets.back')}
            </Button>
            <Button variant="light" onClick={() => setEditing(true)} data-testid="ticket-edit">
              {t('common.edit')}
            </Button>
          </>
        }
      />
      <Group gap="xs" mb="md">
        <StatusBadge status={ticket.status} />
        <PriorityBadge priority={ticket.priority} />
      </Group>
      {problem ? (
        <Alert
          color="red"
          role="alert"
          title={t('tickets.problemTitle')}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setProblem(null)}
          mb="md"
          data-testid="ticket-problem"
        >
          {errorMessage(problem, t)}
        </Alert>
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <Paper withBorder p="md">
              <Text size="sm" fw={600} mb={4}>
                {t('tickets.description')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="ticket-description">
                {ticket.description || t('tickets.noDescription')}
              </Text>
            </Paper>
            <Tabs defaultValue="comments" keepMounted={false}>
              <Tabs.List mb="md">
                <Tabs.Tab value="comments" data-testid="ticket-tab-comments">
                  {t('tickets.comments.title')}
                </Tabs.Tab>
                <Tabs.Tab value="history" data-testid="ticket-tab-history">
                  {t('tickets.history.title')}
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="comments">
                <TicketComments ticket={ticket} />
              </Tabs.Panel>
              <Tabs.Panel value="history">
                <TicketHistory ticket={ticket} nameOf={nameOf} />
              </Tabs.Panel>
            </Tabs>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <Paper withBorder p="md">
              <Stack gap="sm">
                <NativeSelect
                  label={t('common.status')}
                  name="status"
                  value={ticket.status}
                  disabled={busy || statuses.length === 1}
                  onChange={(event) => change({ status: event.currentTarget.value as Ticket['status'] })}
                  data={statuses.map((s) => ({ value: s, label: t(`tickets.statuses.${s}`) }))}
                  data-testid="ticket-status-select"
                />
                <NativeSelect
                  label={t('tickets.priority')}
                  name="priority"
                  value={ticket.priority}
                  disabled={busy}
                  onChange={(event) => change({ priority: event.currentTarget.value as Ticket['priority'] })}
                  data={PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priorities.${p}`) }))}
                  data-testid="ticket-priority-select"
                />
                <NativeSelect
                  label={t('tickets.assignee')}
                  name="assigneeId"
                  value={ticket.assigneeId ?? ''}
                  disabled={busy}
                  onChange={(event) => change({ assigneeId: event.currentTarget.value || null })}
                  data={[
                    { value: '', label: t('tickets.unassigned') },
                    ...(ticket.assigneeId && !assignees.some((a) => a.id === ticket.assigneeId)
                      ? [{ value: ticket.assigneeId, label: t('tickets.unknownAgent') }]
                      : []),
                    ...assignees.map((a) => ({ value: a.id, label: a.name })),
                  ]}
                  data-testid="ticket-assignee-select"
                />
                <Field label={t('tickets.group')}>{ticket.group ?? '—'}</Field>
                <Field label={t('tickets.clientId')}>
                  {ticket.clientId ? <Code data-raw-code>{ticket.clientId}</Code> : '—'}
                </Field>
                <Field label={t('tickets.interactions')}>
                  {ticket.interactionIds.length === 0 ? (
                    '—'
                  ) : (
                    <Stack gap={2} data-testid="ticket-interactions">
                      {ticket.interactionIds.map((interactionId) => (
                        <Code key={interactionId} data-raw-code>
                          {interactionId}
                        </Code>
                      ))}
                    </Stack>
                  )}
                </Field>
                <Field label={t('tickets.updatedAt')}>{formatDateTime(ticket.updatedAt)}</Field>
              </Stack>
            </Paper>
            <SlaPanel ticket={ticket} now={now} />
            <Paper withBorder p="md" data-testid="ticket-handoff">
              <Title order={5} mb="xs">
                {t('tickets.handoff.title')}
              </Title>
              {ticket.handoff ? (
                <Stack gap={4} mb="sm">
                  <Group gap="xs">
                    <Badge
                      variant="light"
                      color={DELIVERY_COLORS[ticket.handoff.status]}
                      data-testid="handoff-status"
                    >
                      {t(`tickets.deliveries.${ticket.handoff.status}`)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {t('tickets.handoff.attempts', { attempts: ticket.handoff.attempts })}
                    </Text>
                  </Group>
                  {ticket.handoff.externalReference ? (
                    <Text size="sm">
                      {t('tickets.handoff.reference')}{' '}
                      <Code data-raw-code>{ticket.handoff.externalReference}</Code>
                    </Text>
                  ) : null}
                  {ticket.handoff.lastError ? (
                    <Text size="xs" c="red" data-raw-code>
                      {ticket.handoff.lastError}
                    </Text>
                  ) : null}
                </Stack>
              ) : (
                <Text size="sm" c="dimmed" mb="sm">
                  {t('tickets.handoff.never')}
                </Text>
              )}
              {handoffConfigured ? (
                <Button
                  variant="light"
                  size="xs"
                  loading={handoff.isPending}
                  onClick={sendHandoff}
                  data-testid="ticket-handoff-send"
                >
                  {t('tickets.handoff.send')}
                </Button>
              ) : (
                <Text size="xs" c="dimmed" data-testid="handoff-not-configured">
                  {t('tickets.handoff.notConfigured')}{' '}
                  <Anchor component={Link} to="/ticket-settings" size="xs">
                    {t('ticketSettings.title')}
                  </Anchor>
                </Text>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      {editing ? <TicketFormModal ticket={ticket} onClose={() => setEditing(false)} /> : null}
    </>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** The two timers: when each is due, whether it was breached, a running pause, and the live countdown. */
function SlaPanel({ ticket, now }: { ticket: Ticket; now: number }) {
  const { t } = useTranslation();
  const { sla } = ticket;
  const breached = (flag: boolean) =>
    flag ? (
      <Badge color="red" variant="light" size="sm">
        {t('tickets.sla.breached')}
      </Badge>
    ) : null;
  return (
    <Paper withBorder p="md" data-testid="ticket-sla">
      <Title order={5} mb="xs">
        {t('tickets.sla.title')}
      </Title>
      <Stack gap="sm">
        <SlaCountdown ticket={ticket} now={now} />
        <div data-testid="sla-first-response">
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              {t('tickets.sla.firstResponseDue')}
            </Text>
            {breached(sla.firstResponseBreached)}
          </Group>
          <Text size="sm">{formatDateTime(sla.firstResponseDue)}</Text>
          <Text size="xs" c="dimmed">
            {ticket.firstResponseAt
              ? t('tickets.sla.answeredAt', { time: formatDateTime(ticket.firstResponseAt) })
              : t('tickets.sla.notAnswered')}
          </Text>
        </div>
        <div data-testid="sla-resolution">
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              {t('tickets.sla.resolutionDue')}
            </Text>
            {breached(sla.resolutionBreached)}
          </Group>
          <Text size="sm">{formatDateTime(sla.resolutionDue)}</Text>
          {ticket.resolvedAt ? (
            <Text size="xs" c="dimmed">
              {t('tickets.sla.resolvedAt', { time: formatDateTime(ticket.resolvedAt) })}
            </Text>
          ) : null}
          {sla.pausedSince ? (
            <Text size="xs" c="yellow.8" data-testid="sla-paused-since">
              {t('tickets.sla.pausedSince', { time: formatDateTime(sla.pausedSince) })}
            </Text>
          ) : null}
        </div>
        {ticket.escalations.length > 0 ? (
          <div data-testid="ticket-escalations">
            <Text size="xs" c="dimmed" mb={4}>
              {t('tickets.escalations.title')}
            </Text>
            <Stack gap={6}>
              {ticket.escalations.map((e) => (
                <div key={`${e.ruleId}-${e.firedAt}`}>
                  <Text size="sm" fw={500}>
                    {e.ruleName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(e.firedAt)}
                    {e.raisedPriorityTo
                      ? ` · ${t('tickets.escalations.raisedTo', { priority: t(`tickets.priorities.${e.raisedPriorityTo}`) })}`
                      : ''}
                  </Text>
                  {e.webhook ? (
                    <Group gap={4}>
                      <Text size="xs">{t('tickets.escalations.webhook')}</Text>
                      <Badge size="xs" variant="light" color={DELIVERY_COLORS[e.webhook.status]}>
                        {t(`tickets.deliveries.${e.webhook.status}`)}
                      </Badge>
                      {e.webhook.lastError ? (
                        <Text size="xs" c="red" data-raw-code>
                          {e.webhook.lastError}
                        </Text>
                      ) : null}
                    </Group>
                  ) : null}
                </div>
              ))}
            </Stack>
          </div>
        ) : null}
      </Stack>
    </Paper>
  );
}
