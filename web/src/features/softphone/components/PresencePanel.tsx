import { Badge, Button, Group, NativeSelect, Stack, Switch } from '@mantine/core';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asList, type Page } from '@/lib/api/client';
import { PRESENCE_COLORS, type PresenceState } from '@/lib/presence';
import { ConfirmModal } from '@/lib/ui/ConfirmModal';
import { notifyError } from '@/lib/ui/notify';
import type { Line } from '../engine';

interface MyPresence {
  state: PresenceState;
  queues: { queueId: string; name: string; loggedIn: boolean; selfLoginAllowed: boolean }[];
}

interface BreakReason {
  id: string;
  name: string;
  enabled: boolean;
}

/**
 * AGT-06, ACD-05, ACD-11: the agent's state and queue log-ins from the softphone. The state is the
 * person's across every tenant (asked of the first line's tenant); queues are listed per tenant, and a
 * queue that leaves log-ins to supervisors cannot be switched here.
 */
export function PresencePanel({ lines }: { lines: Line[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirmLogout, setConfirmLogout] = useState(false);
  const home = lines[0]?.tenantId ?? '';
  const presences = useQueries({
    queries: lines.map((line) => ({
      queryKey: ['softphone', 'presence', line.tenantId],
      queryFn: () => api<MyPresence>('/api/cc/presence/me', { tenantId: line.tenantId }),
      refetchInterval: 5_000,
    })),
  });
  const reasons = useQuery({
    queryKey: ['softphone', 'break-reasons', home],
    queryFn: async () =>
      asList(
        await api<BreakReason[] | Page<BreakReason>>('/api/cc/break-reasons', { tenantId: home }),
      ).filter((r) => r.enabled),
    enabled: home !== '',
    staleTime: 60_000,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['softphone', 'presence'] });
  const setState = useMutation({
    mutationFn: (body: { state: 'AVAILABLE' | 'BREAK' | 'LOGGED_OUT'; breakReasonId?: string }) =>
      api('/api/cc/presence/me', { method: 'PUT', tenantId: home, body }),
    onSuccess: refresh,
    onError: (error) => notifyError(error, t),
    onSettled: () => setConfirmLogout(false),
  });
  const toggleQueue = useMutation({
    mutationFn: ({ tenantId, queueId, login }: { tenantId: string; queueId: string; login: boolean }) =>
      api(`/api/cc/presence/me/${login ? 'login' : 'logout'}`, {
        method: 'POST',
        tenantId,
        body: { queueId },
      }),
    onSuccess: refresh,
    onError: (error) => notifyError(error, t),
  });

  const state = presences[0]?.data?.state;
  if (!state) return null;
  return (
    <Stack gap={6} data-testid="softphone-presence" data-state={state}>
      <Group justify="space-between" wrap="nowrap">
        <Badge color={PRESENCE_COLORS[state]} variant="light" data-testid="softphone-presence-state">
          {t(`presence.states.${state}`)}
        </Badge>
        <Group gap={4} wrap="nowrap">
          <Button
            size="compact-xs"
            variant={state === 'AVAILABLE' ? 'filled' : 'light'}
            color="green"
            onClick={() => setState.mutate({ state: 'AVAILABLE' })}
            data-testid="softphone-available"
          >
            {t('presence.actions.AVAILABLE')}
          </Button>
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            onClick={() => setConfirmLogout(true)}
            data-testid="softphone-logout"
          >
            {t('presence.actions.LOGGED_OUT')}
          </Button>
        </Group>
      </Group>
      <NativeSelect
        size="xs"
        aria-label={t('presence.breakTitle')}
        value=""
        onChange={(e) => {
          const reason = e.currentTarget.value;
          if (reason) setState.mutate({ state: 'BREAK', breakReasonId: reason });
        }}
        data={[
          { value: '', label: t('presence.actions.BREAK') },
          ...(reasons.data ?? []).map((r) => ({ value: r.id, label: r.name })),
        ]}
        disabled={!reasons.data?.length}
        data-testid="softphone-break"
      />
      {lines.map((line, i) =>
        (presences[i]?.data?.queues ?? []).map((queue) => (
          <Switch
            key={`${line.tenantId}-${queue.queueId}`}
            size="xs"
            checked={queue.loggedIn}
            disabled={!queue.selfLoginAllowed}
            onChange={(e) =>
              toggleQueue.mutate({
                tenantId: line.tenantId,
                queueId: queue.queueId,
                login: e.currentTarget.checked,
              })
            }
            label={lines.length > 1 ? `${line.tenantName} · ${queue.name}` : queue.name}
            description={queue.selfLoginAllowed ? undefined : t('presence.supervisorOnly')}
            data-testid="softphone-queue"
          />
        )),
      )}
      <ConfirmModal
        opened={confirmLogout}
        title={t('presence.logoutTitle')}
        message={t('presence.logoutConfirm')}
        confirmLabel={t('presence.actions.LOGGED_OUT')}
        onConfirm={() => setState.mutate({ state: 'LOGGED_OUT' })}
        onCancel={() => setConfirmLogout(false)}
        loading={setState.isPending}
        danger
      />
    </Stack>
  );
}
