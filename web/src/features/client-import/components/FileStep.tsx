import { Alert, Button, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Step 1: a CSV or XLSX file, dropped on the area or chosen with the file dialog (by keyboard too). */
export function FileStep({
  error,
  chosen,
  onFile,
  onNext,
}: {
  /** why the file cannot be used: the browser's check or the server's refusal */
  error: string | null;
  /** the file chosen before (when coming back to this step), kept with its mapping */
  chosen: string | null;
  onFile: (file: File) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const open = () => input.current?.click();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open();
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer?.files?.[0];
    if (file) onFile(file);
  };

  return (
    <Stack>
      <Paper
        withBorder
        p="xl"
        radius="md"
        role="button"
        tabIndex={0}
        aria-describedby="import-file-hint"
        aria-label={t('clientImport.file.drop')}
        onClick={open}
        onKeyDown={onKeyDown}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          cursor: 'pointer',
          textAlign: 'center',
          background: over ? 'var(--mantine-color-blue-light)' : undefined,
        }}
        data-testid="import-dropzone"
      >
        <Stack gap={4} align="center">
          <Text fw={500}>{t('clientImport.file.drop')}</Text>
          <Text size="sm" c="dimmed" id="import-file-hint">
            {t('clientImport.file.hint')}
          </Text>
        </Stack>
      </Paper>
      <VisuallyHidden>
        <label>
          {t('clientImport.file.choose')}
          <input
            ref={input}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            tabIndex={-1}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) onFile(file);
              event.currentTarget.value = '';
            }}
            data-testid="import-file-input"
          />
        </label>
      </VisuallyHidden>
      <Group justify="space-between">
        <Button variant="default" onClick={open} data-testid="import-choose">
          {t('clientImport.file.choose')}
        </Button>
        {chosen ? (
          <Group gap="sm">
            <Text size="sm" c="dimmed" data-testid="import-chosen">
              {t('clientImport.file.chosen', { name: chosen })}
            </Text>
            <Button onClick={onNext} data-testid="import-next">
              {t('clientImport.file.next')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {error ? (
        <Alert
          color="red"
          role="alert"
          title={t('clientImport.file.refused')}
          data-testid="import-file-error"
        >
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}
