import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '@/lib/api/client';
import { useForm, type Errors } from '@/lib/form';
import { currentLanguage } from '@/lib/i18n/i18n';
import { ENDONYMS, LANGUAGES, type Language } from '@/lib/i18n/languages';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { PageHeader } from '@/lib/ui/PageHeader';
import { EmptyState, ErrorState, FormAlert, LoadingState } from '@/lib/ui/states';
import {
  ARTICLE_STATUSES,
  BODY_MAX,
  TAG_MAX,
  TAGS_MAX,
  TITLE_MAX,
  VISIBILITIES,
  useArticle,
  useCategories,
  useSaveArticle,
  type Article,
  type ArticleInput,
  type ArticleStatus,
  type Visibility,
} from '../api/kb';
import { categoryTree } from '../utils/categories';
import { Markdown } from './Markdown';

interface Values {
  title: string;
  body: string;
  language: Language;
  categoryId: string;
  tags: string;
  visibility: Visibility;
  status: ArticleStatus;
}

export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

/** HD-03: write or edit an article (kb.manage); `/kb/articles/new?translationOf=…` starts a translation. */
export default function ArticleEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params] = useSearchParams();
  const { membership } = useSession();
  const manage = can(membership, 'kb.manage');
  const translationOf = id ? null : params.get('translationOf');
  const article = useArticle(id ?? null);
  const original = useArticle(translationOf);

  if (!manage) return <EmptyState title={t('errors.noAccessTitle')} description={t('errors.noAccess')} />;
  const loading = id ? article : translationOf ? original : null;
  if (loading?.isPending) return <LoadingState />;
  if (loading?.isError)
    return isApiError(loading.error) && loading.error.status === 404 ? (
      <EmptyState title={t('errors.notFoundTitle')} description={t('errors.notFound')} />
    ) : (
      <ErrorState error={loading.error} onRetry={() => void loading.refetch()} />
    );
  return (
    <ArticleEditor
      key={article.data?.id ?? `new-${translationOf ?? ''}`}
      article={id ? (article.data ?? null) : null}
      original={translationOf ? (original.data ?? null) : null}
    />
  );
}

