import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '@/lib/ui/PageHeader';
import { Pager } from '@/lib/ui/Pager';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import { PEOPLE_PAGE_SIZE, usePeople } from '../api/people';
import { PersonFormModal } from './PersonFormModal';

/** TEN-03, TEN-05: every person on the platform, whichever tenants they belong to. */
export default function PeoplePage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(0);
  const [creating, setCreating] = useState(false);
  const people = usePeople(query, page);
  const data = people.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.size || PEOPLE_PAGE_SIZE))) : 1;

  const createButton = (
    <Button onClick={() => setCreating(true)} data-testid="people-create">
      {t('people.create')}
    </Button>
  );

  let body;
  if (people.isPending) body = <LoadingState />;
  else if (people.isError) body = <ErrorState error={people.error} onRetry={() => void people.refetch()} />;
  else if (!data || data.items.length === 0)
    body = query ? (
      <EmptyState title={t('common.noResultsTitle')} description={t('common.noResults', { query })} />
    ) : (
      <EmptyState title={t('people.emptyTitle')} description={t('people.empty')} />
    );
  else
    body = (
      <Stack>
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover data-testid="people-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.username')}</Table.Th>
                <Table.Th>{t('users.displayName')}</Table.Th>
                <Table.Th>{t('users.email')}</Table.Th>
                <Table.Th>{t('people.memberships')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((person) => (
                <Table.Tr key={person.id} data-testid="person-row" data-username={person.username}>
                  <Table.Td>
                    <Anchor component={Link} to={`/platform/people/${person.id}`} fw={500}>
                      {person.username}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{person.displayName}</Table.Td>
                  <Table.Td>{person.email ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {(person.memberships ?? []).map((m) => (
                        <Badge key={m.tenantId} variant="light" size="sm">
                          {m.name ?? m.slug ?? m.tenantId}
                        </Badge>
                      ))}
                      {person.platformRoles?.length ? (
                        <Badge color="grape" size="sm">
                          {t('people.platformAdmin')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
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
      <PageHeader title={t('people.title')} description={t('people.subtitle')} actions={createButton} />
      <TextInput
        mb="md"
        maw={360}
        type="search"
        label={t('common.search')}
        placeholder={t('people.searchPlaceholder')}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setPage(0);
        }}
        data-testid="people-search"
      />
      {body}
      {creating ? <PersonFormModal onClose={() => setCreating(false)} /> : null}
      <Text size="xs" c="dimmed" mt="md">
        {t('people.hint')}
      </Text>
    </>
  );
}
