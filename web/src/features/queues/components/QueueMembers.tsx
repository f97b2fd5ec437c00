import { Alert, Badge, Button, Checkbox, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import {
  SKILL_LEVELS,
  useAgentOptions,
  useQueueMembers,
  useSaveQueueMembers,
  useSkillOptions,
  type MembersInput,
  type Option,
  type Queue,
  type QueueMember,
} from '../api/queues';

/** agent id → skill id → level; an agent in the map is a member. */
type Selection = Record<string, Record<string, number>>;

function selectionOf(members: QueueMember[]): Selection {
  return Object.fromEntries(
    members.map((m) => [m.agentId, Object.fromEntries(m.skills.map((s) => [s.skillId, s.level]))]),
  );
}

/** The PUT body: members in the order the table shows them, each with the skills it has a level in. */
function payload(selection: Selection, order: string[]): MembersInput {
  return {
    members: order
      .filter((agentId) => agentId in selection)
      .map((agentId) => ({
        agentId,
        skills: Object.entries(selection[agentId] ?? {}).map(([skillId, level]) => ({ skillId, level })),
      })),
  };
}

/**
 * ACD-03, ACD-11: which agents take this queue's calls and their level (1–5) in each skill. The list
 * is saved as a whole, apart from the queue's settings.
 */
export function QueueMembers({ queue, manage }: { queue: Queue; manage: boolean }) {
  const members = useQueueMembers(queue.id);
  const agents = useAgentOptions(manage);
  const skills = useSkillOptions(true);

  if (members.isPending || (manage && agents.isPending) || skills.isPending) return <LoadingState />;
  if (members.isError) return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;
  return (
    <MembersTable
      // a saved list starts the table again from what the server stored
      key={members.dataUpdatedAt}
      queue={queue}
      manage={manage}
      members={members.data}
      agents={agents.isSuccess ? agents.data : null}
      skills={skills.data ?? []}
    />
  );
}

function MembersTable({
  queue,
  manage,
  members,
  agents,
  skills,
}: {
  queue: Queue;
  manage: boolean;
  members: QueueMember[];
  /** every agent of the tenant; null when they cannot be listed (then only members are shown) */
  agents: Option[] | null;
  skills: Option[];
}) {
  const { t } = useTranslation();
  const save = useSaveQueueMembers(queue.id);
  const [selection, setSelection] = useState<Selection>(() => selectionOf(members));

  const rows: { id: string; name: string; loggedIn: boolean | null }[] = [
    ...(agents ?? []).map((a) => ({
      id: a.id,
      name: a.name,
      loggedIn: members.find((m) => m.agentId === a.id)?.loggedIn ?? null,
    })),
    // members the agent list does not have (or all of them, when it cannot be read)
    ...members
      .filter((m) => !agents?.some((a) => a.id === m.agentId))
      .map((m) => ({ id: m.agentId, name: m.displayName, loggedIn: m.loggedIn })),
  ];
  const order = rows.map((r) => r.id);
  const changed =
    JSON.stringify(payload(selection, order)) !== JSON.stringify(payload(selectionOf(members), order));
  const count = Object.keys(selection).length;

  const toggle = (agentId: string, member: boolean) =>
    setSelection((prev) => {
      const next = { ...prev };
      if (member) next[agentId] = prev[agentId] ?? {};
      else delete next[agentId];
      return next;
    });

  const setLevel = (agentId: string, skillId: string, level: string) =>
    setSelection((prev) => {
      const levels = { ...(prev[agentId] ?? {}) };
      if (level) levels[skillId] = Number(level);
      else delete levels[skillId];
      return { ...prev, [agentId]: levels };
    });

  const submit = () =>
    save.mutate(payload(selection, order), {
      onSuccess: () => notifySuccess(t('queues.members.saved', { name: queue.name })),
      onError: (error) => notifyError(error, t),
    });

  if (rows.length === 0)
    return (
      <EmptyState title={t('queues.members.noAgentsTitle')} description={t('queues.members.noAgents')} />
    );

  return (
    <Stack data-testid="queue-members">
      <Text size="sm" c="dimmed">
        {t('queues.members.intro')}
      </Text>
      {manage && !agents ? (
        <Alert color="yellow" data-testid="members-agents-unavailable">
          {t('queues.members.agentsUnavailable')}
        </Alert>
      ) : null}
      {skills.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="members-no-skills">
          {t('queues.members.noSkills')}
        </Text>
      ) : null}
      <Table.ScrollContainer minWidth={360 + skills.length * 130}>
        <Table striped highlightOnHover data-testid="members-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>{t('queues.members.member')}</Table.Th>
              <Table.Th>{t('queues.members.agent')}</Table.Th>
              {skills.map((skill) => (
                <Table.Th key={skill.id}>{skill.name}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const member = row.id in selection;
              return (
                <Table.Tr key={row.id} data-testid="member-row" data-agent-id={row.id}>
                  <Table.Td>
                    <Checkbox
                      checked={member}
                      disabled={!manage}
                      onChange={(event) => toggle(row.id, event.currentTarget.checked)}
                      aria-label={t('queues.members.select', { name: row.name })}
                      data-testid="member-select"
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" fw={500}>
                        {row.name}
                      </Text>
                      {row.loggedIn !== null ? (
                        <Badge size="xs" variant="light" color={row.loggedIn ? 'teal' : 'gray'}>
                          {row.loggedIn ? t('queues.members.loggedIn') : t('queues.members.loggedOut')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  {skills.map((skill) => (
                    <Table.Td key={skill.id}>
                      <NativeSelect
                        size="xs"
                        disabled={!manage || !member}
                        value={String(selection[row.id]?.[skill.id] ?? '')}
                        onChange={(event) => setLevel(row.id, skill.id, event.currentTarget.value)}
                        aria-label={t('queues.members.level', { skill: skill.name, name: row.name })}
                        data-testid={`member-level-${skill.id}`}
                        data={[
                          { value: '', label: t('queues.members.noLevel') },
                          ...SKILL_LEVELS.map((level) => ({ value: String(level), label: String(level) })),
                        ]}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="members-count">
          {t('queues.members.count', { members: count })}
        </Text>
        {manage ? (
          <Button onClick={submit} loading={save.isPending} disabled={!changed} data-testid="members-save">
            {t('queues.members.save')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
