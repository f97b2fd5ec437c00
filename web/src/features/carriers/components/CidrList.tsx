import { ActionIcon, Button, Group, Pill, Stack, Text, TextInput } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isCidr } from '@/lib/cidr';

/** The source networks whose INVITEs are taken as this carrier's inbound calls. */
export function CidrList({
  value,
  onChange,
  draft,
  onDraftChange,
  error,
}: {
  value: string[];
  onChange: (cidrs: string[]) => void;
  /** the network being typed: the form adds it on save, so it is not lost when Add was not pressed */
  draft: string;
  onDraftChange: (draft: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [draftError, setDraftError] = useState<string | undefined>();

  const add = () => {
    const cidr = draft.trim();
    if (!cidr) return;
    if (!isCidr(cidr)) setDraftError(t('policy.invalidCidr', { value: cidr }));
    else if (value.includes(cidr)) setDraftError(t('policy.duplicateCidr', { value: cidr }));
    else {
      onChange([...value, cidr]);
      onDraftChange('');
      setDraftError(undefined);
    }
  };

  // Enter adds the network instead of submitting the whole form.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  };

  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs">
        <TextInput
          label={t('carriers.matchCidrs')}
          description={t('carriers.matchCidrsHint')}
          placeholder="198.51.100.0/24"
          name="matchCidrs"
          value={draft}
          onChange={(event) => {
            onDraftChange(event.currentTarget.value);
            setDraftError(undefined);
          }}
          onKeyDown={onKeyDown}
          error={draftError ?? error}
          style={{ flex: 1 }}
          data-testid="carrier-cidr-input"
        />
        <Button variant="light" onClick={add} data-testid="carrier-cidr-add">
          {t('common.add')}
        </Button>
      </Group>
      {value.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('carriers.noCidrs')}
        </Text>
      ) : (
        <Group gap="xs" data-testid="carrier-cidrs">
          {value.map((cidr) => (
            <Pill key={cidr} size="lg">
              <Group gap={4} wrap="nowrap">
                <span>{cidr}</span>
                <ActionIcon
                  size="xs"
                  variant="subtle"
                  color="gray"
                  aria-label={t('policy.removeNetwork', { value: cidr })}
                  onClick={() => onChange(value.filter((c) => c !== cidr))}
                >
                  ×
                </ActionIcon>
              </Group>
            </Pill>
          ))}
        </Group>
      )}
    </Stack>
  );
}
