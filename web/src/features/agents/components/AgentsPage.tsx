import { Badge, Button, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatE164 } from '@/lib/phone';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { ConfirmModal } from '@/lib/ui/ConfirmModal';
import { EditDeleteButtons } from '@/lib/ui/EditDeleteButtons';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { PageHeader } from '@/lib/ui/PageHeader';
import { Pager } from '@/lib/ui/Pager';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import {
  AGENTS_PAGE_SIZE,
  agentInput,
  useAgents,
  useDeleteAgent,
  useGenerateCredentials,
  useRevokeCredentials,
  useSaveAgent,
  useUserOptions,
  type Agent,
  type SipCredentials,
} from '../api/agents';
import { AgentFormModal } from './AgentFormModal';
import { CredentialsModal } from './CredentialsModal';

type Confirming = { agent: Agent; kind: 'delete' | 'regenerate' | 'revoke' } | null;

/** TEL-04: the tenant's agents, how each is reached, and their SIP credentials. */
export default function AgentsPage() {
  const { t } = useTranslation();
  const { membership } = useSession();
  const manage = can(membership, 'telephony.manage');
  const [page, setPage] = useState(0);
  const agents = useAgents(page);
  const users = useUserOptions(can(membership, 'users.view', 'users.manage'));
  const save = useSaveAgent();
  const remove = useDeleteAgent();
  const generate = useGenerateCredentials();
  const revoke = useRevokeCredentials();
  const [editing, setEditing] = useState<Agent | 'new' | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [shown, setShown] = useState<{ agent: Agent; credentials: SipCredentials } | null>(null);

  const userLabel = (userId: string | null) => {
    if (!userId) return null;
    const user = users.data?.find((u) => u.id === userId);
    return user ? user.username : t('agents.linkedUser');
  };

  const generateFor = (agent: Agent) =>
    generate.mutate(agent.id, {
      onSuccess: (credentials) => {
        setConfirming(null);
        setShown({ agent, credentials });
      },
      onError: (error) => {
        setConfirming(null);
        notifyError(error, t);
      },
    });

  const closeCredentials = () => {
    setShown(null);
    // the password leaves memory with the modal, not minutes later with the mutation cache
    generate.reset();
  };

  const toggleAvailable = (agent: Agent, available: boolean) =>
    save.mutate(
      { id: agent.id, input: agentInput(agent, { available }) },
      {
        onSuccess: () =>
          notifySuccess(
            available
              ? t('agents.nowAvailable', { name: agent.displayName })
              : t('agents.nowUnavailable', { name: agent.displayName }),
          ),
        onError: (error) => notifyError(error, t),
      },
    );

  const confirm = () => {
    if (!confirming) return;
    const { agent, kind } = confirming;
    if (kind === 'regenerate') {
      generateFor(agent);
      return;
    }
    const mutation = kind === 'delete' ? remove : revoke;
    mutation.mutate(agent.id, {
      onSuccess: () => {
        notifySuccess(
          t(kind === 'delete' ? 'agents.deleted' : 'agents.revoked', { name: agent.displayName }),
        );
        setConfirming(null);
      },
      onError: (error) => {
        notifyError(error, t);
        setConfirming(null);
      },
    });
  };

  const data = agents.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.size || AGENTS_PAGE_SIZE))) : 1;

  let body;
  if (agents.isPending) body = <LoadingState />;
  else if (agents.isError) body = <ErrorState error={agents.error} onRetry={() => void agents.refetch()} />;
  else if (!data || data.items.length === 0)
    body = <EmptyState title={t('agents.emptyTitle')} description={t('agents.empty')} />;
  else
    body = (
      <Stack>
        <Table.ScrollContainer minWidth={manage ? 1000 : 720}>
          <Table striped highlightOnHover data-testid="agents-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('agents.displayName')}</Table.Th>
                <Table.Th>{t('agents.reach')}</Table.Th>
                <Table.Th>{t('agents.sipLogin')}</Table.Th>
                <Table.Th>{t('agents.available')}</Table.Th>
                {manage ? <Table.Th>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((agent) => (
                <Table.Tr key={agent.id} data-testid="agent-row" data-agent-name={agent.displayName}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {agent.displayName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {userLabel(agent.userId) ?? t('agents.noUser')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`agents.reaches.${agent.reach}`)}</Text>
                    {agent.mobileE164 ? (
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {formatE164(agent.mobileE164)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td data-testid="agent-sip">
                    {agent.hasCredentials && agent.sipUsername ? (
                      <Text size="sm" ff="monospace">
                        {agent.sipUsername}
                      </Text>
                    ) : (
                      <Badge color="gray" variant="light">
                        {t('agents.noCredentials')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {manage ? (
                      <Switch
                        checked={agent.available}
                        onChange={(event) => toggleAvailable(agent, event.currentTarget.checked)}
                        disabled={save.isPending && save.variables?.id === agent.id}
                        aria-label={t('agents.availableFor', { name: agent.displayName })}
                        data-testid="agent-available"
                      />
                    ) : (
                      <Badge color={agent.available ? 'teal' : 'gray'} variant="light">
                        {agent.available ? t('agents.availableYes') : t('agents.availableNo')}
                      </Badge>
                    )}
                  </Table.Td>
                  {manage ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          loading={generate.isPending && generate.variables === agent.id}
                          onClick={() =>
                            agent.hasCredentials
                              ? setConfirming({ agent, kind: 'regenerate' })
                              : generateFor(agent)
                          }
                          data-testid="agent-credentials"
                        >
                          {agent.hasCredentials ? t('agents.regenerate') : t('agents.generate')}
                        </Button>
                        {agent.hasCredentials ? (
                          <Button
                            size="xs"
                            variant="light"
                            color="orange"
                            onClick={() => setConfirming({ agent, kind: 'revoke' })}
                            data-testid="agent-revoke"
                          >
                            {t('agents.revoke')}
                          </Button>
                        ) : null}
                        <EditDeleteButtons
                          testId="agent"
                          onEdit={() => setEditing(agent)}
                          onDelete={() => setConfirming({ agent, kind: 'delete' })}
                        />
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Pager page={page} totalPages={totalPages} onChange={setPage} />
      </Stack>
    );

  const name = confirming?.agent.displayName ?? '';
  const texts = {
    delete: {
      title: t('agents.deleteTitle'),
      message: t('agents.deleteConfirm', { name }),
      label: t('common.delete'),
    },
    regenerate: {
      title: t('agents.regenerateTitle'),
      message: t('agents.regenerateConfirm', { name }),
      label: t('agents.regenerate'),
    },
    revoke: {
      title: t('agents.revokeTitle'),
      message: t('agents.revokeConfirm', { name }),
      label: t('agents.revoke'),
    },
  }[confirming?.kind ?? 'delete'];

  return (
    <>
      <PageHeader
        title={t('agents.title')}
        description={t('agents.subtitle')}
        actions={
          manage ? (
            <Button onClick={() => setEditing('new')} data-testid="agents-create">
              {t('agents.create')}
            </Button>
          ) : null
        }
      />
      {body}
      {editing ? (
        <AgentFormModal agent={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      {shown ? (
        <CredentialsModal
          agentName={shown.agent.displayName}
          credentials={shown.credentials}
          onClose={closeCredentials}
        />
      ) : null}
      <ConfirmModal
        opened={!!confirming}
        title={texts.title}
        message={texts.message}
        confirmLabel={texts.label}
        loading={remove.isPending || revoke.isPending || generate.isPending}
        onConfirm={confirm}
        onCancel={() => setConfirming(null)}
      />
    </>
  );
}
