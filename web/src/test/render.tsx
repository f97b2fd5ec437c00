import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { AppProviders } from '@/app/AppProviders';
import { AppRoutes } from '@/app/routes';
import { saveTokens } from '@/lib/auth/tokens';
import { SessionProvider } from '@/lib/session/SessionProvider';
import type { Me } from '@/lib/session/types';

export interface RecordedCall {
  method: string;
  path: string;
  search: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

export interface Reply {
  status?: number;
  body?: unknown;
  contentType?: string;
}

/** A route answers with a value (200 JSON), a Reply, or a function of the call. */
export type Route = unknown | Reply | ((call: RecordedCall) => unknown | Reply);

function isReply(value: unknown): value is Reply {
  return !!value && typeof value === 'object' && ('status' in value || 'contentType' in value);
}

/**
 * Replaces fetch with a tiny in-memory API. Keys are "METHOD /path" (no query string).
 * Unknown routes answer 404 with a problem detail, so a test sees what it forgot.
 */
export function mockApi(routes: Record<string, Route>) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>));
    let body: unknown = init.body;
    if (typeof init.body === 'string') {
      try {
        body = JSON.parse(init.body);
      } catch {
        body = init.body;
      }
    }
    const call: RecordedCall = {
      method: (init.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      search: url.searchParams,
      headers,
      body,
    };
    calls.push(call);
    const key = `${call.method} ${call.path}`;
    let result: unknown = key in routes ? routes[key] : undefined;
    if (typeof result === 'function') result = (result as (c: RecordedCall) => unknown)(call);
    if (result === undefined && !(key in routes))
      result = { status: 404, body: { status: 404, code: 'test.no-route', detail: `no route ${key}` } };
    const reply: Reply = isReply(result) ? result : { status: 200, body: result };
    const status = reply.status ?? 200;
    // binary replies (a voicemail's audio) go out as bytes: jsdom's Blob is not the one fetch's Response reads
    const payload =
      reply.body instanceof Blob
        ? await reply.body.arrayBuffer()
        : reply.body === undefined
          ? ''
          : JSON.stringify(reply.body);
    return new Response(status === 204 ? null : payload, {
      status,
      headers: {
        'Content-Type':
          reply.contentType ?? (status >= 400 ? 'application/problem+json' : 'application/json'),
      },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    fetchMock,
    callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path),
  };
}

export function signIn() {
  saveTokens({ accessToken: 'test-token', idToken: 'h.e.s', expiresAt: Date.now() + 3_600_000 });
}

export function testQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  });
}

/** The whole app (shell, routes, session) at `path`, for a signed-in person. */
export function renderApp({
  path = '/',
  me,
  routes = {},
}: {
  path?: string;
  me: Me;
  routes?: Record<string, Route>;
}) {
  signIn();
  const api = mockApi({ 'GET /api/identity/me': me, ...routes });
  const queryClient = testQueryClient();
  const view = render(
    <AppProviders queryClient={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <SessionProvider>
          <AppRoutes />
        </SessionProvider>
      </MemoryRouter>
    </AppProviders>,
  );
  return { ...view, api, queryClient };
}
