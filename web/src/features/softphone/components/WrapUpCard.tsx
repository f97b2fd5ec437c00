import { Badge, Button, Card, Group, MultiSelect, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asList, type Page } from '@/lib/api/client';
import { useSession } from '@/lib/session/SessionProvider';
import { notifyError } from '@/lib/ui/notify';
import { categoryPath, type CategoryOption } from '@/lib/categories';
import { IntakeForms } from '@/lib/intake/IntakeForms';
import type { PresenceState } from '@/lib/presence';
import { useCallerMatches } from '../callerMatches';
import { softphone, type MatchedClient as Client, type WrapUp } from '../engine';

/** Seconds as m:ss. */
function countdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

const clientName = (client: Client) =>
  [client.firstName, client.lastName].filter(Boolean).join(' ') ||
  client.organisation ||
  client.externalId ||
  client.id;

/**
 * AGT-05, ACD-06: after a call the agent talked on, in the call's own tenant (TEN-03): the client it was
 * about, its categories and a note (kept on the client's card, linked to the call), the tenant's intake
 * forms (CRM-02), the queue's wrap-up countdown, and "ready" to end the wrap-up early.
 */
export function WrapUpCard({ wrapUp, now }: { wrapUp: WrapUp; now: number }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const { tenantId, interactionId } = wrapUp;
  const permissions = me.memberships.find((m) => m.tenantId === tenantId)?.permissions ?? [];
  const canClients = permissions.includes('clients.view');
  const canNote = permissions.includes('clients.manage');
  const [clientId, setClientId] = useState<string | null>(null);
  const [categoryIds, setCategoryIds] = useState<string[]>([]);
  const [note, setNote] = useState('');

  const presence = useQuery({
    queryKey: ['softphone', 'presence', tenantId],
    queryFn: () =>
      api<{ state: PresenceState; wrapUpUntil: string | null }>('/api/cc/presence/me', { tenantId }),
    refetchInterval: 5_000,
  });
  const clients = useCallerMatches(tenantId, wrapUp.remoteNumber, canClients);
  const categories = useQuery({
    queryKey: ['softphone', 'categories', tenantId],
    queryFn: async () =>
      asList(await api<CategoryOption[] | Page<CategoryOption>>('/api/cc/categories', { tenantId })),
    enabled: canClients,
    staleTime: 60_000,
  });
  const ready = useMutation({
    mutationFn: () => api('/api/cc/presence/me/ready', { method: 'POST', tenantId }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['softphone', 'presence', tenantId] }),
    onError: (error) => notifyError(error, t),
  });
  const matches = clients.data ?? [];
  const chosenClient = clientId ?? (matches.length === 1 ? matches[0]!.id : null);
  const save = useMutation({
    mutationFn: async () => {
      if (categoryIds.length)
        await api(`/api/cc/interactions/${interactionId}/categories`, {
          method: 'PUT',
          tenantId,
          body: { categoryIds },
        });
      if (note.trim() && chosenClient)
        await api(`/api/cc/clients/${chosenClient}/notes`, {
          method: 'POST',
          tenantId,
          body: { text: note.trim(), interactionId },
        });
    },
    onSuccess: () => softphone.finishWrapUp(wrapUp.id),
    onError: (error) => notifyError(error, t),
  });

  const until = presence.data?.wrapUpUntil ? Date.parse(presence.data.wrapUpUntil) : null;
  const inWrapUp = presence.data?.state === 'WRAP_UP';
  const all = categories.data ?? [];
  return (
    <Card withBorder padding="xs" data-testid="softphone-wrap-up" data-interaction={interactionId}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Badge variant="filled">{wrapUp.tenantName}</Badge>
          <Text size="xs" c={inWrapUp ? 'orange' : 'dimmed'} data-testid="softphone-wrap-up-countdown">
            {inWrapUp && until
              ? t('softphone.wrapUp.remaining', { time: countdown(until - now) })
              : t('softphone.wrapUp.title')}
          </Text>
        </Group>
        <Text size="sm">{wrapUp.remoteNumber || t('softphone.unknownCaller')}</Text>
        {canClients && matches.length > 0 && (
          <NativeSelect
            size="xs"
            label={t('softphone.wrapUp.client')}
            value={chosenClient ?? ''}
            onChange={(e) => setClientId(e.currentTarget.value || null)}
            data={[
              ...(matches.length > 1 ? [{ value: '', label: t('softphone.wrapUp.chooseClient') }] : []),
              ...matches.map((c) => ({ value: c.id, label: clientName(c) })),
            ]}
            data-testid="softphone-wrap-up-client"
          />
        )}
        {canClients && (
          <MultiSelect
            size="xs"
            label={t('softphone.wrapUp.categories')}
            data={all
              .filter((c) => c.active)
              .map((c) => ({ value: c.id, label: categoryPath(all, c.id, c.name) }))}
            value={categoryIds}
            onChange={setCategoryIds}
            searchable
            nothingFoundMessage={t('softphone.wrapUp.noCategories')}
            data-testid="softphone-wrap-up-categories"
          />
        )}
        {canNote && chosenClient && (
          <Textarea
            size="xs"
            label={t('softphone.wrapUp.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={10_000}
            data-testid="softphone-wrap-up-note"
          />
        )}
        {canClients && (
          <IntakeForms interactionId={interactionId} tenantId={tenantId} clientId={chosenClient} compact />
        )}
        <Group gap={4}>
          <Button
            size="xs"
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={!categoryIds.length && !(note.trim() && chosenClient)}
            data-testid="softphone-wrap-up-save"
          >
            {t('softphone.wrapUp.save')}
          </Button>
          {inWrapUp && (
            <Button
              size="xs"
              variant="light"
              color="green"
              onClick={() => ready.mutate()}
              loading={ready.isPending}
              data-testid="softphone-ready"
            >
              {t('softphone.wrapUp.ready')}
            </Button>
          )}
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            onClick={() => softphone.finishWrapUp(wrapUp.id)}
            data-testid="softphone-wrap-up-close"
          >
            {t('softphone.wrapUp.close')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
