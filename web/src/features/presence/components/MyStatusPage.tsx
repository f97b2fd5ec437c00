import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api/client';
import { ConfirmModal } from '@/lib/ui/ConfirmModal';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { PageHeader } from '@/lib/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import { useMyPresence, useMyQueueLogin, useSetMyState, type Presence } from '../api/presence';
import { BreakModal } from './BreakModal';
import { QueueLoginSwitch } from './QueueLoginSwitch';
import { StateBadge } from './StateBadge';

/** ACD-05, ACD-11: the signed-in agent's own state and the queues they take calls from. */
export default function MyStatusPage() {
  const { t } = useTranslation();
  const presence = useMyPresence();
  const notAgent = isApiError(presence.error) && presence.error.status === 404;

  let body;
  if (presence.isPending) body = <LoadingState />;
  else if (notAgent)
    body = <EmptyState title={t('presence.notAgentTitle')} description={t('presence.notAgent')} />;
  // a failed refresh keeps what was shown; the next one tries again
  else if (presence.data) body = <MyStatus presence={presence.data} />;
  else body = <ErrorState error={presence.error} onRetry={() => void presence.refetch()} />;

  return (
    <>
      <PageHeader title={t('presence.title')} description={t('presence.subtitle')} />
      {body}
    </>
  );
}

function MyStatus({ presence }: { presence: Presence }) {
  const { t } = useTranslation();
  const setState = useSetMyState();
  const login = useMyQueueLogin();
  const [choosingBreak, setChoosingBreak] = useState(false);
  const [confirmingLogout, setConfirmingLogout] = useState(false);
  const { state } = presence;

  const announce = (view: Presence) =>
    notifySuccess(t('presence.nowIn', { state: t(`presence.states.${view.state}`) }));

  const becomeAvailable = () =>
    setState.mutate({ state: 'AVAILABLE' }, { onSuccess: announce, onError: (e) => notifyError(e, t) });

  const logOut = () =>
    setState.mutate(
      { state: 'LOGGED_OUT' },
      {
        onSuccess: announce,
        onError: (e) => notifyError(e, t),
        onSettled: () => setConfirmingLogout(false),
      },
    );

  const toggle = (queueId: string, loggedIn: boolean) =>
    login.mutate({ queueId, loggedIn }, { onError: (e) => notifyError(e, t) });

  return (
    <Stack gap="lg" maw={880}>
      <Card withBorder padding="lg" data-testid="my-presence">
        <Stack gap="md">
          <Group gap="sm">
            <Text fw={600}>{presence.displayName}</Text>
            <StateBadge state={state} size="lg" />
          </Group>
          <Group gap="sm" role="group" aria-label={t('presence.changeState')}>
            <Button
              color="teal"
              variant={state === 'AVAILABLE' ? 'filled' : 'light'}
              aria-pressed={state === 'AVAILABLE'}
              disabled={state === 'AVAILABLE'}
              loading={setState.isPending && setState.variables?.state === 'AVAILABLE'}
              onClick={becomeAvailable}
              data-testid="presence-available"
            >
              {t('presence.actions.AVAILABLE')}
            </Button>
            <Button
              color="orange"
              variant={state === 'BREAK' ? 'filled' : 'light'}
              aria-pressed={state === 'BREAK'}
              onClick={() => setChoosingBreak(true)}
              data-testid="presence-break"
            >
              {t('presence.actions.BREAK')}
            </Button>
            <Button
              color="gray"
              variant={state === 'LOGGED_OUT' ? 'filled' : 'light'}
              aria-pressed={state === 'LOGGED_OUT'}
              disabled={state === 'LOGGED_OUT'}
              onClick={() => setConfirmingLogout(true)}
              data-testid="presence-logout"
            >
              {t('presence.actions.LOGGED_OUT')}
            </Button>
          </Group>
        </Stack>
      </Card>

      <div>
        <Title order={4} mb="xs">
          {t('presence.myQueues')}
        </Title>
        {presence.queues.length === 0 ? (
          <EmptyState title={t('presence.noQueuesTitle')} description={t('presence.noQueues')} />
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table striped data-testid="my-queues">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('presence.queue')}</Table.Th>
                  <Table.Th>{t('presence.loggedInColumn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {presence.queues.map((queue) => (
                  <Table.Tr key={queue.queueId} data-testid="my-queue-row" data-queue-name={queue.name}>
                    <Table.Td fw={500}>{queue.name}</Table.Td>
                    <Table.Td>
                      <QueueLoginSwitch
                        queue={queue}
                        label={queue.loggedIn ? t('presence.loggedIn') : t('presence.loggedOut')}
                        ariaLabel={t('presence.queueLoginFor', { queue: queue.name })}
                        locked={!queue.selfLoginAllowed}
                        pending={login.isPending && login.variables?.queueId === queue.queueId}
                        onChange={(loggedIn) => toggle(queue.queueId, loggedIn)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </div>

      {choosingBreak ? (
        <BreakModal
          title={t('presence.breakTitle')}
          pending={setState.isPending}
          run={(breakReasonId) =>
            setState.mutateAsync({ state: 'BREAK', breakReasonId }).then((view) => announce(view))
          }
          onClose={() => setChoosingBreak(false)}
        />
      ) : null}
      <ConfirmModal
        opened={confirmingLogout}
        title={t('presence.logoutTitle')}
        message={t('presence.logoutConfirm')}
        confirmLabel={t('presence.actions.LOGGED_OUT')}
        loading={setState.isPending}
        onConfirm={logOut}
        onCancel={() => setConfirmingLogout(false)}
      />
    </Stack>
  );
}
