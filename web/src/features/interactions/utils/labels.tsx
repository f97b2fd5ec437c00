import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { END_REASONS, type Interaction, type InteractionState } from '../api/interactions';

export const STATE_COLORS: Record<InteractionState, string> = {
  OFFERED: 'blue',
  RINGING: 'yellow',
  ANSWERED: 'teal',
  ENDED: 'gray',
  ABANDONED: 'orange',
  REJECTED: 'red',
  FAILED: 'red',
};

export function isKnownEndReason(reason: string): reason is (typeof END_REASONS)[number] {
  return (END_REASONS as readonly string[]).includes(reason);
}

/** Why an interaction ended, in words: the abandon stage, else the end reason (raw if unknown). */
export function Outcome({ interaction, t }: { interaction: Interaction; t: TFunction }) {
  if (interaction.abandonStage)
    return (
      <Text size="xs" c="dimmed">
        {t(`interactions.abandonStages.${interaction.abandonStage}`)}
      </Text>
    );
  if (!interaction.endReason) return null;
  return isKnownEndReason(interaction.endReason) ? (
    <Text size="xs" c="dimmed">
      {t(`interactions.endReasons.${interaction.endReason}`)}
    </Text>
  ) : (
    <Text size="xs" c="dimmed" ff="monospace" data-raw-code>
      {interaction.endReason}
    </Text>
  );
}
