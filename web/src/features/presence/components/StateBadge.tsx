import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PresenceState } from '../api/presence';

export const STATE_COLORS: Record<PresenceState, string> = {
  LOGGED_OUT: 'gray',
  AVAILABLE: 'teal',
  RINGING: 'yellow',
  ON_CALL: 'blue',
  WRAP_UP: 'violet',
  BREAK: 'orange',
  CHATTING: 'cyan',
};

/** ACD-05: one colour per state, the same on every page. */
export function StateBadge({ state, size = 'md' }: { state: PresenceState; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      size={size}
      color={STATE_COLORS[state] ?? 'gray'}
      data-testid="presence-state"
      data-state={state}
    >
      {t(`presence.states.${state}`)}
    </Badge>
  );
}
