import { Badge, Divider, Drawer, Group, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDuration, formatTime } from '@/lib/format';
import { formatE164 } from '@/lib/phone';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { ErrorState, LoadingState } from '@/lib/ui/states';
import { useInteraction, type InteractionDetail } from '../api/interactions';
import { Outcome, STATE_COLORS } from '../utils/labels';
import { InteractionCategories } from './InteractionCategories';
import { IntakeForms } from '@/lib/intake/IntakeForms';

const CATEGORIZED = 'CATEGORIZED';

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

function Details({ interaction }: { interaction: InteractionDetail }) {
  const { t } = useTranslation();
  const { membership } = useSession();
  // AGT-05, CRM-02: categories and intake forms are read with clients.view
  const crm = can(membership, 'clients.view');
  const events = [...interaction.events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Badge variant="light">{t(`interactions.directions.${interaction.direction}`)}</Badge>
        <Badge color={STATE_COLORS[interaction.state]} data-testid="interaction-state">
          {t(`interactions.states.${interaction.state}`)}
        </Badge>
      </Group>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
        <Field label={t('interactions.remoteNumber')}>{formatE164(interaction.remoteNumber)}</Field>
        <Field label={t('interactions.tenantNumber')}>{formatE164(interaction.tenantNumber)}</Field>
        <Field label={t('interactions.agent')}>{interaction.agentName ?? '—'}</Field>
        <Field label={t('interactions.outcome')}>
          <Outcome interaction={interaction} t={t} />
        </Field>
        <Field label={t('interactions.startedAt')}>{formatDateTime(interaction.startedAt)}</Field>
        <Field label={t('interactions.answeredAt')}>{formatDateTime(interaction.answeredAt)}</Field>
        <Field label={t('interactions.endedAt')}>{formatDateTime(interaction.endedAt)}</Field>
        <Field label={t('interactions.ringTalk')}>
          {formatDuration(interaction.ringSeconds)} / {formatDuration(interaction.talkSeconds)}
        </Field>
      </SimpleGrid>
      <div>
        <Title order={4} mb="sm">
          {t('interactions.timeline')}
        </Title>
        {events.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('interactions.noEvents')}
          </Text>
        ) : (
          <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} data-testid="interaction-events">
            {events.map((event, index) => (
              <Timeline.Item
                key={`${event.at}-${event.type}-${index}`}
                title={
                  // AGT-05: someone changed the call's categories (the detail says from what to what)
                  (event.type as string) === CATEGORIZED
                    ? t('categories.event')
                    : t(`interactions.events.${event.type}`)
                }
                data-testid="interaction-event"
                data-type={event.type}
              >
                <Text size="xs" c="dimmed">
                  <time dateTime={event.at}>{formatTime(event.at)}</time>
                  {event.agentName ? ` · ${event.agentName}` : ''}
                </Text>
                {event.detail ? (
                  <Text size="xs" ff="monospace" data-raw-code>
                    {event.detail}
                  </Text>
                ) : null}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </div>
      {crm ? (
        <>
          <Divider />
          <InteractionCategories interactionId={interaction.id} />
          <Divider />
          <IntakeForms interactionId={interaction.id} />
        </>
      ) : null}
    </Stack>
  );
}

/** One interaction with its events as a timeline; it follows a live call until it ends. */
export function InteractionDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const interaction = useInteraction(id);
  return (
    <Drawer
      opened={!!id}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('interactions.detailTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {interaction.isPending ? (
        <LoadingState />
      ) : interaction.isError ? (
        <ErrorState error={interaction.error} onRetry={() => void interaction.refetch()} />
      ) : (
        <Details interaction={interaction.data} />
      )}
    </Drawer>
  );
}
