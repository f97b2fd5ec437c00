import {
  Alert,
  Badge,
  Button,
  Card,
  CloseButton,
  Group,
  Kbd,
  Paper,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, isApiError } from '@/lib/api/client';
import { useSession } from '@/lib/session/SessionProvider';
import { notifyError } from '@/lib/ui/notify';
import { useCallerMatches } from '../callerMatches';
import { softphone, type LineStatus, type PhoneCall, type SoftphoneCredentials } from '../engine';
import { DevicePanel } from './DevicePanel';
import { DialPanel } from './DialPanel';
import { PresencePanel } from './PresencePanel';
import { TransferPanel } from './TransferPanel';
import { WrapUpCard } from './WrapUpCard';

const KEYPAD = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

function useSoftphone() {
  return useSyncExternalStore(softphone.subscribe, softphone.getState);
}

/** Seconds as m:ss, for waits and talk times. */
function clock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const tick = () => setNow(Date.now());
    const first = window.setTimeout(tick, 0);
    const timer = window.setInterval(tick, 1000);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [active]);
  return now;
}

/** AGT-04: the clients of the offer's tenant whose phone matches the caller, to open one. */
function ScreenPop({ call }: { call: PhoneCall }) {
  const { t } = useTranslation();
  const { me, switchTenant } = useSession();
  const navigate = useNavigate();
  const canView = me.memberships.some(
    (m) => m.tenantId === call.tenantId && m.permissions.includes('clients.view'),
  );
  const matches = useCallerMatches(call.tenantId, call.remoteNumber, canView);
  if (!canView) return null;
  const open = async (path: string) => {
    await switchTenant(call.tenantId);
    void navigate(path);
  };
  const clients = matches.data ?? [];
  return (
    <Stack gap={4} data-testid="screen-pop">
      <Text size="xs" c="dimmed">
        {matches.isPending
          ? t('softphone.identifying')
          : clients.length === 0
            ? t('softphone.noMatches')
            : t('softphone.matches', { count: clients.length })}
      </Text>
      {clients.map((client) => (
        <Group key={client.id} justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" truncate="end" data-testid="screen-pop-client">
            {[client.firstName, client.lastName].filter(Boolean).join(' ') ||
              client.organisation ||
              client.externalId}
          </Text>
          <Button size="compact-xs" variant="light" onClick={() => void open(`/clients/${client.id}`)}>
            {t('softphone.openCard')}
          </Button>
        </Group>
      ))}
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={() => void open('/clients')}
        data-testid="screen-pop-new"
      >
        {t('softphone.newClient')}
      </Button>
    </Stack>
  );
}

const LINE_COLORS: Record<LineStatus, string> = {
  connecting: 'gray',
  registered: 'green',
  reconnecting: 'orange',
  disconnected: 'gray',
  failed: 'red',
};

