import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CreatedCredential } from '../api/apiCredentials';

/** The new key's secret, shown this once: the server keeps only a hash of it. */
export function SecretModal({ created, onClose }: { created: CreatedCredential; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('apiCredentials.secretTitle', { name: created.name })}
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack data-testid="api-credential-secret-modal">
        <Alert color="orange" role="alert" title={t('apiCredentials.secretOnceTitle')}>
          {t('apiCredentials.secretOnce')}
        </Alert>
        <Text size="sm" id="api-credential-secret-label">
          {t('apiCredentials.secretLabel')}
        </Text>
        <Code
          block
          aria-labelledby="api-credential-secret-label"
          style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
          data-testid="api-credential-secret"
          data-raw-code
        >
          {created.secret}
        </Code>
        <Text size="xs" c="dimmed">
          {t('apiCredentials.secretUsage')}
        </Text>
        <Group justify="space-between">
          <CopyButton value={created.secret}>
            {({ copied, copy }) => (
              <Button
                variant="light"
                color={copied ? 'teal' : undefined}
                onClick={copy}
                data-testid="api-credential-copy"
              >
                {copied ? t('apiCredentials.copied') : t('apiCredentials.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose} data-testid="api-credential-secret-done">
            {t('apiCredentials.secretDone')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
