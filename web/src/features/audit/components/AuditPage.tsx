import { Badge, Button, Group, Pagination, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { useForm, type Errors } from '@/lib/form';
import { PageHeader } from '@/lib/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import { AUDIT_PAGE_SIZE, useAudit, type AuditEntry, type AuditFilter } from '../api/audit';

const EMPTY: AuditFilter = { type: '', actor: '', from: '', to: '' };

function describe(details: unknown): string {
  if (details === null || details === undefined || details === '') return '';
  if (typeof details === 'string') return details;
  if (typeof details === 'object')
    return Object.entries(details as Record<string, unknown>)
      .map(([key, value]) => `${key}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
      .join(', ');
  return String(details);
}

function outcomeColor(outcome?: string | null): string {
  const value = (outcome ?? '').toUpperCase();
  if (['SUCCESS', 'OK', 'SUCCEEDED'].includes(value)) return 'teal';
  if (['FAILURE', 'FAILED', 'DENIED', 'ERROR'].includes(value)) return 'red';
  return 'gray';
}

/** SEC-03: the tenant's audit log, visible to admins, with filters and paging. */
export default function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>(EMPTY);
  const [page, setPage] = useState(0);
  const audit = useAudit(filter, page);
  const form = useForm<AuditFilter>(EMPTY, (v) => {
    const errors: Errors = {};
    if (v.from && v.to && v.from > v.to) errors.to = t('audit.toBeforeFrom');
    return errors;
  });

  const apply = form.onSubmit((v) => {
    setFilter(v);
    setPage(0);
  });
  const reset = () => {
    form.reset(EMPTY);
    setFilter(EMPTY);
    setPage(0);
  };

  const data = audit.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.size || AUDIT_PAGE_SIZE))) : 1;
  const filtered = Object.values(filter).some(Boolean);

  let body;
  if (audit.isPending) body = <LoadingState />;
  else if (audit.isError) body = <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />;
  else if (!data || data.items.length === 0)
    body = (
      <EmptyState
        title={t('audit.emptyTitle')}
        description={filtered ? t('audit.emptyFiltered') : t('audit.empty')}
      />
    );
  else
    body = (
      <Stack>
        <Table.ScrollContainer minWidth={900}>
          <Table striped data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.occurredAt')}</Table.Th>
                <Table.Th>{t('audit.type')}</Table.Th>
                <Table.Th>{t('audit.outcome')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.sourceIp')}</Table.Th>
                <Table.Th>{t('audit.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((entry: AuditEntry) => {
                const details = describe(entry.details);
                return (
                  <Table.Tr key={entry.id} data-testid="audit-row">
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.occurredAt)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {entry.type}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {entry.outcome ? (
                        <Badge size="sm" variant="light" color={outcomeColor(entry.outcome)}>
                          {entry.outcome}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{entry.actorName ?? entry.actorId ?? '—'}</Table.Td>
                    <Table.Td>
                      <Text size="sm" title={entry.userAgent ?? undefined}>
                        {entry.sourceIp ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" lineClamp={2} title={details}>
                        {details || '—'}
                      </Text>
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
          {totalPages > 1 ? (
            <Pagination
              total={totalPages}
              value={page + 1}
              onChange={(next) => setPage(next - 1)}
              getControlProps={(control) => ({
                'aria-label': control === 'previous' ? t('common.previous') : t('common.next'),
              })}
            />
          ) : null}
        </Group>
      </Stack>
    );

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.subtitle')} />
      <form onSubmit={apply} noValidate data-testid="audit-filters">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="sm">
          <TextInput
            label={t('audit.type')}
            placeholder={t('audit.typePlaceholder')}
            {...form.text('type')}
          />
          <TextInput label={t('audit.actor')} {...form.text('actor')} />
          <TextInput label={t('audit.from')} type="date" {...form.text('from')} />
          <TextInput label={t('audit.to')} type="date" {...form.text('to')} />
        </SimpleGrid>
        <Group mb="md">
          <Button type="submit" data-testid="audit-apply">
            {t('audit.apply')}
          </Button>
          <Button variant="default" onClick={reset}>
            {t('audit.reset')}
          </Button>
        </Group>
      </form>
      {body}
    </>
  );
}