function CallCard({ call, now, connectionLost }: { call: PhoneCall; now: number; connectionLost: boolean }) {
  const { t } = useTranslation();
  const [keypad, setKeypad] = useState(false);
  const [transfer, setTransfer] = useState(false);
  const ringing = call.state === 'ringing';
  const transferable = call.direction === 'INBOUND' && call.interactionId !== null;
  const live = call.state === 'talking';
  return (
    <Card
      withBorder
      padding="xs"
      data-testid="softphone-call"
      data-state={call.state}
      data-held={call.held}
      data-muted={call.muted}
      data-interaction={call.interactionId ?? ''}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Badge variant="filled" data-testid="softphone-call-tenant">
            {call.tenantName}
          </Badge>
          <Text size="xs" c="dimmed" data-testid="softphone-call-state">
            {t(`softphone.state.${call.state}`)}
            {call.held ? ` · ${t('softphone.held')}` : ''}
          </Text>
        </Group>
        <Text fw={600} data-testid="softphone-call-number">
          {call.remoteNumber || t('softphone.unknownCaller')}
        </Text>
        {call.transferFrom && (
          <Text size="sm" data-testid="softphone-call-transfer-from">
            {t('softphone.transfer.from', { name: call.transferFrom })}
          </Text>
        )}
        {call.queueName && (
          <Text size="sm" data-testid="softphone-call-queue">
            {t('softphone.queue', { name: call.queueName })}
            {call.waitingSince && ringing
              ? ` · ${t('softphone.waited', { time: clock(now - call.waitingSince) })}`
              : ''}
          </Text>
        )}
        {live && call.answeredAt && (
          <Text size="sm" data-testid="softphone-call-timer">
            {clock(now - call.answeredAt)}
          </Text>
        )}
        {connectionLost && call.state !== 'ended' && (
          <Alert color="orange" p="xs" data-testid="softphone-call-connection-lost">
            <Text size="xs">{t('softphone.connectionLost')}</Text>
          </Alert>
        )}
        {call.state === 'ended' && call.cause && (
          <Text size="xs" c="dimmed">
            {t('softphone.ended')}
          </Text>
        )}
        {ringing && (
          <Group grow gap="xs">
            <Button color="green" onClick={() => softphone.answer(call.id)} data-testid="softphone-answer">
              {t('softphone.answer')}
            </Button>
            <Button
              color="red"
              variant="light"
              onClick={() => softphone.reject(call.id)}
              data-testid="softphone-reject"
            >
              {t('softphone.reject')}
            </Button>
          </Group>
        )}
        {live && (
          <Group gap={4} wrap="wrap">
            <Button
              size="xs"
              variant={call.muted ? 'filled' : 'light'}
              onClick={() => softphone.toggleMute(call.id)}
              data-testid="softphone-mute"
              aria-pressed={call.muted}
            >
              {call.muted ? t('softphone.unmute') : t('softphone.mute')}
            </Button>
            <Button
              size="xs"
              variant={call.held ? 'filled' : 'light'}
              onClick={() => softphone.toggleHold(call.id)}
              data-testid="softphone-hold"
              aria-pressed={call.held}
            >
              {call.held ? t('softphone.resume') : t('softphone.hold')}
            </Button>
            <Button
              size="xs"
              variant="light"
              onClick={() => setKeypad((k) => !k)}
              data-testid="softphone-keypad"
              aria-expanded={keypad}
            >
              {t('softphone.keypad')}
            </Button>
            {transferable && (
              <Button
                size="xs"
                variant={transfer ? 'filled' : 'light'}
                onClick={() => setTransfer((open) => !open)}
                data-testid="softphone-transfer"
                aria-expanded={transfer}
              >
                {t('softphone.transfer.title')}
              </Button>
            )}
            <Button
              size="xs"
              color="red"
              onClick={() => softphone.hangup(call.id)}
              data-testid="softphone-hangup"
            >
              {t('softphone.hangup')}
            </Button>
          </Group>
        )}
        {live && keypad && (
          <SimpleGrid cols={3} spacing={4} data-testid="softphone-keys">
            {KEYPAD.map((key) => (
              <Button key={key} size="xs" variant="default" onClick={() => softphone.dtmf(call.id, key)}>
                {key}
              </Button>
            ))}
          </SimpleGrid>
        )}
        {live && transfer && transferable && <TransferPanel call={call} />}
        {(ringing || live) && <ScreenPop call={call} />}
      </Stack>
    </Card>
  );
}

/** Alt+A answers, Alt+H hangs up, Alt+O holds or resumes, Alt+M mutes (AGT-02). */
function useShortcuts(calls: PhoneCall[]) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const ringing = calls.find((c) => c.state === 'ringing');
      const live = calls.find((c) => c.state === 'talking');
      const key = event.key.toLowerCase();
      const action =
        key === 'a' && ringing
          ? () => softphone.answer(ringing.id)
          : key === 'h' && (live ?? ringing)
            ? () => (live ? softphone.hangup(live.id) : softphone.reject(ringing!.id))
            : key === 'o' && live
              ? () => softphone.toggleHold(live.id)
              : key === 'm' && live
                ? () => softphone.toggleMute(live.id)
                : null;
      if (action) {
        event.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [calls]);
}

/** Which of the person's tenants have an agent for them: each gets its own line (TEN-03). */
async function fetchCredentials(tenantIds: string[]): Promise<SoftphoneCredentials[]> {
  const found = await Promise.all(
    tenantIds.map((tenantId) =>
      api<SoftphoneCredentials>('/api/cc/softphone/credentials', { method: 'POST', tenantId }).catch(
        (error: unknown) => {
          if (isApiError(error) && (error.status === 404 || error.status === 403)) return null;
          throw error;
        },
      ),
    ),
  );
  return found.filter((c): c is SoftphoneCredentials => c !== null);
}

async function microphoneAllowed(): Promise<boolean> {
  if (!navigator.mediaDevices?.getUserMedia) return false;
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    stream.getTracks().forEach((track) => track.stop());
    return true;
  } catch {
    return false;
  }
}

