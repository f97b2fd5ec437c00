import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '@/lib/api/client';
import { upload } from '@/lib/api/upload';
import type { Language } from '@/lib/i18n/languages';
import { useTenantId } from '@/lib/session/SessionProvider';

/** HD-03: INTERNAL articles are for the tenant's staff; PUBLIC ones may also be shown to customers. */
export const VISIBILITIES = ['INTERNAL', 'PUBLIC'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const ARTICLE_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export interface Category {
  id: string;
  name: string;
  parentId: string | null;
  position: number;
  version: number;
}

export interface Translation {
  id: string;
  language: Language;
  title: string;
  status: ArticleStatus;
}

/** `body` is Markdown without raw HTML. */
export interface Article {
  id: string;
  title: string;
  body: string;
  language: Language;
  translationOf: string | null;
  translations: Translation[];
  categoryId: string | null;
  tags: string[];
  visibility: Visibility;
  status: ArticleStatus;
  revision: number;
  updatedBy: string | null;
  updatedByName: string | null;
  updatedAt: string;
  version: number;
}

/** A search or list result; `rank` and `snippet` only with a query. */
export interface Hit {
  id: string;
  title: string;
  language: Language;
  translationOf: string | null;
  categoryId: string | null;
  tags: string[];
  visibility: Visibility;
  status: ArticleStatus;
  revision: number;
  updatedAt: string;
  rank: number | null;
  /** the body's matching passages, HTML-escaped by the server, with `<mark>` around the hits */
  snippet: string | null;
}

export interface Version {
  articleId: string;
  revision: number;
  title: string;
  body: string | null;
  editedBy: string | null;
  editedByName: string | null;
  editedAt: string;
}

export interface ArticleInput {
  title: string;
  body: string;
  language: Language;
  translationOf: string | null;
  categoryId: string | null;
  tags: string[];
  visibility: Visibility;
  status: ArticleStatus;
  version?: number;
}

export interface FaqEntry {
  articleId: string;
  title: string;
  language: Language;
  categoryId: string | null;
  interactions: number;
}

export interface Faq {
  from: string;
  to: string;
  language: Language | null;
  articles: FaqEntry[];
}

export interface ArticleQuery {
  q: string;
  language: Language | '';
  categoryId: string;
  visibility: Visibility | '';
  status: ArticleStatus | '';
}

export const KB_PAGE_SIZE = 20;
export const TITLE_MAX = 300;
export const BODY_MAX = 500_000;
export const TAGS_MAX = 20;
export const TAG_MAX = 50;
export const CATEGORY_NAME_MAX = 200;
/** `linea.kb.import-max-size`: larger files are refused before they are sent. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_ACCEPT =
  '.pdf,.docx,.html,.htm,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html';

const kbKey = (tenantId: string | null) => ['t', tenantId, 'kb'] as const;
const categoriesKey = (tenantId: string | null) => [...kbKey(tenantId), 'categories'] as const;
const articlesKey = (tenantId: string | null) => [...kbKey(tenantId), 'articles'] as const;
const articleKey = (tenantId: string | null, id: string) => [...articlesKey(tenantId), 'one', id] as const;

export function useCategories() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: categoriesKey(tenantId),
    queryFn: ({ signal }) => api<Category[]>('/api/cc/kb/categories', { tenantId, signal }),
    enabled: !!tenantId,
  });
}

export function useArticles(query: ArticleQuery, page: number) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...articlesKey(tenantId), 'search', { ...query, page }],
    queryFn: ({ signal }) =>
      api<Page<Hit>>('/api/cc/kb/articles', {
        tenantId,
        signal,
        query: { ...query, q: query.q.trim(), page, size: KB_PAGE_SIZE },
      }),
    enabled: !!tenantId,
    placeholderData: keepPreviousData,
  });
}

export function useArticle(id: string | null) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: articleKey(tenantId, id ?? ''),
    queryFn: ({ signal }) => api<Article>(`/api/cc/kb/articles/${id}`, { tenantId, signal }),
    enabled: !!tenantId && !!id,
    retry: false,
  });
}

export function useVersions(id: string) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...articleKey(tenantId, id), 'versions'],
    queryFn: ({ signal }) => api<Version[]>(`/api/cc/kb/articles/${id}/versions`, { tenantId, signal }),
    enabled: !!tenantId,
  });
}

export function useVersion(id: string, revision: number | null) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...articleKey(tenantId, id), 'versions', revision],
    queryFn: ({ signal }) =>
      api<Version>(`/api/cc/kb/articles/${id}/versions/${revision}`, { tenantId, signal }),
    enabled: !!tenantId && revision !== null,
    // a revision never changes
    staleTime: Infinity,
  });
}

export function useFaq(from: string, to: string) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...kbKey(tenantId), 'faq', { from, to }],
    queryFn: ({ signal }) => api<Faq>('/api/cc/kb/faq', { tenantId, signal, query: { from, to } }),
    enabled: !!tenantId,
  });
}

function useKbMutation<V, R>(fn: (tenantId: string | null, variables: V) => Promise<R>) {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => fn(tenantId, variables),
    onSettled: () => queryClient.invalidateQueries({ queryKey: kbKey(tenantId) }),
  });
}

export const useSaveArticle = () =>
  useKbMutation((tenantId, { id, input }: { id?: string; input: ArticleInput }) =>
    id
      ? api<Article>(`/api/cc/kb/articles/${id}`, { method: 'PUT', body: input, tenantId })
      : api<Article>('/api/cc/kb/articles', { method: 'POST', body: input, tenantId }),
  );

export const useDeleteArticle = () =>
  useKbMutation((tenantId, id: string) =>
    api<void>(`/api/cc/kb/articles/${id}`, { method: 'DELETE', tenantId }),
  );

export const useSaveCategory = () =>
  useKbMutation(
    (
      tenantId,
      {
        id,
        input,
      }: {
        id?: string;
        input: { name: string; parentId: string | null; position: number; version?: number };
      },
    ) =>
      id
        ? api<Category>(`/api/cc/kb/categories/${id}`, { method: 'PUT', body: input, tenantId })
        : api<Category>('/api/cc/kb/categories', { method: 'POST', body: input, tenantId }),
  );

export const useDeleteCategory = () =>
  useKbMutation((tenantId, id: string) =>
    api<void>(`/api/cc/kb/categories/${id}`, { method: 'DELETE', tenantId }),
  );

export interface ImportInput {
  file: File;
  language: Language;
  categoryId: string | null;
  visibility: Visibility;
  onProgress: (fraction: number) => void;
  signal?: AbortSignal;
}

/** HD-03: a PDF, DOCX or HTML file becomes a DRAFT article; refusals say why and keep nothing. */
export const useImportDocument = () =>
  useKbMutation((tenantId, { file, language, categoryId, visibility, onProgress, signal }: ImportInput) => {
    const form = new FormData();
    form.append('file', file, file.name);
    form.append('language', language);
    if (categoryId) form.append('categoryId', categoryId);
    form.append('visibility', visibility);
    return upload<Article>('/api/cc/kb/articles/import', form, { tenantId, onProgress, signal });
  });
