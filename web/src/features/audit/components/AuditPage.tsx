import {
  Badge,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  type ComboboxItem,
  type ComboboxParsedItem,
  type OptionsFilter,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { useForm, type Errors } from '@/lib/form';
import { PageHeader } from '@/lib/ui/PageHeader';
import { Pager } from '@/lib/ui/Pager';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import { AUDIT_PAGE_SIZE, useAudit, type AuditEntry, type AuditFilter } from '../api/audit';
import { detailLines, eventLabel, eventTypeOptions, isKnownEventType, outcomeLabel } from '../utils/events';

const EMPTY: AuditFilter = { type: '', actor: '', from: '', to: '' };

/** The type filter finds an event by its translated name or by its raw code. */
const filterTypes: OptionsFilter = ({ options, search }) => {
  const query = search.trim().toLowerCase();
  if (!query) return options;
  return options.filter((option: ComboboxParsedItem) => {
    if (!('value' in option)) return false;
    return option.label.toLowerCase().includes(query) || option.value.toLowerCase().includes(query);
  });
};

function TypeOption({ option }: { option: ComboboxItem }) {
  return (
    <Stack gap={0}>
      <Text size="sm">{option.label}</Text>
      <Text size="xs" c="dimmed" ff="monospace" data-raw-code>
        {option.value}
      </Text>
    </Stack>
  );
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
  const typeOptions = eventTypeOptions(t);
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
                const details = detailLines(t, entry.details);
                const detailText = details
                  .map((line) => (line.label ? `${line.label}: ${line.value}` : line.value))
                  .join('\n');
                return (
                  <Table.Tr key={entry.id} data-testid="audit-row">
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.occurredAt)}</Table.Td>
                    <Table.Td>
                      {isKnownEventType(entry.type) ? (
                        <>
                          <Text size="sm" data-testid="audit-type">
                            {eventLabel(t, entry.type)}
                          </Text>
                          <Text
                            size="xs"
                            c="dimmed"
                            ff="monospace"
                            data-testid="audit-type-code"
                            data-raw-code
                          >
                            {entry.type}
                          </Text>
                        </>
                      ) : (
                        <Text size="sm" ff="monospace" data-testid="audit-type" data-raw-code>
                          {entry.type}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {entry.outcome ? (
                        <Badge
                          size="sm"
                          variant="light"
                          color={outcomeColor(entry.outcome)}
                          data-testid="audit-outcome"
                          data-outcome={entry.outcome}
                        >
                          {outcomeLabel(t, entry.outcome)}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{entry.actorName ?? entry.actorId ?? '—'}</Table.Td>
                    <Table.Td>
                      <Text size="sm" title={entry.userAgent ?? undefined}>
                        {entry.sourceIp ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td data-testid="audit-details">
                      {details.length === 0 ? (
                        <Text size="xs">—</Text>
                      ) : (
                        <Stack gap={0} title={detailText} maw={420}>
                          {details.map((line, index) => (
                            <Text key={`${line.key}-${index}`} size="xs" style={{ overflowWrap: 'anywhere' }}>
                              {line.label ? (
                                <Text span size="xs" c="dimmed">
                                  {line.label}:{' '}
                                </Text>
                              ) : null}
                              {line.value}
                            </Text>
                          ))}
                        </Stack>
                      )}
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
      <PageHeader title={t('audit.title')} description={t('audit.subtitle')} />
      <form onSubmit={apply} noValidate data-testid="audit-filters">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="sm">
          <Select
            label={t('audit.type')}
            placeholder={t('audit.typePlaceholder')}
            name="type"
            data={typeOptions}
            value={form.values.type || null}
            onChange={(value) => form.setField('type', value ?? '')}
            searchable
            clearable
            filter={filterTypes}
            nothingFoundMessage={t('audit.noTypeFound')}
            renderOption={({ option }) => <TypeOption option={option} />}
            clearButtonProps={{ 'aria-label': t('audit.clearType') }}
            maxDropdownHeight={320}
            data-testid="audit-type-filter"
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