/** The softphone: a header button and, when opened or a call is on, a panel under the header on every page for people who take calls (AGT-02, TEN-03). */
export default function SoftphoneDock() {
  const { t } = useTranslation();
  const { me } = useSession();
  const state = useSoftphone();
  const [starting, setStarting] = useState(false);
  const [noAgent, setNoAgent] = useState(false);
  const [micDenied, setMicDenied] = useState(false);
  const [open, setOpen] = useState(false);
  const now = useNow(state.calls.length > 0 || state.wrapUps.length > 0);
  useShortcuts(state.calls);
  const tenants = me.memberships.filter((m) => m.permissions.includes('queues.view'));

  const start = useCallback(async () => {
    setStarting(true);
    setNoAgent(false);
    try {
      setMicDenied(!(await microphoneAllowed()));
      const credentials = await fetchCredentials(tenants.map((m) => m.tenantId));
      if (credentials.length === 0) {
        setNoAgent(true);
        return;
      }
      await softphone.start(credentials, Object.fromEntries(tenants.map((m) => [m.tenantId, m.name])), {
        hangup: (tenantId, interactionId) =>
          api(`/api/cc/calls/${interactionId}/hangup`, { method: 'POST', tenantId }),
      });
    } catch (error) {
      notifyError(error, t);
    } finally {
      setStarting(false);
    }
  }, [tenants, t]);

  useEffect(() => () => softphone.stop(), []);

  if (tenants.length === 0) return null;
  const denied = micDenied || state.microphoneDenied;
  const registered = state.lines.filter((l) => l.status === 'registered').length;
  const shown = open || state.calls.length > 0 || state.wrapUps.length > 0 || denied || noAgent;
  return (
    <>
      <Button
        size="xs"
        variant={state.started ? 'light' : 'default'}
        color={!state.started ? 'gray' : registered === state.lines.length ? 'green' : 'orange'}
        onClick={() => setOpen((o) => !o)}
        aria-expanded={shown}
        data-testid="softphone-toggle"
      >
        {t('softphone.title')}
        {state.started ? ` ${registered}/${state.lines.length}` : ''}
      </Button>
      {shown && (
        <Paper
          withBorder
          shadow="md"
          p="xs"
          w={300}
          pos="fixed"
          top={64}
          right={12}
          style={{ zIndex: 150, maxHeight: 'calc(100vh - 80px)', overflowY: 'auto' }}
          data-testid="softphone"
          aria-label={t('softphone.title')}
          role="region"
        >
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap">
              <Text fw={700} size="sm">
                {t('softphone.title')}
              </Text>
              <Group gap={4} wrap="nowrap">
                {state.started ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="gray"
                    onClick={() => softphone.stop()}
                    data-testid="softphone-stop"
                  >
                    {t('softphone.stop')}
                  </Button>
                ) : (
                  <Button
                    size="compact-xs"
                    loading={starting}
                    onClick={() => void start()}
                    data-testid="softphone-start"
                  >
                    {t('softphone.start')}
                  </Button>
                )}
                <CloseButton size="sm" onClick={() => setOpen(false)} aria-label={t('softphone.close')} />
              </Group>
            </Group>
            {denied && (
              <Alert color="red" p="xs" data-testid="softphone-mic-denied" role="alert">
                {t('softphone.microphoneDenied')}
              </Alert>
            )}
            {noAgent && (
              <Text size="xs" c="dimmed" data-testid="softphone-no-agent">
                {t('softphone.noAgent')}
              </Text>
            )}
            {!state.started && !noAgent && (
              <Text size="xs" c="dimmed">
                {t('softphone.offHint')}
              </Text>
            )}
            {state.lines.map((line) => (
              <Group
                key={line.tenantId}
                justify="space-between"
                wrap="nowrap"
                data-testid="softphone-line"
                data-status={line.status}
              >
                <Text size="xs" truncate="end">
                  {line.tenantName}
                </Text>
                <Badge size="xs" color={LINE_COLORS[line.status]}>
                  {t(`softphone.line.${line.status}`)}
                </Badge>
              </Group>
            ))}
            {state.started && state.lines.length > 0 && <PresencePanel lines={state.lines} />}
            {state.calls.map((call) => (
              <CallCard
                key={call.id}
                call={call}
                now={now}
                connectionLost={
                  state.lines.find((l) => l.tenantId === call.lineTenantId)?.status === 'reconnecting'
                }
              />
            ))}
            {state.wrapUps.map((wrapUp) => (
              <WrapUpCard key={wrapUp.id} wrapUp={wrapUp} now={now} />
            ))}
            {state.started && !state.calls.some((c) => c.state !== 'ended') && (
              <DialPanel lines={state.lines} />
            )}
            {state.started && (
              <details data-testid="softphone-settings">
                <summary>
                  <Text span size="xs">
                    {t('softphone.devices.title')}
                  </Text>
                </summary>
                <DevicePanel />
              </details>
            )}
            {state.started && (
              <Text size="xs" c="dimmed" data-testid="softphone-shortcuts">
                <Kbd>Alt</Kbd>+<Kbd>A</Kbd> {t('softphone.answer')} · <Kbd>Alt</Kbd>+<Kbd>H</Kbd>{' '}
                {t('softphone.hangup')} · <Kbd>Alt</Kbd>+<Kbd>O</Kbd> {t('softphone.hold')} · <Kbd>Alt</Kbd>+
                <Kbd>M</Kbd> {t('softphone.mute')}
              </Text>
            )}
          </Stack>
        </Paper>
      )}
    </>
  );
}
