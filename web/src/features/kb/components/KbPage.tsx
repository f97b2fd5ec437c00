import {
  Anchor,
  Button,
  Grid,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '@/lib/format';
import { ENDONYMS, LANGUAGES, type Language } from '@/lib/i18n/languages';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { PageHeader } from '@/lib/ui/PageHeader';
import { Pager } from '@/lib/ui/Pager';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import {
  ARTICLE_STATUSES,
  KB_PAGE_SIZE,
  VISIBILITIES,
  useArticles,
  useCategories,
  type ArticleStatus,
  type Category,
  type Visibility,
} from '../api/kb';
import { categoryTree } from '../utils/categories';
import { CategoriesPanel } from './CategoriesPanel';
import { CategoryTree } from './CategoryTree';
import { FaqPanel } from './FaqPanel';
import { ImportModal } from './ImportModal';
import { ArticleBadges } from './labels';
import { Snippet } from './Snippet';

export const KB_TABS = ['articles', 'faq', 'categories'] as const;
type KbTab = (typeof KB_TABS)[number];
const SEARCH_DEBOUNCE_MS = 300;

/** HD-03, RPT-07: search the knowledge base, browse it by category, see what was needed most. */
export default function KbPage() {
  const { t } = useTranslation();
  const { membership } = useSession();
  const manage = can(membership, 'kb.manage');
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab') as KbTab | null;
  const tab: KbTab =
    requested && KB_TABS.includes(requested) && (requested !== 'categories' || manage)
      ? requested
      : 'articles';
  const [importing, setImporting] = useState(false);
  const categories = useCategories();

  return (
    <>
      <PageHeader
        title={t('kb.title')}
        description={t('kb.subtitle')}
        actions={
          manage ? (
            <>
              <Button variant="default" onClick={() => setImporting(true)} data-testid="kb-import">
                {t('kb.import.open')}
              </Button>
              <Button component={Link} to="/kb/articles/new" data-testid="kb-create">
                {t('kb.create')}
              </Button>
            </>
          ) : null
        }
      />
      <Tabs
        value={tab}
        onChange={(next) =>
          setParams(
            (prev) => {
              const out = new URLSearchParams(prev);
              if (!next || next === 'articles') out.delete('tab');
              else out.set('tab', next);
              return out;
            },
            { replace: true },
          )
        }
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="articles" data-testid="kb-tab-articles">
            {t('kb.tabs.articles')}
          </Tabs.Tab>
          <Tabs.Tab value="faq" data-testid="kb-tab-faq">
            {t('kb.tabs.faq')}
          </Tabs.Tab>
          {manage ? (
            <Tabs.Tab value="categories" data-testid="kb-tab-categories">
              {t('kb.tabs.categories')}
            </Tabs.Tab>
          ) : null}
        </Tabs.List>
        <Tabs.Panel value="articles">
          <ArticleSearch categories={categories.data ?? []} />
        </Tabs.Panel>
        <Tabs.Panel value="faq">
          <FaqPanel />
        </Tabs.Panel>
        {manage ? (
          <Tabs.Panel value="categories">
            {categories.isPending ? (
              <LoadingState />
            ) : categories.isError ? (
              <ErrorState error={categories.error} onRetry={() => void categories.refetch()} />
            ) : (
              <CategoriesPanel categories={categories.data} />
            )}
          </Tabs.Panel>
        ) : null}
      </Tabs>
      {importing ? (
        <ImportModal categories={categories.data ?? []} onClose={() => setImporting(false)} />
      ) : null}
    </>
  );
}

function ArticleSearch({ categories }: { categories: Category[] }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), SEARCH_DEBOUNCE_MS);
  const [language, setLanguage] = useState<Language | ''>('');
  const [categoryId, setCategoryId] = useState('');
  const [visibility, setVisibility] = useState<Visibility | ''>('');
  const [status, setStatus] = useState<ArticleStatus | ''>('');
  const [page, setPage] = useState(0);
  const query = { q: debouncedQ, language, categoryId, visibility, status };
  const articles = useArticles(query, page);
  const paths = new Map(categoryTree(categories).map((node) => [node.category.id, node.path]));
  const filtered = !!(debouncedQ || language || categoryId || visibility || status);

  const reset =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(0);
    };

  const data = articles.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.size || KB_PAGE_SIZE))) : 1;
  let results;
  if (articles.isPending) results = <LoadingState />;
  else if (articles.isError)
    results = <ErrorState error={articles.error} onRetry={() => void articles.refetch()} />;
  else if (!data || data.items.length === 0)
    results = debouncedQ ? (
      <EmptyState
        title={t('common.noResultsTitle')}
        description={t('common.noResults', { query: debouncedQ })}
      />
    ) : filtered ? (
      <EmptyState title={t('kb.noMatchesTitle')} description={t('kb.noMatches')} />
    ) : (
      <EmptyState title={t('kb.emptyTitle')} description={t('kb.empty')} />
    );
  else
    results = (
      <Stack gap="sm">
        <Stack gap="sm" data-testid="kb-results" aria-live="polite">
          {data.items.map((hit) => (
            <Paper key={hit.id} withBorder p="sm" data-testid="kb-hit" data-id={hit.id}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Anchor component={Link} to={`/kb/articles/${hit.id}`} fw={600} data-testid="kb-hit-title">
                  {hit.title}
                </Anchor>
                <ArticleBadges language={hit.language} status={hit.status} visibility={hit.visibility} />
              </Group>
              {hit.snippet ? (
                <Text size="sm" mt={4} data-testid="kb-snippet">
                  <Snippet snippet={hit.snippet} />
                </Text>
              ) : null}
              <Text size="xs" c="dimmed" mt={4}>
                {[
                  hit.categoryId
                    ? (paths.get(hit.categoryId) ?? t('kb.categories.unknown'))
                    : t('kb.categories.uncategorised'),
                  hit.tags.length > 0 ? hit.tags.map((tag) => `#${tag}`).join(' ') : null,
                  t('kb.updatedAt', { time: formatDateTime(hit.updatedAt) }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Paper>
          ))}
        </Stack>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('common.totalItems', { total: data.total })}
          </Text>
          <Pager page={page} totalPages={totalPages} onChange={setPage} />
        </Group>
      </Stack>
    );

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 3 }}>
        <CategoryTree categories={categories} value={categoryId} onChange={reset(setCategoryId)} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <Stack>
          <TextInput
            type="search"
            label={t('common.search')}
            description={t('kb.searchHint')}
            placeholder={t('kb.searchPlaceholder')}
            value={q}
            onChange={(event) => {
              setQ(event.currentTarget.value);
              setPage(0);
            }}
            name="q"
            data-testid="kb-search"
          />
          <Group gap="sm" wrap="wrap">
            <NativeSelect
              label={t('kb.language')}
              name="language"
              value={language}
              onChange={(event) => reset(setLanguage)(event.currentTarget.value as Language | '')}
              data={[
                { value: '', label: t('kb.anyLanguage') },
                ...LANGUAGES.map((l) => ({ value: l, label: ENDONYMS[l] })),
              ]}
            />
            <NativeSelect
              label={t('kb.visibility')}
              name="visibility"
              value={visibility}
              onChange={(event) => reset(setVisibility)(event.currentTarget.value as Visibility | '')}
              data={[
                { value: '', label: t('kb.anyVisibility') },
                ...VISIBILITIES.map((v) => ({ value: v, label: t(`kb.visibilities.${v}`) })),
              ]}
            />
            <NativeSelect
              label={t('common.status')}
              name="status"
              value={status}
              onChange={(event) => reset(setStatus)(event.currentTarget.value as ArticleStatus | '')}
              data={[
                { value: '', label: t('kb.anyStatus') },
                ...ARTICLE_STATUSES.map((s) => ({ value: s, label: t(`kb.statuses.${s}`) })),
              ]}
            />
          </Group>
          {results}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
