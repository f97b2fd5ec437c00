import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@/lib/api/client';
import { notifyError } from '@/lib/ui/notify';
import type { Line } from '../engine';

interface CallerNumberOption {
  id: string;
  e164: string;
  type: string;
}

/**
 * AGT-02, TEL-05: an outbound call from the keypad, for the client chosen and with one of that client's
 * numbers as caller ID. Linea rings the agent's own phone first (answered by the softphone itself), then
 * dials the number.
 */
export function DialPanel({ lines, initialNumber }: { lines: Line[]; initialNumber?: string }) {
  const { t } = useTranslation();
  const ready = lines.filter((l) => l.status === 'registered');
  const [tenantId, setTenantId] = useState(ready[0]?.tenantId ?? '');
  const [numberId, setNumberId] = useState('');
  const [to, setTo] = useState(initialNumber ?? '');
  const tenant = ready.some((l) => l.tenantId === tenantId) ? tenantId : (ready[0]?.tenantId ?? '');

  const numbers = useQuery({
    queryKey: ['softphone', 'caller-numbers', tenant],
    queryFn: () => api<CallerNumberOption[]>('/api/cc/calls/caller-numbers', { tenantId: tenant }),
    enabled: tenant !== '',
    staleTime: 60_000,
  });
  const options = numbers.data ?? [];
  const chosen = options.some((n) => n.id === numberId) ? numberId : (options[0]?.id ?? '');
  const dial = useMutation({
    mutationFn: () =>
      api<{ interactionId: string }>('/api/cc/calls', {
        method: 'POST',
        tenantId: tenant,
        body: { numberId: chosen, to: to.trim() },
      }),
    onError: (error) => notifyError(error, t),
  });

  if (ready.length === 0) return null;
  return (
    <Stack gap={6} data-testid="softphone-dial">
      <Text size="xs" fw={600}>
        {t('softphone.dial.title')}
      </Text>
      {ready.length > 1 && (
        <NativeSelect
          size="xs"
          label={t('softphone.dial.client')}
          value={tenant}
          onChange={(e) => setTenantId(e.currentTarget.value)}
          data={ready.map((l) => ({ value: l.tenantId, label: l.tenantName }))}
          data-testid="softphone-dial-tenant"
        />
      )}
      <NativeSelect
        size="xs"
        label={t('softphone.dial.callerId')}
        value={chosen}
        onChange={(e) => setNumberId(e.currentTarget.value)}
        data={options.map((n) => ({ value: n.id, label: n.e164 }))}
        disabled={options.length === 0}
        data-testid="softphone-dial-from"
      />
      {numbers.isSuccess && options.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('softphone.dial.noNumbers')}
        </Text>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen && to.trim()) dial.mutate();
        }}
      >
        <Group gap={4} wrap="nowrap" align="flex-end">
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            label={t('softphone.dial.number')}
            placeholder="+37322000000"
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            inputMode="tel"
            data-testid="softphone-dial-number"
          />
          <Button
            size="xs"
            type="submit"
            color="green"
            disabled={!chosen || !to.trim()}
            loading={dial.isPending}
            data-testid="softphone-dial-call"
          >
            {t('softphone.dial.call')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
