import { Button, Card, Stepper } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '@/lib/api/client';
import { saveBlob } from '@/lib/download';
import { useSession, useTenantId } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { errorMessage, notifyError } from '@/lib/ui/notify';
import { PageHeader } from '@/lib/ui/PageHeader';
import { EmptyState } from '@/lib/ui/states';
import {
  EXTERNAL_ID,
  fetchRejectedReport,
  isFinal,
  useCustomFields,
  useImportJob,
  useSavedMappings,
  useStartImport,
  type ImportJob,
} from '../api/clientImport';
import {
  csvColumns,
  detectDelimiter,
  fileKind,
  HEAD_BYTES,
  mappingProblems,
  parseCsvHead,
  readHead,
  sameColumn,
  SAMPLE_ROWS,
  toMapping,
  type CsvColumn,
  type FileKind,
} from '../utils/importFile';
import { FileStep } from './FileStep';
import { MappingStep, type MappingRow } from './MappingStep';
import { ProgressStep } from './ProgressStep';
import { RecentImports } from './RecentImports';
import { SaveMappingModal } from './SaveMappingModal';

type Step = 0 | 1 | 2;

/** The server's refusal in words: its detail and the messages of its field errors. */
function refusalMessage(error: unknown, t: TFunction): string {
  const messages = [errorMessage(error, t)];
  if (isApiError(error)) for (const field of error.fieldErrors) messages.push(field.message);
  return [...new Set(messages)].join(' ');
}

