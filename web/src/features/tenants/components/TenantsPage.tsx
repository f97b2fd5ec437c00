import { Badge, Button, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format';
import { ENDONYMS, isLanguage } from '@/lib/i18n/languages';
import { ConfirmModal } from '@/lib/ui/ConfirmModal';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { PageHeader } from '@/lib/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import { useReactivateTenant, useSuspendTenant, useTenants, type Tenant } from '../api/tenants';
import { TenantFormModal } from './TenantFormModal';

type Pending = { tenant: Tenant; kind: 'suspend' | 'reactivate' } | null;

/** TEN-05: the platform admin's tenants: create, suspend with a reason, reactivate. */
export default function TenantsPage() {
  const { t } = useTranslation();
  const tenants = useTenants();
  const suspend = useSuspendTenant();
  const reactivate = useReactivateTenant();
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();

  const open = (tenant: Tenant, kind: 'suspend' | 'reactivate') => {
    setReason('');
    setReasonError(undefined);
    setPending({ tenant, kind });
  };

  const confirm = () => {
    if (!pending) return;
    const { tenant, kind } = pending;
    const done = {
      onSuccess: () => {
        notifySuccess(
          t(kind === 'suspend' ? 'tenants.suspended' : 'tenants.reactivated', { name: tenant.displayName }),
        );
        setPending(null);
      },
      onError: (error: unknown) => notifyError(error, t),
    };
    if (kind === 'reactivate') {
      reactivate.mutate(tenant.id, done);
      return;
    }
    if (!reason.trim()) {
      setReasonError(t('validation.required'));
      return;
    }
    suspend.mutate({ id: tenant.id, reason: reason.trim() }, done);
  };

  const createButton = (
    <Button onClick={() => setCreating(true)} data-testid="tenants-create">
      {t('tenants.create')}
    </Button>
  );

  let body;
  if (tenants.isPending) body = <LoadingState />;
  else if (tenants.isError)
    body = <ErrorState error={tenants.error} onRetry={() => void tenants.refetch()} />;
  else if (tenants.data.length === 0)
    body = <EmptyState title={t('tenants.emptyTitle')} description={t('tenants.empty')} />;
  else
    body = (
      <Table.ScrollContainer minWidth={820}>
        <Table striped highlightOnHover data-testid="tenants-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tenants.displayName')}</Table.Th>
              <Table.Th>{t('tenants.slug')}</Table.Th>
              <Table.Th>{t('tenants.defaultLanguage')}</Table.Th>
              <Table.Th>{t('tenants.timeZone')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
              <Table.Th>{t('tenants.createdAt')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tenants.data.map((tenant) => (
              <Table.Tr key={tenant.id} data-testid={`tenant-row-${tenant.slug}`} data-status={tenant.status}>
                <Table.Td fw={500}>{tenant.displayName}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {tenant.slug}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {isLanguage(tenant.defaultLanguage)
                    ? ENDONYMS[tenant.defaultLanguage]
                    : tenant.defaultLanguage}
                </Table.Td>
                <Table.Td>{tenant.timeZone}</Table.Td>
                <Table.Td>
                  <Badge
                    color={tenant.status === 'ACTIVE' ? 'teal' : 'red'}
                    variant="light"
                    data-testid="tenant-status"
                    data-status={tenant.status}
                  >
                    {t(`tenants.status.${tenant.status}`)}
                  </Badge>
                  {tenant.suspendedReason ? (
                    <Text size="xs" c="dimmed" mt={2}>
                      {tenant.suspendedReason}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{formatDate(tenant.createdAt)}</Table.Td>
                <Table.Td>
                  {tenant.status === 'ACTIVE' ? (
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      onClick={() => open(tenant, 'suspend')}
                      data-testid="tenant-suspend"
                    >
                      {t('tenants.suspend')}
                    </Button>
                  ) : (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => open(tenant, 'reactivate')}
                      data-testid="tenant-reactivate"
                    >
                      {t('tenants.reactivate')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );

  return (
    <>
      <PageHeader title={t('tenants.title')} description={t('tenants.subtitle')} actions={createButton} />
      {body}
      {creating ? <TenantFormModal onClose={() => setCreating(false)} /> : null}
      <ConfirmModal
        opened={!!pending}
        danger={pending?.kind === 'suspend'}
        title={pending?.kind === 'reactivate' ? t('tenants.reactivateTitle') : t('tenants.suspendTitle')}
        message={t(pending?.kind === 'reactivate' ? 'tenants.reactivateConfirm' : 'tenants.suspendConfirm', {
          name: pending?.tenant.displayName ?? '',
        })}
        confirmLabel={pending?.kind === 'reactivate' ? t('tenants.reactivate') : t('tenants.suspend')}
        loading={suspend.isPending || reactivate.isPending}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        {pending?.kind === 'suspend' ? (
          <Textarea
            label={t('tenants.reason')}
            name="reason"
            required
            autosize
            minRows={2}
            data-autofocus
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setReasonError(undefined);
            }}
            error={reasonError}
            data-testid="suspend-reason"
          />
        ) : null}
      </ConfirmModal>
    </>
  );
}
