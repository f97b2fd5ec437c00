import { describe, expect, it, vi } from 'vitest';
import { mockApi, signIn } from '@/test/render';
import { initTestI18n } from '@/test/i18n';
import { mockXhr } from '@/test/xhr';
import { api, apiBlob, ApiError, apiUpload } from './client';

describe('API client', () => {
  it('sends the bearer token, the tenant (TEN-03) and the UI language (I18N-01)', async () => {
    signIn();
    await initTestI18n('ro');
    const mock = mockApi({ 'GET /api/cc/queues': [] });
    await api('/api/cc/queues', { tenantId: 't-1', query: { page: 0, query: '' } });
    const call = mock.calls[0]!;
    expect(call.headers.Authorization).toBe('Bearer test-token');
    expect(call.headers['X-Linea-Tenant']).toBe('t-1');
    expect(call.headers['Accept-Language']).toBe('ro');
    expect(call.search.toString()).toBe('page=0');
  });

  it('sends no tenant header on personal calls', async () => {
    signIn();
    const mock = mockApi({ 'GET /api/identity/me': {} });
    await api('/api/identity/me');
    expect(mock.calls[0]?.headers['X-Linea-Tenant']).toBeUndefined();
  });

  it('turns an RFC 9457 problem into ApiError with field errors', async () => {
    signIn();
    mockApi({
      'POST /api/cc/queues': {
        status: 409,
        body: {
          status: 409,
          code: 'queue.name-taken',
          detail: 'Name taken',
          errors: [{ field: 'name', message: 'Taken' }],
        },
      },
    });
    const error = (await api('/api/cc/queues', { method: 'POST', body: {} }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(409);
    expect(error.code).toBe('queue.name-taken');
    expect(error.detail).toBe('Name taken');
    expect(error.fieldErrors).toEqual([{ field: 'name', message: 'Taken' }]);
  });

  it('restarts the authorize redirect on 401 instead of failing', async () => {
    signIn();
    mockApi({ 'GET /api/identity/me': { status: 401, body: {} } });
    const assign = vi.fn();
    vi.stubGlobal('location', {
      ...window.location,
      assign,
      origin: 'http://localhost:3000',
      pathname: '/queues',
      search: '',
      hash: '',
    });
    const result = api('/api/identity/me');
    await vi.waitFor(() => expect(assign).toHaveBeenCalled());
    expect(String(assign.mock.calls[0]?.[0])).toMatch(/^\/oauth2\/authorize\?/);
    let settled = false;
    void result.then(
      () => (settled = true),
      () => (settled = true),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
  });

  it('redirects to sign in when the token has expired', async () => {
    sessionStorage.setItem('linea.tokens', JSON.stringify({ accessToken: 'old', expiresAt: Date.now() - 1 }));
    const mock = mockApi({});
    const assign = vi.fn();
    vi.stubGlobal('location', {
      ...window.location,
      assign,
      origin: 'http://localhost:3000',
      pathname: '/',
      search: '',
      hash: '',
    });
    void api('/api/identity/me');
    await vi.waitFor(() => expect(assign).toHaveBeenCalled());
    expect(mock.calls).toHaveLength(0);
  });

  it('fetches binary content with the same token and tenant, and problems as ApiError (IVR-09)', async () => {
    signIn();
    const mock = mockApi({
      'GET /api/cc/voicemails/vm-1/audio': {
        status: 200,
        body: new Blob(['RIFF'], { type: 'audio/wav' }),
        contentType: 'audio/wav',
      },
      'GET /api/cc/voicemails/vm-2/audio': { status: 403, body: { status: 403, code: 'forbidden' } },
    });
    const blob = await apiBlob('/api/cc/voicemails/vm-1/audio', { tenantId: 't-1' });
    expect(blob.type).toBe('audio/wav');
    expect(await blob.text()).toBe('RIFF');
    expect(mock.calls[0]!.headers.Authorization).toBe('Bearer test-token');
    expect(mock.calls[0]!.headers['X-Linea-Tenant']).toBe('t-1');
    const error = await apiBlob('/api/cc/voicemails/vm-2/audio', { tenantId: 't-1' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(403);
  });

  it('uploads multipart bodies with the token, tenant and language, reporting progress (CRM-05)', async () => {
    signIn();
    await initTestI18n('ro');
    const xhr = mockXhr();
    const progress: number[][] = [];
    const body = new FormData();
    body.append('mapping', '{}');
    const result = apiUpload<{ id: string }>('/api/cc/clients/imports', body, {
      tenantId: 't-1',
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    const request = xhr.last()!;
    expect(request.method).toBe('POST');
    expect(request.headers).toEqual({
      Accept: 'application/json, application/problem+json',
      'Accept-Language': 'ro',
      Authorization: 'Bearer test-token',
      'X-Linea-Tenant': 't-1',
    });
    // the browser writes the multipart Content-Type with its boundary
    expect(request.body).toBe(body);
    await request.progress(5, 10);
    await request.respond(202, { id: 'job-1' });
    expect(progress).toEqual([[5, 10]]);
    expect(await result).toEqual({ id: 'job-1' });

    const refused = apiUpload('/api/cc/clients/imports', body, { tenantId: 't-1' }).catch((e: unknown) => e);
    await xhr.last()!.respond(400, { status: 400, code: 'client-import.format', detail: 'Not a CSV file.' });
    const error = (await refused) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('client-import.format');
    expect(error.detail).toBe('Not a CSV file.');
  });
});
