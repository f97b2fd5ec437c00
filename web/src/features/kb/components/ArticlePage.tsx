import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '@/lib/api/client';
import { formatDateTime } from '@/lib/format';
import { ENDONYMS } from '@/lib/i18n/languages';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { ConfirmModal } from '@/lib/ui/ConfirmModal';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { PageHeader } from '@/lib/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import {
  useArticle,
  useCategories,
  useDeleteArticle,
  useVersion,
  useVersions,
  type Article,
} from '../api/kb';
import { categoryTree } from '../utils/categories';
import { ArticleBadges } from './labels';
import { Markdown } from './Markdown';

/** HD-03: one article, its translations and its kept revisions. */
export default function ArticlePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const article = useArticle(id);
  if (article.isPending) return <LoadingState />;
  if (article.isError)
    return isApiError(article.error) && article.error.status === 404 ? (
      <EmptyState title={t('errors.notFoundTitle')} description={t('errors.notFound')} />
    ) : (
      <ErrorState error={article.error} onRetry={() => void article.refetch()} />
    );
  return <ArticleView key={article.data.id} article={article.data} />;
}

function ArticleView({ article }: { article: Article }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { membership } = useSession();
  const manage = can(membership, 'kb.manage');
  const categories = useCategories();
  const remove = useDeleteArticle();
  const [deleting, setDeleting] = useState(false);
  const category = article.categoryId
    ? categoryTree(categories.data ?? []).find((node) => node.category.id === article.categoryId)
    : undefined;
  // the group's languages, this one included, in a stable order
  const group = [
    { id: article.id, language: article.language, title: article.title, status: article.status },
    ...article.translations,
  ].sort((a, b) => a.language.localeCompare(b.language));
  const missingLanguages = group.length < 7;
  const original = article.translationOf ?? article.id;

  const confirmDelete = () =>
    remove.mutate(article.id, {
      onSuccess: () => {
        notifySuccess(t('kb.deleted', { title: article.title }));
        navigate('/kb', { replace: true });
      },
      onError: (error) => {
        setDeleting(false);
        notifyError(error, t);
      },
    });

  return (
    <>
      <PageHeader
        title={article.title}
        description={t('kb.revisionBy', {
          revision: article.revision,
          name: article.updatedByName ?? t('kb.someone'),
          time: formatDateTime(article.updatedAt),
        })}
        actions={
          <>
            <Button component={Link} to="/kb" variant="default" data-testid="article-back">
              {t('kb.back')}
            </Button>
            {manage ? (
              <>
                {missingLanguages ? (
                  <Button
                    component={Link}
                    to={`/kb/articles/new?translationOf=${original}`}
                    variant="light"
                    data-testid="article-translate"
                  >
                    {t('kb.translate')}
                  </Button>
                ) : null}
                <Button component={Link} to={`/kb/articles/${article.id}/edit`} data-testid="article-edit">
                  {t('common.edit')}
                </Button>
                <Button
                  color="red"
                  variant="light"
                  onClick={() => setDeleting(true)}
                  data-testid="article-delete"
                >
                  {t('common.delete')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Stack gap="xs" mb="md">
        <ArticleBadges language={article.language} status={article.status} visibility={article.visibility} />
        <Text size="sm" c="dimmed">
          {[
            category ? category.path : t('kb.categories.uncategorised'),
            article.tags.length > 0 ? article.tags.map((tag) => `#${tag}`).join(' ') : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {group.length > 1 ? (
          <Group
            gap="xs"
            data-testid="article-translations"
            role="navigation"
            aria-label={t('kb.translations')}
          >
            <Text size="sm" c="dimmed">
              {t('kb.translations')}
            </Text>
            {group.map((member) =>
              member.id === article.id ? (
                <Badge key={member.id} size="lg" variant="filled" tt="none" aria-current="page">
                  {ENDONYMS[member.language]}
                </Badge>
              ) : (
                <Button
                  key={member.id}
                  component={Link}
                  to={`/kb/articles/${member.id}`}
                  size="compact-sm"
                  variant="light"
                  title={member.title}
                  data-testid="translation-link"
                >
                  {ENDONYMS[member.language]}
                </Button>
              ),
            )}
          </Group>
        ) : null}
      </Stack>
      <Tabs defaultValue="article" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="article" data-testid="article-tab-body">
            {t('kb.tabs.article')}
          </Tabs.Tab>
          <Tabs.Tab value="versions" data-testid="article-tab-versions">
            {t('kb.tabs.versions')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="article">
          <Paper withBorder p="lg" maw={880}>
            {article.body.trim() ? (
              <Markdown source={article.body} testId="article-body" />
            ) : (
              <Text c="dimmed">{t('kb.noBody')}</Text>
            )}
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="versions">
          <Versions article={article} />
        </Tabs.Panel>
      </Tabs>
      <ConfirmModal
        opened={deleting}
        title={t('kb.deleteTitle')}
        message={t('kb.deleteConfirm', { title: article.title })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(false)}
      />
    </>
  );
}

/** Revisions newest first; any one can be read as it was. */
function Versions({ article }: { article: Article }) {
  const { t } = useTranslation();
  const versions = useVersions(article.id);
  const [viewing, setViewing] = useState<number | null>(null);
  if (versions.isPending) return <LoadingState />;
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;
  if (versions.data.length === 0)
    return <EmptyState title={t('kb.versions.emptyTitle')} description={t('kb.versions.empty')} />;
  return (
    <>
      <Table striped maw={880} data-testid="versions-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('kb.versions.revision')}</Table.Th>
            <Table.Th>{t('kb.articleTitle')}</Table.Th>
            <Table.Th>{t('kb.versions.editedBy')}</Table.Th>
            <Table.Th>{t('kb.versions.editedAt')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.data.map((version) => (
            <Table.Tr key={version.revision} data-testid="version-row" data-revision={version.revision}>
              <Table.Td>
                {version.revision}
                {version.revision === article.revision ? (
                  <Badge ml="xs" size="xs" variant="light">
                    {t('kb.versions.current')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>{version.title}</Table.Td>
              <Table.Td>{version.editedByName ?? t('kb.someone')}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(version.editedAt)}</Table.Td>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => setViewing(version.revision)}
                  aria-label={t('kb.versions.viewOf', { revision: version.revision })}
                  data-testid="version-view"
                >
                  {t('kb.versions.view')}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {viewing !== null ? (
        <VersionModal articleId={article.id} revision={viewing} onClose={() => setViewing(null)} />
      ) : null}
    </>
  );
}

function VersionModal({
  articleId,
  revision,
  onClose,
}: {
  articleId: string;
  revision: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const version = useVersion(articleId, revision);
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('kb.versions.viewerTitle', { revision })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {version.isPending ? (
        <LoadingState />
      ) : version.isError ? (
        <ErrorState error={version.error} onRetry={() => void version.refetch()} />
      ) : (
        <Stack data-testid="version-viewer">
          <Title order={3}>{version.data.title}</Title>
          <Text size="xs" c="dimmed">
            {t('kb.versions.editedByAt', {
              name: version.data.editedByName ?? t('kb.someone'),
              time: formatDateTime(version.data.editedAt),
            })}
          </Text>
          <Markdown source={version.data.body ?? ''} testId="version-body" />
        </Stack>
      )}
    </Modal>
  );
}
