import { Badge, Button, Group, Menu, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { ConfirmModal } from '@/lib/ui/ConfirmModal';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { PageHeader } from '@/lib/ui/PageHeader';
import { Pager } from '@/lib/ui/Pager';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import { PAGE_SIZE, useRemoveUser, useUserAction, useUsers, type User } from '../api/users';
import { UserFormModal } from './UserFormModal';

type Confirming = { user: User; kind: 'disable' | 'remove' } | null;

/** ADM-01 / TEN-04: the tenant admin's users of the active tenant. */
export default function UsersPage() {
  const { t } = useTranslation();
  const { membership } = useSession();
  const manage = can(membership, 'users.manage');
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(0);
  const users = useUsers(query, page);
  const action = useUserAction();
  const remove = useRemoveUser();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);

  const run = (user: User, kind: 'enable' | 'unlock' | 'disable') =>
    action.mutate(
      { id: user.id, action: kind },
      {
        onSuccess: () => {
          notifySuccess(t(`users.done.${kind}`, { name: user.username }));
          setConfirming(null);
        },
        onError: (error) => {
          notifyError(error, t);
          setConfirming(null);
        },
      },
    );

  const confirm = () => {
    if (!confirming) return;
    const { user, kind } = confirming;
    if (kind === 'disable') run(user, 'disable');
    else
      remove.mutate(user.id, {
        onSuccess: () => {
          notifySuccess(t('users.done.remove', { name: user.username }));
          setConfirming(null);
        },
        onError: (error) => {
          notifyError(error, t);
          setConfirming(null);
        },
      });
  };

  const createButton = manage ? (
    <Button onClick={() => setEditing('new')} data-testid="users-create">
      {t('users.create')}
    </Button>
  ) : null;

  const data = users.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.size || PAGE_SIZE))) : 1;

  let body;
  if (users.isPending) body = <LoadingState />;
  else if (users.isError) body = <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
  else if (!data || data.items.length === 0)
    body = query ? (
      <EmptyState title={t('common.noResultsTitle')} description={t('common.noResults', { query })} />
    ) : (
      <EmptyState title={t('users.emptyTitle')} description={t('users.empty')} />
    );
  else
    body = (
      <Stack>
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover data-testid="users-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.username')}</Table.Th>
                <Table.Th>{t('users.displayName')}</Table.Th>
                <Table.Th>{t('access.roles')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                <Table.Th>{t('users.lastLogin')}</Table.Th>
                {manage ? <Table.Th>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((user) => (
                <Table.Tr key={user.id} data-testid="user-row" data-username={user.username}>
                  <Table.Td fw={500}>{user.username}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{user.displayName}</Text>
                    {user.email ? (
                      <Text size="xs" c="dimmed">
                        {user.email}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {user.roles.map((role) => (
                        <Badge key={role} variant="light" size="sm">
                          {t(`roles.${role}`, role)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge color={user.enabled ? 'teal' : 'gray'} size="sm">
                        {user.enabled ? t('common.enabled') : t('common.disabled')}
                      </Badge>
                      {user.locked ? (
                        <Badge color="orange" size="sm">
                          {t('users.locked')}
                        </Badge>
                      ) : null}
                      {user.mfaEnrolled ? (
                        <Badge color="blue" variant="outline" size="sm">
                          {t('users.mfa')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatDateTime(user.lastLoginAt)}</Table.Td>
                  {manage ? (
                    <Table.Td>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <Button
                            size="xs"
                            variant="light"
                            data-testid="user-actions"
                            aria-label={t('users.actionsFor', { name: user.username })}
                          >
                            {t('common.actions')}
                          </Button>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item data-testid="user-edit" onClick={() => setEditing(user)}>
                            {t('common.edit')}
                          </Menu.Item>
                          {user.enabled ? (
                            <Menu.Item
                              data-testid="user-disable"
                              onClick={() => setConfirming({ user, kind: 'disable' })}
                            >
                              {t('users.disable')}
                            </Menu.Item>
                          ) : (
                            <Menu.Item data-testid="user-enable" onClick={() => run(user, 'enable')}>
                              {t('users.enable')}
                            </Menu.Item>
                          )}
                          {user.locked ? (
                            <Menu.Item data-testid="user-unlock" onClick={() => run(user, 'unlock')}>
                              {t('users.unlock')}
                            </Menu.Item>
                          ) : null}
                          <Menu.Divider />
                          <Menu.Item
                            color="red"
                            data-testid="user-remove"
                            onClick={() => setConfirming({ user, kind: 'remove' })}
                          >
                            {t('users.remove')}
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Pager page={page} totalPages={totalPages} onChange={setPage} />
      </Stack>
    );

  return (
    <>
      <PageHeader title={t('users.title')} description={t('users.subtitle')} actions={createButton} />
      <TextInput
        mb="md"
        maw={360}
        type="search"
        label={t('common.search')}
        placeholder={t('users.searchPlaceholder')}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setPage(0);
        }}
        data-testid="users-search"
      />
      {body}
      {editing ? (
        <UserFormModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      <ConfirmModal
        opened={!!confirming}
        title={confirming?.kind === 'remove' ? t('users.removeTitle') : t('users.disableTitle')}
        message={
          confirming?.kind === 'remove'
            ? t('users.removeConfirm', { name: confirming.user.username, tenant: membership?.name ?? '' })
            : t('users.disableConfirm', { name: confirming?.user.username ?? '' })
        }
        confirmLabel={confirming?.kind === 'remove' ? t('users.remove') : t('users.disable')}
        loading={action.isPending || remove.isPending}
        onConfirm={confirm}
        onCancel={() => setConfirming(null)}
      />
    </>
  );
}