/** Which step a refusal belongs to: the mapping's, the file's, or the upload's own (busy, network). */
function refusalStep(error: unknown): Step {
  if (!isApiError(error)) return 2;
  if (
    // the mapping step holds the columns, the delimiter and the encoding
    error.code.startsWith('client-import.mapping') ||
    error.code.startsWith('client-import.encoding') ||
    error.fieldErrors.some((f) => f.field.startsWith('mapping'))
  )
    return 1;
  if (error.status === 400 || error.status === 413) return 0;
  return 2;
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/** The column of the file a mapping key names: by its header, else by its letter. */
function matches(key: string, column: CsvColumn): boolean {
  return (!!column.header && sameColumn(key, column.header)) || sameColumn(key, column.letter);
}

/** CRM-05: load or sync the client list from a CSV or Excel file, in three steps (clients.manage). */
export default function ClientImportPage() {
  const { t } = useTranslation();
  const { membership } = useSession();
  if (!can(membership, 'clients.manage'))
    return <EmptyState title={t('errors.noAccessTitle')} description={t('errors.noAccess')} />;
  return <ImportWizard />;
}

function ImportWizard() {
  const { t } = useTranslation();
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  const { membership } = useSession();
  const canSaveMapping = can(membership, 'integrations.manage');
  const customFields = useCustomFields();
  const savedMappings = useSavedMappings();
  const startImport = useStartImport();

  const [step, setStep] = useState<Step>(0);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<FileKind | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [head, setHead] = useState('');
  const [complete, setComplete] = useState(true);
  const [delimiter, setDelimiter] = useState(',');
  const [encoding, setEncoding] = useState('UTF-8');
  const [hasHeader, setHasHeader] = useState(true);
  const [columnsMap, setColumnsMap] = useState<Record<string, string>>({});
  const [xlsxRows, setXlsxRows] = useState<MappingRow[]>([]);
  const [loadedId, setLoadedId] = useState('');
  const [mappingError, setMappingError] = useState<{ message: string; index: number | null } | null>(null);
  const [upload, setUpload] = useState<{ loaded: number; total: number } | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [savingMapping, setSavingMapping] = useState(false);
  const [downloading, setDownloading] = useState<string | null>(null);
  const aborter = useRef<AbortController | null>(null);
  const job = useImportJob(jobId);

  // an upload under way when the page goes away is cancelled
  useEffect(() => () => aborter.current?.abort(), []);

  // the list shows the finished job's final counters
  const finished = isFinal(job.data);
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: ['t', tenantId, 'client-imports', 'list'] });
  }, [finished, queryClient, tenantId]);

  const columns = useMemo(
    () =>
      kind === 'csv' ? csvColumns(parseCsvHead(head, delimiter, SAMPLE_ROWS + 1, complete), hasHeader) : [],
    [kind, head, delimiter, complete, hasHeader],
  );
  const csvRows: MappingRow[] = columns.map((column) => ({
    column: column.name,
    header: column.header,
    letter: column.letter,
    samples: column.samples,
    target: Object.entries(columnsMap).find(([key]) => matches(key, column))?.[1] ?? '',
  }));
  const rows = kind === 'csv' ? csvRows : xlsxRows;
  const notInFile =
    kind === 'csv' && columns.length > 0
      ? Object.keys(columnsMap).filter((key) => !columns.some((column) => matches(key, column)))
      : [];
  const mapping = toMapping(rows, { kind: kind ?? 'csv', hasHeader, delimiter, encoding });
  const loaded = savedMappings.data?.find((m) => m.id === loadedId) ?? null;

  const readCsv = async (chosen: File, withEncoding: string, detect: boolean) => {
    const text = await readHead(chosen, withEncoding);
    setHead(text);
    setComplete(chosen.size <= HEAD_BYTES);
    if (detect) setDelimiter(detectDelimiter(text.startsWith('\uFEFF') ? text.slice(1) : text));
  };

  const setNotLoaded = () => {
    setLoadedId('');
    setColumnsMap({});
  };

  const chooseFile = async (chosen: File) => {
    const chosenKind = fileKind(chosen.name);
    setMappingError(null);
    if (!chosenKind) {
      setFileError(t('clientImport.file.wrongType', { name: chosen.name }));
      return;
    }
    setFileError(null);
    setFile(chosen);
    setKind(chosenKind);
    setHead('');
    setNotLoaded();
    setXlsxRows([{ column: '', target: EXTERNAL_ID }]);
    if (chosenKind === 'csv') {
      try {
        await readCsv(chosen, encoding, true);
      } catch {
        setFileError(t('clientImport.file.unreadable'));
        return;
      }
    }
    setStep(1);
  };

  const changeEncoding = (next: string) => {
    setEncoding(next);
    if (file && kind === 'csv') void readCsv(file, next, false).catch(() => undefined);
  };

  const changeTarget = (index: number, target: string) => {
    setMappingError(null);
    if (kind === 'xlsx') {
      setXlsxRows((prev) => prev.map((row, i) => (i === index ? { ...row, target } : row)));
      return;
    }
    const column = columns[index];
    if (!column) return;
    setColumnsMap((prev) => {
      const next = Object.fromEntries(Object.entries(prev).filter(([key]) => !matches(key, column)));
      if (target) next[column.name] = target;
      return next;
    });
  };

  const load = (id: string) => {
    setLoadedId(id);
    setMappingError(null);
    const chosen = savedMappings.data?.find((m) => m.id === id);
    if (!chosen) return;
    const saved = chosen.mapping;
    if (typeof saved.hasHeader === 'boolean') setHasHeader(saved.hasHeader);
    if (kind === 'csv') {
      if (saved.delimiter) setDelimiter(saved.delimiter);
      const savedEncoding = saved.encoding || 'UTF-8';
      if (savedEncoding !== encoding) changeEncoding(savedEncoding);
      setColumnsMap({ ...saved.columns });
    } else {
      setXlsxRows(Object.entries(saved.columns).map(([column, target]) => ({ column, target })));
    }
  };

  const send = () => {
    if (!file) return;
    const controller = new AbortController();
    aborter.current = controller;
    setStep(2);
    setUploadError(null);
    setJobId(null);
    setUpload({ loaded: 0, total: file.size });
    startImport.mutate(
      {
        file,
        mapping,
        signal: controller.signal,
        onProgress: (loadedBytes, total) => setUpload({ loaded: loadedBytes, total }),
      },
      {
        onSuccess: (started) => {
          setUpload(null);
          setJobId(started.id);
        },
        onError: (error) => {
          if (isAbort(error)) return;
          const message = refusalMessage(error, t);
          const where = refusalStep(error);
          setUpload(null);
          if (where === 1) setMappingError({ message, index: null });
          else if (where === 0) setFileError(message);
          else setUploadError(message);
          setStep(where);
        },
      },
    );
  };

  const start = () => {
    const { problem, index } = mappingProblems(rows);
    if (problem) {
      setMappingError({ message: t(`clientImport.problems.${problem}`), index });
      return;
    }
    setMappingError(null);
    send();
  };

  const another = () => {
    setStep(0);
    setFile(null);
    setKind(null);
    setHead('');
    setFileError(null);
    setUploadError(null);
    setMappingError(null);
    setUpload(null);
    setJobId(null);
    setNotLoaded();
    setHasHeader(true);
    setEncoding('UTF-8');
    setDelimiter(',');
    startImport.reset();
  };

  const download = async (target: Pick<ImportJob, 'id'>) => {
    setDownloading(target.id);
    try {
      saveBlob(await fetchRejectedReport(tenantId, target.id), `rejected-${target.id}.csv`);
    } catch (error) {
      notifyError(error, t);
    } finally {
      setDownloading(null);
    }
  };

  let content;
  if (step === 0)
    content = (
      <FileStep
        error={fileError}
        chosen={file && kind ? file.name : null}
        onFile={(chosen) => void chooseFile(chosen)}
        onNext={() => setStep(1)}
      />
    );
  else if (step === 1 && file && kind)
    content = (
      <MappingStep
        kind={kind}
        fileName={file.name}
        rows={rows}
        customFields={customFields.data ?? []}
        delimiter={delimiter}
        encoding={encoding}
        hasHeader={hasHeader}
        onDelimiter={setDelimiter}
        onEncoding={changeEncoding}
        onHasHeader={setHasHeader}
        onTarget={changeTarget}
        onColumn={(index, column) => {
          setMappingError(null);
          setXlsxRows((prev) => prev.map((row, i) => (i === index ? { ...row, column } : row)));
        }}
        onAddColumn={() => setXlsxRows((prev) => [...prev, { column: '', target: '' }])}
        onRemoveColumn={(index) => setXlsxRows((prev) => prev.filter((_, i) => i !== index))}
        savedMappings={savedMappings.data ?? []}
        loadedId={loadedId}
        onLoad={load}
        notInFile={notInFile}
        canSave={canSaveMapping}
        onSaveAs={() => setSavingMapping(true)}
        error={mappingError?.message ?? null}
        errorIndex={mappingError?.index ?? null}
        onBack={() => setStep(0)}
        onStart={start}
      />
    );
  else
    content = (
      <ProgressStep
        upload={upload}
        job={job.data ?? null}
        error={uploadError}
        downloading={!!jobId && downloading === jobId}
        onDownload={() => jobId && void download({ id: jobId })}
        onRetry={send}
        onAnother={another}
      />
    );

  return (
    <>
      <PageHeader
        title={t('clientImport.title')}
        description={t('clientImport.subtitle')}
        actions={
          <Button component={Link} to="/clients" variant="default" data-testid="import-to-clients">
            {t('clientImport.toClients')}
          </Button>
        }
      />
      <Card withBorder>
        <Stepper active={step} mb="lg" size="sm">
          <Stepper.Step label={t('clientImport.steps.file')} description={t('clientImport.steps.fileText')} />
          <Stepper.Step
            label={t('clientImport.steps.mapping')}
            description={t('clientImport.steps.mappingText')}
          />
          <Stepper.Step
            label={t('clientImport.steps.import')}
            description={t('clientImport.steps.importText')}
          />
        </Stepper>
        <div data-testid={`import-step-${step}`}>{content}</div>
      </Card>
      <RecentImports downloading={downloading} onDownload={(chosen) => void download(chosen)} />
      {savingMapping ? (
        <SaveMappingModal
          mapping={mapping}
          loaded={loaded}
          existing={savedMappings.data ?? []}
          onSaved={(saved) => setLoadedId(saved.id)}
          onClose={() => setSavingMapping(false)}
        />
      ) : null}
    </>
  );
}
