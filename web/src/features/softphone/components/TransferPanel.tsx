import { ActionIcon, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@/lib/api/client';
import { notifyError } from '@/lib/ui/notify';
import { PRESENCE_COLORS, type PresenceState } from '@/lib/presence';
import type { PhoneCall } from '../engine';

/** Another agent of the call's tenant with their live state (AGT-03). */
export interface Colleague {
  agentId: string;
  displayName: string;
  state: PresenceState;
}

/** The agent's transfer of the call as cc-core sees it (GET /api/cc/calls/{id}/transfer). */
interface TransferState {
  state: 'NONE' | 'RINGING' | 'TALKING' | 'CONFERENCE';
  agentId: string | null;
  agentName: string | null;
}

/** A queue of the call's tenant, for a transfer to it (AGT-03). */
interface QueueOption {
  id: string;
  name: string;
  enabled: boolean;
}

/** What GET /api/cc/queues/{id}/live says of a queue now. */
interface QueueLive {
  waiting: number;
  available: number;
}

/** Where a call is handed over to at once (AGT-03): a queue of its tenant or an external number. */
type HandOver = { queueId: string; number?: never } | { number: string; queueId?: never };

type Consult = { agentId: string; name: string; conference: boolean; attempt: number };

const FAVOURITES_KEY = 'linea.softphone.favourites';

function loadFavourites(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(FAVOURITES_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * AGT-03: the transfer panel of a call. Colleagues of the call's tenant only, with their live state,
 * favourites first and a search; consult (attended) or hand over at once (blind); during a consultation
 * complete, join all three (conference) or cancel.
 */
export function TransferPanel({ call }: { call: PhoneCall }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [favourites, setFavourites] = useState(loadFavourites);
  const [consult, setConsult] = useState<Consult | null>(null);
  const base = `/api/cc/calls/${call.interactionId}/transfer`;

  const colleagues = useQuery({
    queryKey: ['softphone', 'colleagues', call.tenantId],
    queryFn: () => api<Colleague[]>('/api/cc/presence/colleagues', { tenantId: call.tenantId }),
    refetchInterval: 3_000,
    enabled: consult === null,
  });
  // whether the consulted agent rings, answered, or is gone (rejected, no answer, hung up)
  const transfer = useQuery({
    queryKey: ['softphone', 'transfer', call.tenantId, call.interactionId, consult?.attempt],
    queryFn: () => api<TransferState>(base, { tenantId: call.tenantId }),
    refetchInterval: 1_000,
    enabled: consult !== null,
  });
  const queues = useQuery({
    queryKey: ['softphone', 'queues', call.tenantId],
    queryFn: () =>
      api<{ items: QueueOption[] }>('/api/cc/queues', { tenantId: call.tenantId, query: { size: 200 } }),
    enabled: consult === null,
  });
  const enabledQueues = (queues.data?.items ?? []).filter((q) => q.enabled);
  const live = useQueries({
    queries: enabledQueues.map((q) => ({
      queryKey: ['softphone', 'queue-live', call.tenantId, q.id],
      queryFn: () => api<QueueLive>(`/api/cc/queues/${q.id}/live`, { tenantId: call.tenantId }),
      refetchInterval: 5_000,
      enabled: consult === null,
    })),
  });
  // blind hand-over to a queue or an external number: the agent's call ends, the caller goes there
  const handOver = useMutation({
    mutationFn: (to: HandOver) =>
      api(`/api/cc/calls/${call.interactionId}/${to.queueId ? 'transfer-to-queue' : 'transfer-to-number'}`, {
        method: 'POST',
        tenantId: call.tenantId,
        body: to,
      }),
    onError: (error) => notifyError(error, t),
  });
  const answered = transfer.data?.state === 'TALKING' || transfer.data?.state === 'CONFERENCE';
  const failed = transfer.data?.state === 'NONE';

  const start = useMutation({
    mutationFn: ({ colleague, mode }: { colleague: Colleague; mode: 'ATTENDED' | 'BLIND' }) =>
      api(base, {
        method: 'POST',
        tenantId: call.tenantId,
        body: { agentId: colleague.agentId, mode },
      }),
    onSuccess: (_, { colleague, mode }) => {
      if (mode === 'ATTENDED') {
        setConsult({
          agentId: colleague.agentId,
          name: colleague.displayName,
          conference: false,
          attempt: Date.now(),
        });
      }
    },
    onError: (error) => notifyError(error, t),
  });
  const step = useMutation({
    mutationFn: (action: 'complete' | 'cancel' | 'conference') =>
      api(`${base}/${action}`, { method: 'POST', tenantId: call.tenantId }),
    onSuccess: (_, action) => {
      if (action === 'conference') setConsult((c) => (c ? { ...c, conference: true } : c));
      else setConsult(null);
    },
    onError: (error) => notifyError(error, t),
  });

  const toggleFavourite = (agentId: string) => {
    const next = favourites.includes(agentId)
      ? favourites.filter((id) => id !== agentId)
      : [...favourites, agentId];
    setFavourites(next);
    localStorage.setItem(FAVOURITES_KEY, JSON.stringify(next));
  };

  if (consult) {
    return (
      <Stack gap={6} data-testid="transfer-consult" data-answered={answered} data-failed={failed}>
        <Text size="sm" fw={600}>
          {consult.conference
            ? t('softphone.transfer.conferenceWith', { name: consult.name })
            : failed
              ? t('softphone.transfer.notAnswered', { name: consult.name })
              : answered
                ? t('softphone.transfer.talkingTo', { name: consult.name })
                : t('softphone.transfer.calling', { name: consult.name })}
        </Text>
        {!consult.conference && !failed && (
          <Text size="xs" c="dimmed">
            {t('softphone.transfer.callerHearsMusic')}
          </Text>
        )}
        <Group gap={4}>
          {!failed && (
            <Button
              size="xs"
              color="green"
              disabled={!answered && !consult.conference}
              loading={step.isPending && step.variables === 'complete'}
              onClick={() => step.mutate('complete')}
              data-testid="transfer-complete"
            >
              {consult.conference ? t('softphone.transfer.leave') : t('softphone.transfer.complete')}
            </Button>
          )}
          {!failed && !consult.conference && (
            <Button
              size="xs"
              variant="light"
              disabled={!answered}
              onClick={() => step.mutate('conference')}
              data-testid="transfer-conference"
            >
              {t('softphone.transfer.conference')}
            </Button>
          )}
          {!consult.conference && (
            <Button
              size="xs"
              variant="light"
              color="red"
              onClick={() => (failed ? setConsult(null) : step.mutate('cancel'))}
              data-testid="transfer-cancel"
            >
              {failed ? t('softphone.transfer.back') : t('softphone.transfer.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    );
  }

  const query = search.trim().toLowerCase();
  const shown = (colleagues.data ?? [])
    .filter((c) => !query || c.displayName.toLowerCase().includes(query))
    .sort(
      (a, b) =>
        Number(favourites.includes(b.agentId)) - Number(favourites.includes(a.agentId)) ||
        a.displayName.localeCompare(b.displayName),
    );
  // what was typed is a phone number: it can be sent there (blind), through the tenant's carrier
  const typedNumber = /^\+[1-9][0-9 ()\-.]{6,20}$/.test(search.trim()) ? search.trim() : null;
  const shownQueues = enabledQueues
    .map((queue, index) => ({ queue, live: live[index]?.data }))
    .filter(({ queue }) => !query || queue.name.toLowerCase().includes(query));
  return (
    <Stack gap={6} data-testid="transfer-panel">
      <TextInput
        size="xs"
        placeholder={t('softphone.transfer.searchAll')}
        aria-label={t('softphone.transfer.searchAll')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        data-autofocus
        data-testid="transfer-search"
      />
      {colleagues.isSuccess && shown.length === 0 && shownQueues.length === 0 && !typedNumber && (
        <Text size="xs" c="dimmed" data-testid="transfer-empty">
          {query ? t('softphone.transfer.noMatch') : t('softphone.transfer.nobody')}
        </Text>
      )}
      {shown.map((colleague) => {
        const favourite = favourites.includes(colleague.agentId);
        const free = colleague.state === 'AVAILABLE';
        return (
          <Group
            key={colleague.agentId}
            justify="space-between"
            wrap="nowrap"
            gap={4}
            data-testid="transfer-target"
            data-state={colleague.state}
          >
            <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
              <ActionIcon
                size="sm"
                variant="subtle"
                color={favourite ? 'yellow' : 'gray'}
                onClick={() => toggleFavourite(colleague.agentId)}
                aria-pressed={favourite}
                aria-label={t('softphone.transfer.favourite', { name: colleague.displayName })}
              >
                {favourite ? '★' : '☆'}
              </ActionIcon>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" truncate="end">
                  {colleague.displayName}
                </Text>
                <Badge size="xs" variant="light" color={PRESENCE_COLORS[colleague.state]}>
                  {t(`presence.states.${colleague.state}`)}
                </Badge>
              </Stack>
            </Group>
            <Group gap={2} wrap="nowrap">
              <Button
                size="compact-xs"
                variant={free ? 'filled' : 'light'}
                loading={start.isPending}
                onClick={() => start.mutate({ colleague, mode: 'ATTENDED' })}
                data-testid="transfer-consult-start"
              >
                {t('softphone.transfer.consult')}
              </Button>
              <Button
                size="compact-xs"
                variant="light"
                loading={start.isPending}
                onClick={() => start.mutate({ colleague, mode: 'BLIND' })}
                data-testid="transfer-blind"
              >
                {t('softphone.transfer.blind')}
              </Button>
            </Group>
          </Group>
        );
      })}
      {shownQueues.length > 0 && (
        <Text size="xs" fw={600} c="dimmed" mt={4}>
          {t('softphone.transfer.queues')}
        </Text>
      )}
      {shownQueues.map(({ queue, live: now }) => (
        <Group key={queue.id} justify="space-between" wrap="nowrap" gap={4} data-testid="transfer-queue">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" truncate="end">
              {queue.name}
            </Text>
            <Text size="xs" c="dimmed" data-testid="transfer-queue-live">
              {now
                ? t('softphone.transfer.queueLive', { waiting: now.waiting, available: now.available })
                : ' '}
            </Text>
          </Stack>
          <Button
            size="compact-xs"
            variant="light"
            loading={handOver.isPending && handOver.variables?.queueId === queue.id}
            disabled={handOver.isPending}
            onClick={() => handOver.mutate({ queueId: queue.id })}
            data-testid="transfer-queue-start"
          >
            {t('softphone.transfer.send')}
          </Button>
        </Group>
      ))}
      {typedNumber && (
        <Group justify="space-between" wrap="nowrap" gap={4} data-testid="transfer-number">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="xs" fw={600} c="dimmed">
              {t('softphone.transfer.number')}
            </Text>
            <Text size="sm" truncate="end">
              {typedNumber}
            </Text>
          </Stack>
          <Button
            size="compact-xs"
            variant="light"
            loading={handOver.isPending}
            onClick={() => handOver.mutate({ number: typedNumber })}
            data-testid="transfer-number-start"
          >
            {t('softphone.transfer.send')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