function ArticleEditor({ article, original }: { article: Article | null; original: Article | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const categories = useCategories();
  const save = useSaveArticle();
  const [tab, setTab] = useState<string>('write');
  // a translation starts in a language the group does not have yet, in the original's category
  const taken = new Set([original?.language, ...(original?.translations ?? []).map((tr) => tr.language)]);
  const firstFree = LANGUAGES.find((l) => !taken.has(l)) ?? currentLanguage();
  const form = useForm<Values>(
    {
      title: article?.title ?? '',
      body: article?.body ?? '',
      language: article?.language ?? (original ? firstFree : currentLanguage()),
      categoryId: article?.categoryId ?? original?.categoryId ?? '',
      tags: (article?.tags ?? original?.tags ?? []).join(', '),
      visibility: article?.visibility ?? original?.visibility ?? 'INTERNAL',
      status: article?.status ?? 'DRAFT',
    },
    (v) => {
      const errors: Errors = {};
      const title = v.title.trim();
      if (!title) errors.title = t('validation.required');
      else if (title.length > TITLE_MAX) errors.title = t('validation.maxLength', { max: TITLE_MAX });
      if (v.body.length > BODY_MAX) errors.body = t('validation.maxLength', { max: BODY_MAX });
      const tags = parseTags(v.tags);
      if (tags.length > TAGS_MAX) errors.tags = t('kb.editor.tooManyTags', { max: TAGS_MAX });
      else if (tags.some((tag) => tag.length > TAG_MAX))
        errors.tags = t('kb.editor.tagTooLong', { max: TAG_MAX });
      return errors;
    },
  );
  const translationOf = article ? article.translationOf : (original?.translationOf ?? original?.id ?? null);

  const submit = form.onSubmit((v) => {
    const input: ArticleInput = {
      title: v.title.trim(),
      body: v.body,
      language: v.language,
      translationOf,
      categoryId: v.categoryId || null,
      tags: parseTags(v.tags),
      visibility: v.visibility,
      status: v.status,
      ...(article ? { version: article.version } : {}),
    };
    save.mutate(
      { id: article?.id, input },
      {
        onSuccess: (saved) => {
          notifySuccess(t('kb.saved', { title: saved.title }));
          navigate(`/kb/articles/${saved.id}`);
        },
        onError: (error) => {
          const mapped = form.applyProblem(error, {
            'kb.article.translation-exists': 'language',
            'kb.category.missing': 'categoryId',
          });
          if (!mapped) notifyError(error, t);
          // the body's refusals (raw HTML, script links) are easiest to fix in the writing tab
          if (isApiError(error) && error.fieldErrors.some((e) => e.field === 'body')) setTab('write');
        },
      },
    );
  });

  const cancelTo = article ? `/kb/articles/${article.id}` : original ? `/kb/articles/${original.id}` : '/kb';
  return (
    <>
      <PageHeader
        title={
          article
            ? t('kb.editor.editTitle', { title: article.title })
            : original
              ? t('kb.editor.translateTitle')
              : t('kb.create')
        }
        description={t('kb.editor.subtitle')}
      />
      {original ? (
        <Alert color="blue" mb="md" data-testid="translation-of">
          {t('kb.editor.translationOf', { title: original.title, language: ENDONYMS[original.language] })}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate data-testid="article-form">
        <Stack maw={960}>
          <TextInput label={t('kb.articleTitle')} required data-autofocus {...form.text('title')} />
          <Tabs value={tab} onChange={(next) => setTab(next ?? 'write')}>
            <Tabs.List>
              <Tabs.Tab value="write" data-testid="editor-tab-write">
                {t('kb.editor.write')}
              </Tabs.Tab>
              <Tabs.Tab value="preview" data-testid="editor-tab-preview">
                {t('kb.editor.preview')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="write" pt="sm">
              <Textarea
                label={t('kb.editor.body')}
                description={t('kb.editor.bodyHint')}
                autosize
                minRows={12}
                maxRows={40}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                {...form.text('body')}
              />
            </Tabs.Panel>
            <Tabs.Panel value="preview" pt="sm">
              <Paper withBorder p="lg" mih={200}>
                {form.values.body.trim() ? (
                  <Markdown source={form.values.body} testId="editor-preview" />
                ) : (
                  <Text c="dimmed">{t('kb.noBody')}</Text>
                )}
              </Paper>
              {tab === 'preview' && form.error('body') ? (
                <Text c="red" size="sm" mt={4}>
                  {form.error('body')}
                </Text>
              ) : null}
            </Tabs.Panel>
          </Tabs>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('kb.language')}
              {...form.text('language')}
              data={LANGUAGES.map((l) => ({ value: l, label: ENDONYMS[l] }))}
            />
            <NativeSelect
              label={t('kb.category')}
              {...form.text('categoryId')}
              data={[
                { value: '', label: t('kb.categories.uncategorised') },
                ...categoryTree(categories.data ?? []).map((node) => ({
                  value: node.category.id,
                  label: node.path,
                })),
              ]}
            />
            <NativeSelect
              label={t('kb.visibility')}
              description={t(`kb.visibilityHints.${form.values.visibility}`)}
              {...form.text('visibility')}
              data={VISIBILITIES.map((v) => ({ value: v, label: t(`kb.visibilities.${v}`) }))}
            />
            <NativeSelect
              label={t('common.status')}
              {...form.text('status')}
              data={ARTICLE_STATUSES.map((s) => ({ value: s, label: t(`kb.statuses.${s}`) }))}
            />
          </SimpleGrid>
          <TextInput label={t('kb.tags')} description={t('kb.editor.tagsHint')} {...form.text('tags')} />
          <FormAlert messages={form.formErrors} />
          <Group justify="flex-end">
            <Button variant="default" component={Link} to={cancelTo}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="article-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
