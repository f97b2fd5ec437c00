import { ActionIcon, Button, Group, Pill, Stack, Text, TextInput } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isCidr } from '@/lib/cidr';

/**
 * A list of networks (CIDR) edited one at a time: typed, checked, added with Enter or the button,
 * removed from its pill. Used for trusted networks (security policy) and carrier source networks.
 */
export function CidrList({
  value,
  onChange,
  draft,
  onDraftChange,
  error,
  label,
  description,
  placeholder,
  name,
  emptyText,
  testId,
}: {
  value: string[];
  onChange: (cidrs: string[]) => void;
  /** the network being typed, held by the caller (a form may add it on save when Add was not pressed) */
  draft: string;
  onDraftChange: (draft: string) => void;
  error?: string;
  label: string;
  description: string;
  placeholder: string;
  name: string;
  emptyText: string;
  /** prefix of the test ids: `<testId>-input`, `<testId>-add`, `<testId>s` */
  testId: string;
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
          label={label}
          description={description}
          placeholder={placeholder}
          name={name}
          value={draft}
          onChange={(event) => {
            onDraftChange(event.currentTarget.value);
            setDraftError(undefined);
          }}
          onKeyDown={onKeyDown}
          error={draftError ?? error}
          style={{ flex: 1 }}
          data-testid={`${testId}-input`}
        />
        <Button variant="light" onClick={add} data-testid={`${testId}-add`}>
          {t('common.add')}
        </Button>
      </Group>
      {value.length === 0 ? (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      ) : (
        <Group gap="xs" data-testid={`${testId}s`}>
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
