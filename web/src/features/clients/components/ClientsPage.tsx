import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatE164 } from '@/lib/phone';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { PageHeader } from '@/lib/ui/PageHeader';
import { Pager } from '@/lib/ui/Pager';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import { CLIENTS_PAGE_SIZE, SORTS, useClients, type Sort } from '../api/clients';
import { clientName } from '../utils/clientForm';
import { ClientFormModal } from './ClientFormModal';

/** CRM-01, CRM-03, CRM-04: find a client by name, number, e-mail or tag; add one by hand. */
export default function ClientsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { membership } = useSession();
  const manage = can(membership, 'clients.manage');
  const [search, setSearch] = useState('');
  const [tagInput, setTagInput] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [tag] = useDebouncedValue(tagInput.trim(), 300);
  const [sort, setSort] = useState<Sort>('name');
  const [page, setPage] = useState(0);
  const clients = useClients({ q, tag, sort, page });
  const [creating, setCreating] = useState(false);

  const createButton = manage ? (
    <Button onClick={() => setCreating(true)} data-testid="clients-create">
      {t('clients.create')}
    </Button>
  ) : null;
  // CRM-05: load or sync the list from a CSV or Excel file
  const importButton = manage ? (
    <Button component={Link} to="/clients/import" variant="default" data-testid="clients-import">
      {t('clientImport.open')}
    </Button>
  ) : null;

  const data = clients.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.size || CLIENTS_PAGE_SIZE))) : 1;

  let body;
  if (clients.isPending) body = <LoadingState />;
  else if (clients.isError)
    body = <ErrorState error={clients.error} onRetry={() => void clients.refetch()} />;
  else if (!data || data.items.length === 0)
    body =
      q || tag ? (
        <EmptyState title={t('common.noResultsTitle')} description={t('clients.noMatch')} />
      ) : (
        <EmptyState
          title={t('clients.emptyTitle')}
          description={manage ? t('clients.emptyManage') : t('clients.empty')}
          action={createButton}
        />
      );
  else
    body = (
      <Stack>
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover data-testid="clients-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('clients.name')}</Table.Th>
                <Table.Th>{t('clients.organisation')}</Table.Th>
                <Table.Th>{t('clients.phones')}</Table.Th>
                <Table.Th>{t('clients.emails')}</Table.Th>
                <Table.Th>{t('clients.tags')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((client) => {
                const name = [client.firstName, client.lastName].filter(Boolean).join(' ');
                return (
                  <Table.Tr
                    key={client.id}
                    data-testid="client-row"
                    data-id={client.id}
                    onClick={() => navigate(`/clients/${client.id}`)}
                    style={{ cursor: 'pointer' }}
                  >
                    <Table.Td fw={500}>
                      {/* the keyboard's way to the card; a click anywhere on the row does the same */}
                      <Anchor
                        component={Link}
                        to={`/clients/${client.id}`}
                        onClick={(event) => event.stopPropagation()}
                        data-testid="client-open"
                      >
                        {name || clientName(client) || t('clients.unnamed')}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{client.organisation || '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {client.phones.length === 0
                        ? '—'
                        : client.phones.map((phone) => (
                            <Text key={phone.number} size="sm">
                              {formatE164(phone.number)}
                              {phone.label ? (
                                <Text span size="xs" c="dimmed">
                                  {' '}
                                  · {phone.label}
                                </Text>
                              ) : null}
                            </Text>
                          ))}
                    </Table.Td>
                    <Table.Td>
                      {client.emails.length === 0
                        ? '—'
                        : client.emails.map((email) => (
                            <Text key={email.address} size="sm">
                              {email.address}
                            </Text>
                          ))}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {client.tags.map((value) => (
                          <Badge key={value} variant="light" size="sm" tt="none">
                            {value}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('common.totalItems', { total: data.total })}
          </Text>
          <Pager page={page} totalPages={totalPages} onChange={setPage} />
        </Group>
      </Stack>
    );

  return (
    <>
      <PageHeader
        title={t('clients.title')}
        description={t('clients.subtitle')}
        actions={
          manage ? (
            <>
              {importButton}
              {createButton}
            </>
          ) : null
        }
      />
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput
          type="search"
          label={t('common.search')}
          placeholder={t('clients.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(0);
          }}
          style={{ flex: 1, minWidth: 240 }}
          data-testid="clients-search"
        />
        <TextInput
          label={t('clients.tag')}
          placeholder={t('clients.tagPlaceholder')}
          value={tagInput}
          onChange={(event) => {
            setTagInput(event.currentTarget.value);
            setPage(0);
          }}
          w={200}
          data-testid="clients-tag"
        />
        <NativeSelect
          label={t('clients.sort')}
          value={sort}
          onChange={(event) => {
            setSort(event.currentTarget.value as Sort);
            setPage(0);
          }}
          data={SORTS.map((value) => ({ value, label: t(`clients.sorts.${value}`) }))}
          w={200}
          data-testid="clients-sort"
        />
      </Group>
      {body}
      {creating ? <ClientFormModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
