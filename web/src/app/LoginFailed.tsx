import { Alert, Button, Center, Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoginError, startLogin } from '@/lib/auth/oidc';
import { currentLanguage } from '@/lib/i18n/i18n';

/** Shown when the provider sent an error back, the state did not match, or logins keep looping. */
export function LoginFailed({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const reason = error instanceof LoginError ? error.reason : 'unknown';
  const retry = () => {
    sessionStorage.removeItem('linea.login-attempts');
    void startLogin(currentLanguage(), '/');
  };
  return (
    <Center h="100vh" p="md">
      <Alert color="red" title={t('auth.failedTitle')} role="alert" maw={480} data-testid="login-failed">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('auth.failed')}</Text>
          <Code>{reason}</Code>
          <Button onClick={retry}>{t('auth.tryAgain')}</Button>
        </Stack>
      </Alert>
    </Center>
  );
}
