import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PRESENCE_COLORS as STATE_COLORS } from '@/lib/presence';
import type { PresenceState } from '../api/presence';

/** ACD-05: one colour per state, the same on every page. */
export function StateBadge({ state, size = 'md' }: { state: PresenceState; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      size={size}
      color={STATE_COLORS[state]}
      data-testid="presence-state"
      data-state={state}
    >
      {t(`presence.states.${state}`)}
    </Badge>
  );
}
