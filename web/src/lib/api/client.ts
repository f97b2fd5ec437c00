// The one way the app talks to the platform: adds the bearer token, the active tenant and the UI
// language, and turns RFC 9457 problem details into ApiError.
import { startLogin } from '../auth/oidc';
import { getAccessToken } from '../auth/tokens';
import { currentLanguage } from '../i18n/i18n';

export interface FieldError {
  field: string;
  code?: string;
  message: string;
}

export interface ProblemDetail {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  code?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title?: string;
  readonly detail?: string;
  readonly fieldErrors: FieldError[];

  constructor(status: number, problem: ProblemDetail) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? (status === 0 ? 'network' : `http.${status}`);
    this.title = problem.title;
    this.detail = problem.detail;
    this.fieldErrors = Array.isArray(problem.errors)
      ? problem.errors.filter((e) => e && typeof e.field === 'string' && typeof e.message === 'string')
      : [];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Set for tenant-scoped calls: sent as X-Linea-Tenant. */
  tenantId?: string | null;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

export const TENANT_HEADER = 'X-Linea-Tenant';

export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Never settles: used while the browser is on its way to the identity provider. */
function redirectToLogin<T>(): Promise<T> {
  void startLogin(currentLanguage()).catch(() => undefined);
  return new Promise<T>(() => {});
}

/** Sends one request with the token, tenant and language; refused requests become ApiError. */
async function send(path: string, options: RequestOptions, accept: string): Promise<Response | null> {
  const token = getAccessToken();
  if (!token) return null;

  const headers: Record<string, string> = {
    Accept: accept,
    'Accept-Language': currentLanguage(),
    Authorization: `Bearer ${token}`,
  };
  if (options.tenantId) headers[TENANT_HEADER] = options.tenantId;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, {});
  }

  if (response.status === 401) return null;
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  return response;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options, 'application/json, application/problem+json');
  if (!response) return redirectToLogin<T>();
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * A binary resource (a voicemail's audio) with the same token and tenant as every other call:
 * media elements cannot send the bearer token, so the page plays the blob from an object URL.
 */
export async function apiBlob(path: string, options: RequestOptions = {}): Promise<Blob> {
  const response = await send(path, options, '*/*');
  if (!response) return redirectToLogin<Blob>();
  return response.blob();
}

async function readProblem(response: Response): Promise<ProblemDetail> {
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return { status: response.status };
  try {
    return (await response.json()) as ProblemDetail;
  } catch {
    return { status: response.status };
  }
}

/** Lists may come as a bare array or as a page; callers want the items. */
export function asList<T>(response: T[] | Page<T> | null | undefined): T[] {
  if (!response) return [];
  return Array.isArray(response) ? response : (response.items ?? []);
}

export interface UploadOptions {
  tenantId?: string | null;
  /** bytes sent so far and in all, as the browser reports them */
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

function problemOf(xhr: XMLHttpRequest): ProblemDetail {
  const type = xhr.getResponseHeader('Content-Type') ?? '';
  if (!type.includes('json')) return { status: xhr.status };
  try {
    return JSON.parse(xhr.responseText) as ProblemDetail;
  } catch {
    return { status: xhr.status };
  }
}

/**
 * A multipart upload (a client import file) with the same token, tenant and language as `api`, sent
 * with XMLHttpRequest because fetch reports no upload progress. Refusals become ApiError.
 */
export function apiUpload<T>(path: string, body: FormData, options: UploadOptions = {}): Promise<T> {
  const token = getAccessToken();
  if (!token) return redirectToLogin<T>();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    if (options.tenantId) xhr.setRequestHeader(TENANT_HEADER, options.tenantId);
    // no Content-Type: the browser writes the multipart boundary itself
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded, event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 401) {
        void redirectToLogin<T>();
        return;
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(new ApiError(xhr.status, problemOf(xhr)));
        return;
      }
      try {
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
      } catch {
        reject(new ApiError(xhr.status, {}));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, {}));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
