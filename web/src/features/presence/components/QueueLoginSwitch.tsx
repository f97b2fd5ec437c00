import { Box, Switch, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgentQueue } from '../api/presence';

/**
 * ACD-11: logged in to one queue or not. `locked` (a queue that leaves it to supervisors) disables
 * the switch and says why, on hover and in the switch's description for keyboard users.
 */
export function QueueLoginSwitch({
  queue,
  label,
  ariaLabel,
  locked = false,
  pending,
  size = 'md',
  onChange,
}: {
  queue: AgentQueue;
  label: string;
  ariaLabel: string;
  locked?: boolean;
  pending: boolean;
  size?: 'xs' | 'md';
  onChange: (loggedIn: boolean) => void;
}) {
  const { t } = useTranslation();
  const input = (
    <Switch
      size={size}
      label={label}
      aria-label={ariaLabel}
      description={locked ? t('presence.supervisorOnly') : undefined}
      checked={queue.loggedIn}
      disabled={locked || pending}
      onChange={(event) => onChange(event.currentTarget.checked)}
      data-testid="queue-login"
      data-queue-id={queue.queueId}
    />
  );
  if (!locked) return input;
  return (
    <Tooltip label={t('presence.selfLoginForbidden')} multiline w={280} withArrow>
      <Box data-testid="queue-login-locked" w="fit-content">
        {input}
      </Box>
    </Tooltip>
  );
}
