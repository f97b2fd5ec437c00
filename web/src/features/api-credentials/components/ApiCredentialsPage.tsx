import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { useSession } from '@/lib/session/SessionProvider';
import { ConfirmModal } from '@/lib/ui/ConfirmModal';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { PageHeader } from '@/lib/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import {
  useApiCredentials,
  useRevokeApiCredential,
  type ApiCredential,
  type CreatedCredential,
} from '../api/apiCredentials';
import { CreateCredentialModal } from './CreateCredentialModal';
import { SecretModal } from './SecretModal';

/** CRM-05: keys for the integration API (integrations.manage); a secret is shown once, at creation. */
export default function ApiCredentialsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const credentials = useApiCredentials();
  const revoke = useRevokeApiCredential();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedCredential | null>(null);
  const [revoking, setRevoking] = useState<ApiCredential | null>(null);

  // the API gives the creator's id only: "you" when it is the reader, else a short id
  const creator = (id: string | null) =>
    !id ? '—' : id === me.id ? t('apiCredentials.you') : t('apiCredentials.someone', { id: id.slice(0, 8) });

  const confirmRevoke = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: () => notifySuccess(t('apiCredentials.revoked', { name: revoking.name })),
      onError: (error) => notifyError(error, t),
      onSettled: () => setRevoking(null),
    });
  };

  const createButton = (
    <Button onClick={() => setCreating(true)} data-testid="api-credentials-create">
      {t('apiCredentials.create')}
    </Button>
  );

  const items = credentials.data ?? [];
  let body;
  if (credentials.isPending) body = <LoadingState />;
  else if (credentials.isError)
    body = <ErrorState error={credentials.error} onRetry={() => void credentials.refetch()} />;
  else if (items.length === 0)
    body = (
      <EmptyState
        title={t('apiCredentials.emptyTitle')}
        description={t('apiCredentials.empty')}
        action={createButton}
      />
    );
  else
    body = (
      <Stack>
        <Table.ScrollContainer minWidth={960}>
          <Table striped data-testid="api-credentials-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('apiCredentials.name')}</Table.Th>
                <Table.Th>{t('apiCredentials.prefix')}</Table.Th>
                <Table.Th>{t('apiCredentials.scopes')}</Table.Th>
                <Table.Th>{t('apiCredentials.created')}</Table.Th>
                <Table.Th>{t('apiCredentials.lastUsed')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((credential) => (
                <Table.Tr
                  key={credential.id}
                  data-testid="api-credential-row"
                  data-id={credential.id}
                  c={credential.revokedAt ? 'dimmed' : undefined}
                >
                  <Table.Td fw={500}>{credential.name}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" data-raw-code>
                      {`lnk_${credential.prefix}_…`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {credential.scopes.map((scope) => (
                        <Badge key={scope} size="sm" variant="outline" tt="none">
                          {t(`apiCredentials.scopeNames.${scope}`, scope)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(credential.createdAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {creator(credential.createdBy)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {credential.lastUsedAt
                      ? formatDateTime(credential.lastUsedAt)
                      : t('apiCredentials.neverUsed')}
                  </Table.Td>
                  <Table.Td>
                    {credential.revokedAt ? (
                      <Badge color="red" variant="light" data-testid="api-credential-status">
                        {t('apiCredentials.revokedAt', { time: formatDateTime(credential.revokedAt) })}
                      </Badge>
                    ) : (
                      <Badge color="green" variant="light" data-testid="api-credential-status">
                        {t('apiCredentials.activeBadge')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {credential.revokedAt ? (
                      '—'
                    ) : (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        onClick={() => setRevoking(credential)}
                        aria-label={t('apiCredentials.revokeOf', { name: credential.name })}
                        data-testid="api-credential-revoke"
                      >
                        {t('apiCredentials.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="sm" c="dimmed">
          {t('common.totalItems', { total: items.length })}
        </Text>
      </Stack>
    );

  return (
    <>
      <PageHeader
        title={t('apiCredentials.title')}
        description={t('apiCredentials.subtitle')}
        actions={createButton}
      />
      {body}
      {creating ? (
        <CreateCredentialModal
          onCreated={(credential) => {
            setCreating(false);
            setCreated(credential);
          }}
          onClose={() => setCreating(false)}
        />
      ) : null}
      {created ? <SecretModal created={created} onClose={() => setCreated(null)} /> : null}
      <ConfirmModal
        opened={!!revoking}
        title={t('apiCredentials.revokeTitle')}
        message={t('apiCredentials.revokeConfirm', { name: revoking?.name ?? '' })}
        confirmLabel={t('apiCredentials.revoke')}
        loading={revoke.isPending}
        onConfirm={confirmRevoke}
        onCancel={() => setRevoking(null)}
      />
    </>
  );
}
