import { Badge, Button, Group, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '@/lib/api/client';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { ConfirmModal } from '@/lib/ui/ConfirmModal';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { PageHeader } from '@/lib/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import {
  CARD_TABS,
  useClient,
  useClientFieldDefinitions,
  useDeleteClient,
  type CardTab,
  type Client,
} from '../api/clients';
import { clientName } from '../utils/clientForm';
import { ClientForm } from './ClientForm';
import { ClientHistory } from './ClientHistory';
import { ClientNotes } from './ClientNotes';

/** CRM-01, AGT-05, AGT-12: one client's card: details, notes and the calls with them. */
export default function ClientPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const client = useClient(id);

  if (client.isPending) return <LoadingState />;
  if (client.isError)
    return isApiError(client.error) && client.error.status === 404 ? (
      <EmptyState title={t('errors.notFoundTitle')} description={t('errors.notFound')} />
    ) : (
      <ErrorState error={client.error} onRetry={() => void client.refetch()} />
    );
  return <ClientCard client={client.data} />;
}

function ClientCard({ client }: { client: Client }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { membership } = useSession();
  const manage = can(membership, 'clients.manage');
  const fields = useClientFieldDefinitions();
  const remove = useDeleteClient();
  const [tab, setTab] = useState<CardTab>('details');
  const [deleting, setDeleting] = useState(false);
  const name = clientName(client) || t('clients.unnamed');

  const confirmDelete = () =>
    remove.mutate(client.id, {
      onSuccess: () => {
        notifySuccess(t('clients.deleted', { name }));
        navigate('/clients', { replace: true });
      },
      onError: (error) => {
        notifyError(error, t);
        setDeleting(false);
      },
    });

  const subtitle = [
    client.organisation,
    client.externalId ? t('clients.externalIdValue', { id: client.externalId }) : null,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <>
      <PageHeader
        title={name}
        description={subtitle || undefined}
        actions={
          <>
            {client.link ? (
              <Button
                component="a"
                href={client.link}
                target="_blank"
                rel="noopener noreferrer"
                variant="light"
                data-testid="client-crm-link"
              >
                {t('clients.openInCrm')}
              </Button>
            ) : null}
            <Button component={Link} to="/clients" variant="default" data-testid="client-back">
              {t('clients.back')}
            </Button>
            {manage ? (
              <Button
                color="red"
                variant="light"
                onClick={() => setDeleting(true)}
                data-testid="client-delete"
              >
                {t('common.delete')}
              </Button>
            ) : null}
          </>
        }
      />
      {client.tags.length > 0 ? (
        <Group gap={4} mb="sm" data-testid="client-tag-list">
          {client.tags.map((value) => (
            <Badge key={value} variant="light" tt="none">
              {value}
            </Badge>
          ))}
        </Group>
      ) : null}
      <Tabs value={tab} onChange={(value) => value && setTab(value as CardTab)} data-testid="client-tabs">
        <Tabs.List mb="md">
          {CARD_TABS.map((panel) => (
            <Tabs.Tab key={panel} value={panel} data-testid={`client-tab-${panel}`}>
              {t(`clients.tabs.${panel}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="details" maw={860}>
          {!manage ? (
            <Text c="dimmed" size="sm" mb="sm" data-testid="client-read-only">
              {t('clients.readOnly')}
            </Text>
          ) : null}
          {fields.isPending ? (
            <LoadingState />
          ) : fields.isError ? (
            <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />
          ) : (
            <ClientForm
              // a saved client comes back with a new version: the form starts again from it
              key={client.version}
              client={client}
              fields={fields.data}
              readOnly={!manage}
              onSaved={(saved) => notifySuccess(t('clients.saved', { name: clientName(saved) || name }))}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="notes" maw={860}>
          {tab === 'notes' ? <ClientNotes clientId={client.id} manage={manage} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="history">
          {tab === 'history' ? <ClientHistory clientId={client.id} /> : null}
        </Tabs.Panel>
      </Tabs>
      <ConfirmModal
        opened={deleting}
        title={t('clients.deleteTitle')}
        message={t('clients.deleteConfirm', { name })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(false)}
      />
    </>
  );
}
