import { Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { asList } from '@/lib/api/client';
import { formatDateTime } from '@/lib/format';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import { useImports, type ImportJob } from '../api/clientImport';
import { ImportStatusBadge } from './ImportStatusBadge';

const reportAvailable = (job: ImportJob, now: number) =>
  job.rejected > 0 &&
  job.status === 'DONE' &&
  (!job.reportExpiresAt || new Date(job.reportExpiresAt).getTime() > now);

/** The tenant's latest imports with their status and counters. */
export function RecentImports({
  downloading,
  onDownload,
}: {
  downloading: string | null;
  onDownload: (job: ImportJob) => void;
}) {
  const { t } = useTranslation();
  const imports = useImports();
  const items = asList(imports.data);
  // whether a report is still kept, as of the list's own time (the server deletes it after 7 days)
  const now = imports.dataUpdatedAt;

  let body;
  if (imports.isPending) body = <LoadingState />;
  else if (imports.isError)
    body = <ErrorState error={imports.error} onRetry={() => void imports.refetch()} />;
  else if (items.length === 0)
    body = (
      <EmptyState title={t('clientImport.recent.emptyTitle')} description={t('clientImport.recent.empty')} />
    );
  else
    body = (
      <Table.ScrollContainer minWidth={860}>
        <Table striped data-testid="imports-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('clientImport.recent.file')}</Table.Th>
              <Table.Th>{t('clientImport.recent.startedAt')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
              <Table.Th>{t('clientImport.recent.rows')}</Table.Th>
              <Table.Th>{t('clientImport.counters.created')}</Table.Th>
              <Table.Th>{t('clientImport.counters.updated')}</Table.Th>
              <Table.Th>{t('clientImport.counters.unchanged')}</Table.Th>
              <Table.Th>{t('clientImport.counters.rejected')}</Table.Th>
              <Table.Th>{t('clientImport.recent.report')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((job) => (
              <Table.Tr key={job.id} data-testid="import-row" data-id={job.id}>
                <Table.Td fw={500}>{job.fileName || '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(job.createdAt)}</Table.Td>
                <Table.Td>
                  <ImportStatusBadge status={job.status} />
                </Table.Td>
                <Table.Td>
                  {job.total === null
                    ? job.processed
                    : t('clientImport.progress.processed', { processed: job.processed, total: job.total })}
                </Table.Td>
                <Table.Td>{job.created}</Table.Td>
                <Table.Td>{job.updated}</Table.Td>
                <Table.Td>{job.unchanged}</Table.Td>
                <Table.Td>{job.rejected}</Table.Td>
                <Table.Td>
                  {reportAvailable(job, now) ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      loading={downloading === job.id}
                      onClick={() => onDownload(job)}
                      aria-label={t('clientImport.recent.downloadOf', { file: job.fileName ?? job.id })}
                      data-testid="import-row-download"
                    >
                      {t('clientImport.recent.download')}
                    </Button>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );

  return (
    <Card withBorder mt="xl" data-testid="recent-imports">
      <Stack gap="sm">
        <div>
          <Title order={3}>{t('clientImport.recent.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('clientImport.recent.subtitle')}
          </Text>
        </div>
        {body}
      </Stack>
    </Card>
  );
}
