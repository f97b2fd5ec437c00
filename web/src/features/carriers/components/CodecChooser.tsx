import { ActionIcon, Checkbox, Group, Input, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CODEC_NAMES, CODECS, type Codec } from '../api/carriers';

/**
 * The codecs a trunk offers, in preference order: the checked ones first, in their order, each
 * with move buttons (keyboard-usable, unlike drag and drop); the unchecked ones after them.
 */
export function CodecChooser({
  value,
  onChange,
  error,
}: {
  value: Codec[];
  onChange: (codecs: Codec[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const rows = [...value, ...CODECS.filter((codec) => !value.includes(codec))];
  const move = (index: number, by: -1 | 1) => {
    const next = [...value];
    const [codec] = next.splice(index, 1);
    if (!codec) return;
    next.splice(index + by, 0, codec);
    onChange(next);
  };
  return (
    <Input.Wrapper
      label={t('carriers.codecs')}
      description={t('carriers.codecsHint')}
      error={error}
      required
      data-testid="carrier-codecs"
    >
      <Stack gap={4} mt="xs" role="list">
        {rows.map((codec) => {
          const index = value.indexOf(codec);
          const checked = index >= 0;
          return (
            <Group key={codec} gap="xs" wrap="nowrap" role="listitem" data-codec={codec}>
              <Text size="sm" c="dimmed" w={20} ta="right" aria-hidden>
                {checked ? `${index + 1}.` : ''}
              </Text>
              <Checkbox
                name="codecs"
                value={codec}
                checked={checked}
                label={CODEC_NAMES[codec]}
                onChange={(event) =>
                  onChange(event.currentTarget.checked ? [...value, codec] : value.filter((c) => c !== codec))
                }
                style={{ flex: 1 }}
              />
              {checked ? (
                <Group gap={2} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    size="sm"
                    disabled={index === 0}
                    aria-label={t('carriers.moveUp', { codec: CODEC_NAMES[codec] })}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    size="sm"
                    disabled={index === value.length - 1}
                    aria-label={t('carriers.moveDown', { codec: CODEC_NAMES[codec] })}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </ActionIcon>
                </Group>
              ) : null}
            </Group>
          );
        })}
      </Stack>
    </Input.Wrapper>
  );
}
