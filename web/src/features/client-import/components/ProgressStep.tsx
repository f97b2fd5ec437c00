import { Alert, Button, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../api/clientImport';
import { ImportStatusBadge } from './ImportStatusBadge';

const COUNTERS = ['created', 'updated', 'unchanged', 'rejected'] as const;

export const percent = (part: number, whole: number | null | undefined) =>
  whole && whole > 0 ? Math.min(100, Math.round((part / whole) * 100)) : 0;

/** Step 3: the upload's progress, then the job's, its counters and what to do next. */
export function ProgressStep({
  upload,
  job,
  error,
  downloading,
  onDownload,
  onRetry,
  onAnother,
}: {
  /** bytes sent and in all while the file goes up; null once it is up */
  upload: { loaded: number; total: number } | null;
  job: ImportJob | null;
  /** a refusal that is neither the file's nor the mapping's (the queue is full, the network) */
  error: string | null;
  downloading: boolean;
  onDownload: () => void;
  onRetry: () => void;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const uploaded = upload ? percent(upload.loaded, upload.total) : 100;
  const processed = job ? percent(job.processed, job.total) : 0;

  return (
    <Stack>
      <div>
        <Group justify="space-between" mb={4}>
          <Text size="sm" fw={500} id="import-upload-label">
            {job ? t('clientImport.progress.uploaded') : t('clientImport.progress.uploading')}
          </Text>
          <Text size="sm" c="dimmed" data-testid="import-upload-percent">
            {uploaded}%
          </Text>
        </Group>
        <Progress.Root size="lg">
          <Progress.Section
            value={uploaded}
            aria-labelledby="import-upload-label"
            data-testid="import-upload-progress"
          />
        </Progress.Root>
        {upload && uploaded === 100 && !job && !error ? (
          <Text size="sm" c="dimmed" mt={4}>
            {t('clientImport.progress.checking')}
          </Text>
        ) : null}
      </div>
      {job ? (
        <div>
          <Group justify="space-between" mb={4}>
            <Group gap="xs">
              <Text size="sm" fw={500} id="import-job-label">
                {t('clientImport.progress.rows')}
              </Text>
              <ImportStatusBadge status={job.status} />
            </Group>
            <Text size="sm" c="dimmed" data-testid="import-processed">
              {job.total === null
                ? t('clientImport.progress.processedUnknown', { processed: job.processed })
                : t('clientImport.progress.processed', { processed: job.processed, total: job.total })}
            </Text>
          </Group>
          <Progress.Root size="lg">
            <Progress.Section
              value={job.status === 'DONE' ? 100 : processed}
              color={job.status === 'FAILED' ? 'red' : job.status === 'DONE' ? 'green' : undefined}
              animated={job.status === 'RUNNING' || job.status === 'QUEUED'}
              aria-labelledby="import-job-label"
              data-testid="import-job-progress"
            />
          </Progress.Root>
          <SimpleGrid cols={{ base: 2, sm: 4 }} mt="md" data-testid="import-counters">
            {COUNTERS.map((counter) => (
              <div key={counter}>
                <Text size="xs" c="dimmed">
                  {t(`clientImport.counters.${counter}`)}
                </Text>
                <Text
                  size="xl"
                  fw={700}
                  c={counter === 'rejected' && job.rejected > 0 ? 'red' : undefined}
                  data-testid={`import-counter-${counter}`}
                >
                  {job[counter]}
                </Text>
              </div>
            ))}
          </SimpleGrid>
        </div>
      ) : null}
      {job?.status === 'DONE' ? (
        <Alert color="green" title={t('clientImport.summary.title')} data-testid="import-summary">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {t('clientImport.summary.text', {
                total: job.total ?? job.processed,
                created: job.created,
                updated: job.updated,
                unchanged: job.unchanged,
                rejected: job.rejected,
              })}
            </Text>
            {job.rejected > 0 ? (
              <>
                <Text size="sm">{t('clientImport.summary.rejectedHint')}</Text>
                <Button
                  size="xs"
                  variant="light"
                  onClick={onDownload}
                  loading={downloading}
                  data-testid="import-download-rejected"
                >
                  {t('clientImport.downloadRejected')}
                </Button>
              </>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      {job?.status === 'FAILED' ? (
        <Alert
          color="red"
          role="alert"
          title={t('clientImport.summary.failedTitle')}
          data-testid="import-failed"
        >
          <Text size="sm">{t('clientImport.summary.failed')}</Text>
          {job.failureCode ? (
            <Text size="xs" ff="monospace" mt={4} data-raw-code>
              {job.failureCode}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      {error ? (
        <Alert
          color="red"
          role="alert"
          title={t('clientImport.progress.refused')}
          data-testid="import-upload-error"
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{error}</Text>
            <Button size="xs" variant="light" color="red" onClick={onRetry} data-testid="import-retry">
              {t('common.retry')}
            </Button>
          </Stack>
        </Alert>
      ) : null}
      {job && (job.status === 'DONE' || job.status === 'FAILED') ? (
        <Group>
          <Button onClick={onAnother} data-testid="import-another">
            {t('clientImport.another')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
