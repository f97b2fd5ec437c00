import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CUSTOM_PREFIX,
  DELIMITERS,
  ENCODINGS,
  TARGETS,
  type CustomFieldRef,
  type SavedMapping,
} from '../api/clientImport';
import type { FileKind } from '../utils/importFile';

export interface MappingRow {
  column: string;
  target: string;
  /** CSV: the header and letter the column was read with, and a few of its values */
  header?: string | null;
  letter?: string;
  samples?: string[];
}

export const DELIMITER_NAMES: Record<string, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};

/** Step 2: which column fills which part of the card; saved mappings can be loaded and saved. */
export function MappingStep(props: {
  kind: FileKind;
  fileName: string;
  rows: MappingRow[];
  customFields: CustomFieldRef[];
  delimiter: string;
  encoding: string;
  hasHeader: boolean;
  onDelimiter: (delimiter: string) => void;
  onEncoding: (encoding: string) => void;
  onHasHeader: (hasHeader: boolean) => void;
  onTarget: (index: number, target: string) => void;
  onColumn: (index: number, column: string) => void;
  onAddColumn: () => void;
  onRemoveColumn: (index: number) => void;
  savedMappings: SavedMapping[];
  loadedId: string;
  onLoad: (id: string) => void;
  /** columns of a loaded mapping this file does not have: left out */
  notInFile: string[];
  canSave: boolean;
  onSaveAs: () => void;
  error: string | null;
  errorIndex: number | null;
  onBack: () => void;
  onStart: () => void;
}) {
  const { t } = useTranslation();
  const { kind, rows } = props;
  const targets = [
    { value: '', label: t('clientImport.mapping.skip') },
    ...TARGETS.map((target) => ({
      value: target,
      label:
        target === 'externalId'
          ? t('clientImport.mapping.externalIdTarget')
          : t(`clientImport.targets.${target}`),
    })),
    ...props.customFields.map((field) => ({
      value: `${CUSTOM_PREFIX}${field.key}`,
      label: t('clientImport.mapping.customTarget', { label: field.label }),
    })),
  ];
  // a target kept from a saved mapping for a field that no longer exists stays visible
  const optionsFor = (target: string) =>
    !target || targets.some((o) => o.value === target)
      ? targets
      : [...targets, { value: target, label: target }];

  return (
    <Stack>
      <Text size="sm">{t('clientImport.mapping.intro', { file: props.fileName })}</Text>
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('clientImport.mapping.load')}
          value={props.loadedId}
          onChange={(event) => props.onLoad(event.currentTarget.value)}
          data={[
            {
              value: '',
              label: props.savedMappings.length
                ? t('clientImport.mapping.loadNone')
                : t('clientImport.mapping.noSaved'),
            },
            ...props.savedMappings.map((m) => ({ value: m.id, label: m.name })),
          ]}
          disabled={props.savedMappings.length === 0}
          w={260}
          data-testid="import-saved-mapping"
        />
        {props.canSave ? (
          <Button variant="default" onClick={props.onSaveAs} data-testid="import-save-mapping">
            {t('clientImport.mapping.saveAs')}
          </Button>
        ) : null}
      </Group>
      <Group align="flex-end" wrap="wrap">
        {kind === 'csv' ? (
          <>
            <NativeSelect
              label={t('clientImport.mapping.delimiter')}
              value={props.delimiter}
              onChange={(event) => props.onDelimiter(event.currentTarget.value)}
              data={DELIMITERS.map((d) => ({
                value: d,
                label: t(`clientImport.delimiters.${DELIMITER_NAMES[d]}`),
              }))}
              w={200}
              data-testid="import-delimiter"
            />
            <NativeSelect
              label={t('clientImport.mapping.encoding')}
              value={props.encoding}
              onChange={(event) => props.onEncoding(event.currentTarget.value)}
              data={ENCODINGS.map((e) => ({ value: e, label: e }))}
              w={200}
              data-testid="import-encoding"
            />
          </>
        ) : null}
        <Checkbox
          label={t('clientImport.mapping.hasHeader')}
          checked={props.hasHeader}
          onChange={(event) => props.onHasHeader(event.currentTarget.checked)}
          mb={8}
          data-testid="import-has-header"
        />
      </Group>
      {kind === 'xlsx' ? (
        <Alert color="blue" title={t('clientImport.mapping.xlsxTitle')} data-testid="import-xlsx-note">
          {t('clientImport.mapping.xlsxNote')}
        </Alert>
      ) : null}
      {props.notInFile.length > 0 ? (
        <Alert color="yellow" data-testid="import-not-in-file">
          {t('clientImport.mapping.notInFile', { columns: props.notInFile.join(', ') })}
        </Alert>
      ) : null}
      {kind === 'csv' && rows.length === 0 ? (
        <Alert color="yellow">{t('clientImport.mapping.noColumns')}</Alert>
      ) : null}
      {rows.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="import-mapping-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('clientImport.mapping.column')}</Table.Th>
                {kind === 'csv' ? <Table.Th>{t('clientImport.mapping.samples')}</Table.Th> : null}
                <Table.Th>{t('clientImport.mapping.target')}</Table.Th>
                {kind === 'xlsx' ? <Table.Th>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => {
                const name = row.header ?? row.column;
                const invalid = props.errorIndex === index;
                return (
                  <Table.Tr
                    key={kind === 'csv' ? row.letter : index}
                    data-testid="import-column-row"
                    data-column={row.column}
                  >
                    <Table.Td>
                      {kind === 'csv' ? (
                        <Text size="sm" fw={500}>
                          {row.header ?? t('clientImport.mapping.columnLetter', { letter: row.letter })}
                          {row.header ? (
                            <Text span size="xs" c="dimmed">
                              {' '}
                              ({row.letter})
                            </Text>
                          ) : null}
                        </Text>
                      ) : (
                        <TextInput
                          aria-label={t('clientImport.mapping.columnN', { n: index + 1 })}
                          placeholder={t('clientImport.mapping.columnPlaceholder')}
                          value={row.column}
                          onChange={(event) => props.onColumn(index, event.currentTarget.value)}
                          error={invalid ? true : undefined}
                          autoComplete="off"
                          data-testid={`import-column-${index}`}
                        />
                      )}
                    </Table.Td>
                    {kind === 'csv' ? (
                      <Table.Td>
                        <Text size="sm" c="dimmed" lineClamp={2}>
                          {row.samples && row.samples.length > 0 ? row.samples.join(' · ') : '—'}
                        </Text>
                      </Table.Td>
                    ) : null}
                    <Table.Td>
                      <NativeSelect
                        aria-label={t('clientImport.mapping.targetOf', { column: name || index + 1 })}
                        value={row.target}
                        onChange={(event) => props.onTarget(index, event.currentTarget.value)}
                        data={optionsFor(row.target)}
                        error={invalid ? true : undefined}
                        data-testid={`import-target-${index}`}
                      />
                    </Table.Td>
                    {kind === 'xlsx' ? (
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          onClick={() => props.onRemoveColumn(index)}
                          aria-label={t('clientImport.mapping.removeColumn', { n: index + 1 })}
                          data-testid={`import-remove-column-${index}`}
                        >
                          ×
                        </ActionIcon>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {kind === 'xlsx' ? (
        <Group>
          <Button variant="light" onClick={props.onAddColumn} data-testid="import-add-column">
            {t('clientImport.mapping.addColumn')}
          </Button>
        </Group>
      ) : null}
      {props.error ? (
        <Alert
          color="red"
          role="alert"
          title={t('clientImport.mapping.refused')}
          data-testid="import-mapping-error"
        >
          {props.error}
        </Alert>
      ) : null}
      <Group justify="space-between">
        <Button variant="default" onClick={props.onBack} data-testid="import-back">
          {t('clientImport.back')}
        </Button>
        <Button onClick={props.onStart} data-testid="import-start">
          {t('clientImport.start')}
        </Button>
      </Group>
    </Stack>
  );
}
