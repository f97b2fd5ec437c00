import { Button, Menu, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/lib/ui/ConfirmModal';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { PageHeader } from '@/lib/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import {
  useAgentQueueLogin,
  useAllPresence,
  useSetAgentState,
  type Presence,
  type StateInput,
} from '../api/presence';
import { BreakModal } from './BreakModal';
import { QueueLoginSwitch } from './QueueLoginSwitch';
import { StateBadge } from './StateBadge';

/**
 * ACD-05, ACD-11: the supervisor's view of every agent of the tenant: their state, which queues
 * they are logged in to, and changing either for them (agents.monitor).
 */
export default function AgentStatusPage() {
  const { t } = useTranslation();
  const agents = useAllPresence();
  const setState = useSetAgentState();
  const login = useAgentQueueLogin();
  const [onBreak, setOnBreak] = useState<Presence | null>(null);
  const [loggingOut, setLoggingOut] = useState<Presence | null>(null);

  const announce = (view: Presence) =>
    notifySuccess(
      t('presence.agentNowIn', { name: view.displayName, state: t(`presence.states.${view.state}`) }),
    );

  const change = (agent: Presence, input: StateInput, onSettled?: () => void) =>
    setState.mutate(
      { agentId: agent.agentId, ...input },
      { onSuccess: announce, onError: (e) => notifyError(e, t), onSettled },
    );

  const pendingFor = (agentId: string) => setState.isPending && setState.variables?.agentId === agentId;

  let body;
  if (agents.isPending) body = <LoadingState />;
  else if (agents.isError && !agents.data)
    body = <ErrorState error={agents.error} onRetry={() => void agents.refetch()} />;
  else if (!agents.data || agents.data.length === 0)
    body = <EmptyState title={t('presence.noAgentsTitle')} description={t('presence.noAgents')} />;
  else
    body = (
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover data-testid="agent-status-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('presence.agent')}</Table.Th>
              <Table.Th>{t('presence.state')}</Table.Th>
              <Table.Th>{t('presence.queuesLoggedIn')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agents.data.map((agent) => (
              <Table.Tr
                key={agent.agentId}
                data-testid="agent-status-row"
                data-agent-id={agent.agentId}
                data-agent-name={agent.displayName}
              >
                <Table.Td fw={500}>{agent.displayName}</Table.Td>
                <Table.Td>
                  <StateBadge state={agent.state} />
                </Table.Td>
                <Table.Td>
                  {agent.queues.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('presence.noQueuesShort')}
                    </Text>
                  ) : (
                    <Stack gap={6}>
                      {agent.queues.map((queue) => (
                        // a supervisor may log agents in and out also where they may not do it themselves
                        <QueueLoginSwitch
                          key={queue.queueId}
                          size="xs"
                          queue={queue}
                          label={queue.name}
                          ariaLabel={t('presence.agentQueueLoginFor', {
                            name: agent.displayName,
                            queue: queue.name,
                          })}
                          pending={
                            login.isPending &&
                            login.variables?.agentId === agent.agentId &&
                            login.variables.queueId === queue.queueId
                          }
                          onChange={(loggedIn) =>
                            login.mutate(
                              { agentId: agent.agentId, queueId: queue.queueId, loggedIn },
                              { onError: (e) => notifyError(e, t) },
                            )
                          }
                        />
                      ))}
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <Button
                        size="xs"
                        variant="light"
                        loading={pendingFor(agent.agentId)}
                        data-testid="agent-state-menu"
                        aria-label={t('presence.changeStateOf', { name: agent.displayName })}
                      >
                        {t('presence.changeState')}
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item
                        disabled={agent.state === 'AVAILABLE'}
                        onClick={() => change(agent, { state: 'AVAILABLE' })}
                        data-testid="agent-set-available"
                      >
                        {t('presence.actions.AVAILABLE')}
                      </Menu.Item>
                      <Menu.Item onClick={() => setOnBreak(agent)} data-testid="agent-set-break">
                        {t('presence.actions.BREAK')}
                      </Menu.Item>
                      <Menu.Divider />
                      <Menu.Item
                        color="red"
                        disabled={agent.state === 'LOGGED_OUT'}
                        onClick={() => setLoggingOut(agent)}
                        data-testid="agent-set-logout"
                      >
                        {t('presence.actions.LOGGED_OUT')}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );

  return (
    <>
      <PageHeader title={t('presence.agentsTitle')} description={t('presence.agentsSubtitle')} />
      {body}
      {onBreak ? (
        <BreakModal
          title={t('presence.breakFor', { name: onBreak.displayName })}
          pending={setState.isPending}
          run={(breakReasonId) =>
            setState
              .mutateAsync({ agentId: onBreak.agentId, state: 'BREAK', breakReasonId })
              .then((view) => announce(view))
          }
          onClose={() => setOnBreak(null)}
        />
      ) : null}
      <ConfirmModal
        opened={!!loggingOut}
        title={t('presence.logoutAgentTitle')}
        message={t('presence.logoutAgentConfirm', { name: loggingOut?.displayName ?? '' })}
        confirmLabel={t('presence.actions.LOGGED_OUT')}
        loading={setState.isPending}
        onConfirm={() => loggingOut && change(loggingOut, { state: 'LOGGED_OUT' }, () => setLoggingOut(null))}
        onCancel={() => setLoggingOut(null)}
      />
    </>
  );
}
