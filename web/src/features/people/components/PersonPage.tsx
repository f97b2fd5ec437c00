import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ENDONYMS, isLanguage } from '@/lib/i18n/languages';
import { ConfirmModal } from '@/lib/ui/ConfirmModal';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { EditDeleteButtons } from '@/lib/ui/EditDeleteButtons';
import { PageHeader } from '@/lib/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import { usePerson, useRemoveMembership, useTenantOptions, type PersonMembership } from '../api/people';
import { MembershipModal } from './MembershipModal';

/** One person and their memberships per tenant (TEN-03: one login, several tenants). */
export default function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const person = usePerson(id);
  const tenants = useTenantOptions();
  const remove = useRemoveMembership(id);
  const [editing, setEditing] = useState<PersonMembership | 'new' | null>(null);
  const [removing, setRemoving] = useState<PersonMembership | null>(null);

  if (person.isPending) return <LoadingState />;
  if (person.isError) return <ErrorState error={person.error} onRetry={() => void person.refetch()} />;

  const p = person.data;
  const memberships = p.memberships ?? [];
  const tenantName = (m: PersonMembership) =>
    m.name ?? tenants.data?.find((x) => x.id === m.tenantId)?.displayName ?? m.slug ?? m.tenantId;
  const available = (tenants.data ?? []).filter((x) => !memberships.some((m) => m.tenantId === x.id));

  const confirmRemove = () => {
    if (!removing) return;
    remove.mutate(removing.tenantId, {
      onSuccess: () => notifySuccess(t('people.membershipRemoved', { tenant: tenantName(removing) })),
      onError: (error) => notifyError(error, t),
      onSettled: () => setRemoving(null),
    });
  };

  const addButton = (
    <Button onClick={() => setEditing('new')} disabled={available.length === 0} data-testid="membership-add">
      {t('people.addMembership')}
    </Button>
  );

  return (
    <>
      <Anchor component={Link} to="/platform/people" size="sm">
        ← {t('people.back')}
      </Anchor>
      <PageHeader title={p.displayName || p.username} description={p.username} />
      <Card withBorder mb="lg" maw={640}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('users.email')}
            </Text>
            <Text>{p.email || '—'}</Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('users.locale')}
            </Text>
            <Text>{isLanguage(p.locale) ? ENDONYMS[p.locale] : (p.locale ?? '—')}</Text>
          </Stack>
        </SimpleGrid>
      </Card>
      <Group justify="space-between" mb="sm">
        <Title order={3}>{t('people.memberships')}</Title>
        {addButton}
      </Group>
      {memberships.length === 0 ? (
        <EmptyState title={t('people.noMembershipsTitle')} description={t('people.noMemberships')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="memberships-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('people.tenant')}</Table.Th>
                <Table.Th>{t('access.roles')}</Table.Th>
                <Table.Th>{t('access.extraPermissions')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {memberships.map((m) => (
                <Table.Tr key={m.tenantId} data-testid="membership-row">
                  <Table.Td fw={500}>{tenantName(m)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {m.roles.map((role) => (
                        <Badge key={role} size="sm" variant="light">
                          {t(`roles.${role}`, role)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {(m.extraPermissions ?? []).map((perm) => t(`permissions.${perm}`, perm)).join(', ') ||
                        '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <EditDeleteButtons
                      testId="membership"
                      deleteAction="remove"
                      onEdit={() => setEditing(m)}
                      onDelete={() => setRemoving(m)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing ? (
        <MembershipModal
          personId={id}
          membership={editing === 'new' ? null : editing}
          tenants={available}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmModal
        opened={!!removing}
        title={t('people.removeMembershipTitle')}
        message={t('people.removeMembershipConfirm', {
          name: p.username,
          tenant: removing ? tenantName(removing) : '',
        })}
        confirmLabel={t('common.remove')}
        loading={remove.isPending}
        onConfirm={confirmRemove}
        onCancel={() => setRemoving(null)}
      />
    </>
  );
}
