// File uploads with progress: fetch cannot report how much of a request body has gone out, so
// multipart uploads go through XMLHttpRequest, with the same token, tenant and language as api().
import { startLogin } from '../auth/oidc';
import { getAccessToken } from '../auth/tokens';
import { currentLanguage } from '../i18n/i18n';
import { ApiError, TENANT_HEADER, withQuery, type ProblemDetail } from './client';

export interface UploadOptions {
  tenantId?: string | null;
  query?: Record<string, string | number | boolean | null | undefined>;
  /** 0–1 of the request body sent; not called when the browser cannot tell the total */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** POSTs a multipart form and resolves with the JSON answer; refusals become ApiError. */
export function upload<T>(path: string, form: FormData, options: UploadOptions = {}): Promise<T> {
  const token = getAccessToken();
  if (!token) {
    void startLogin(currentLanguage()).catch(() => undefined);
    return new Promise<T>(() => {});
  }
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(path, options.query));
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    if (options.tenantId) xhr.setRequestHeader(TENANT_HEADER, options.tenantId);
    // no Content-Type: the browser sets multipart/form-data with its boundary
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 401) {
        void startLogin(currentLanguage()).catch(() => undefined);
        return;
      }
      const text = xhr.responseText ?? '';
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.(1);
        try {
          resolve((text ? JSON.parse(text) : undefined) as T);
        } catch {
          reject(new ApiError(xhr.status, {}));
        }
        return;
      }
      reject(new ApiError(xhr.status, readProblem(xhr.getResponseHeader('Content-Type'), text, xhr.status)));
    };
    xhr.onerror = () => reject(new ApiError(0, {}));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

function readProblem(type: string | null, text: string, status: number): ProblemDetail {
  if (!type?.includes('json')) return { status };
  try {
    return JSON.parse(text) as ProblemDetail;
  } catch {
    return { status };
  }
}
