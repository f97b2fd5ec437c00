import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CREDENTIAL_FIELDS, type SipCredentials } from '../api/agents';

/**
 * TEL-04: freshly generated SIP credentials. The server keeps only a digest, so this is the one
 * chance to copy the password; closing needs a deliberate click.
 */
export function CredentialsModal({
  agentName,
  credentials,
  onClose,
}: {
  agentName: string;
  credentials: SipCredentials;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('agents.credentialsTitle', { name: agentName })}
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* the test id sits inside: Mantine's modal root has no box of its own, so it never counts as visible */}
      <Stack data-testid="credentials-modal">
        <Alert color="orange" role="alert" title={t('agents.credentialsOnceTitle')}>
          {t('agents.credentialsOnce')}
        </Alert>
        {CREDENTIAL_FIELDS.map((field) => (
          <Group key={field} align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              label={t(`agents.credentials.${field}`)}
              value={credentials[field]}
              readOnly
              styles={{ input: { fontFamily: 'monospace' } }}
              style={{ flex: 1 }}
              onFocus={(event) => event.currentTarget.select()}
              data-testid={`credentials-${field}`}
            />
            <CopyButton value={credentials[field]} timeout={2000}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'filled' : 'light'}
                  color={copied ? 'teal' : undefined}
                  onClick={copy}
                  miw={96}
                  aria-label={t('agents.copyField', { field: t(`agents.credentials.${field}`) })}
                  data-testid={`copy-${field}`}
                >
                  {copied ? t('agents.copied') : t('agents.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        ))}
        <Text size="sm" c="dimmed">
          {t('agents.credentialsUse')}
        </Text>
        <Group justify="flex-end">
          <Button onClick={onClose} data-testid="credentials-done">
            {t('agents.credentialsDone')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
