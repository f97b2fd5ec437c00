import { Alert, Button, Group, Input, Modal, NativeSelect, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { currentLanguage } from '@/lib/i18n/i18n';
import { ENDONYMS, LANGUAGES, type Language } from '@/lib/i18n/languages';
import { errorMessage, notifySuccess } from '@/lib/ui/notify';
import {
  IMPORT_ACCEPT,
  IMPORT_MAX_BYTES,
  VISIBILITIES,
  useImportDocument,
  type Category,
  type Visibility,
} from '../api/kb';
import { categoryTree } from '../utils/categories';

/**
 * HD-03: turns a PDF, DOCX or HTML file into a DRAFT article, with the upload's progress. The
 * server checks the content, not the name; its refusal is shown here, and nothing is kept.
 */
export function ImportModal({ categories, onClose }: { categories: Category[]; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const importDocument = useImportDocument();
  const [file, setFile] = useState<File | null>(null);
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const [categoryId, setCategoryId] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('INTERNAL');
  const [progress, setProgress] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const aborter = useRef<AbortController | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  // closing the dialog stops an upload under way
  useEffect(() => () => aborter.current?.abort(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    if (!file) {
      setFileError(t('kb.import.chooseFile'));
      fileInput.current?.focus();
      return;
    }
    if (file.size > IMPORT_MAX_BYTES) {
      setFileError(t('kb.import.tooLarge', { max: IMPORT_MAX_BYTES / (1024 * 1024) }));
      return;
    }
    const controller = new AbortController();
    aborter.current = controller;
    setProgress(0);
    importDocument.mutate(
      {
        file,
        language,
        categoryId: categoryId || null,
        visibility,
        onProgress: setProgress,
        signal: controller.signal,
      },
      {
        onSuccess: (article) => {
          notifySuccess(t('kb.import.done', { title: article.title }));
          onClose();
          // an import is a draft: review it before publishing
          navigate(`/kb/articles/${article.id}/edit`);
        },
        onError: (error) => {
          if (controller.signal.aborted) return;
          setProgress(null);
          setRefusal(errorMessage(error, t));
        },
      },
    );
  };

  const uploading = importDocument.isPending;
  const percent = Math.round((progress ?? 0) * 100);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('kb.import.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="import-form">
        <Stack>
          <Text size="sm" c="dimmed">
            {t('kb.import.hint', { max: IMPORT_MAX_BYTES / (1024 * 1024) })}
          </Text>
          <Input.Wrapper label={t('kb.import.file')} required error={fileError} id="kb-import-file">
            <input
              ref={fileInput}
              id="kb-import-file"
              type="file"
              name="file"
              accept={IMPORT_ACCEPT}
              disabled={uploading}
              aria-label={t('kb.import.file')}
              aria-invalid={fileError ? true : undefined}
              data-testid="import-file"
              style={{ display: 'block', marginTop: 4 }}
              onChange={(event) => {
                setFile(event.currentTarget.files?.[0] ?? null);
                setFileError(null);
                setRefusal(null);
              }}
            />
          </Input.Wrapper>
          <NativeSelect
            label={t('kb.language')}
            name="language"
            value={language}
            disabled={uploading}
            onChange={(event) => setLanguage(event.currentTarget.value as Language)}
            data={LANGUAGES.map((l) => ({ value: l, label: ENDONYMS[l] }))}
          />
          <NativeSelect
            label={t('kb.category')}
            name="categoryId"
            value={categoryId}
            disabled={uploading}
            onChange={(event) => setCategoryId(event.currentTarget.value)}
            data={[
              { value: '', label: t('kb.categories.uncategorised') },
              ...categoryTree(categories).map((node) => ({ value: node.category.id, label: node.path })),
            ]}
          />
          <NativeSelect
            label={t('kb.visibility')}
            name="visibility"
            value={visibility}
            disabled={uploading}
            onChange={(event) => setVisibility(event.currentTarget.value as Visibility)}
            data={VISIBILITIES.map((v) => ({ value: v, label: t(`kb.visibilities.${v}`) }))}
          />
          {progress !== null ? (
            <Stack gap={4} data-testid="import-progress">
              <Progress
                value={percent}
                size="lg"
                striped
                animated={uploading && percent < 100}
                aria-label={t('kb.import.progress')}
              />
              <Text size="xs" c="dimmed" data-testid="import-progress-text">
                {percent < 100 ? t('kb.import.uploading', { percent }) : t('kb.import.reading')}
              </Text>
            </Stack>
          ) : null}
          {refusal ? (
            <Alert color="red" role="alert" title={t('kb.import.refusedTitle')} data-testid="import-refused">
              {refusal}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={uploading} data-testid="import-submit">
              {t('kb.import.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
