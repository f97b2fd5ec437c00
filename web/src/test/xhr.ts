// A stand-in for XMLHttpRequest, for uploads that report progress (the client import, CRM-05).
import { act } from '@testing-library/react';
import { vi } from 'vitest';

type Handler = ((event?: unknown) => void) | null;

export class FakeXhr {
  static sent: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  responseText = '';
  private responseHeaders: Record<string, string> = {};
  upload: { onprogress: Handler } = { onprogress: null };
  onload: Handler = null;
  onerror: Handler = null;
  onabort: Handler = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }

  getResponseHeader(name: string): string | null {
    return this.responseHeaders[name.toLowerCase()] ?? null;
  }

  send(body: unknown) {
    this.body = body;
    FakeXhr.sent.push(this);
  }

  abort() {
    this.onabort?.();
  }

  /** The browser reports `loaded` of `total` bytes sent. */
  async progress(loaded: number, total: number) {
    await act(async () => this.upload.onprogress?.({ lengthComputable: true, loaded, total }));
  }

  async respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = body === undefined ? '' : JSON.stringify(body);
    this.responseHeaders['content-type'] = status >= 400 ? 'application/problem+json' : 'application/json';
    await act(async () => this.onload?.());
  }
}

/** Replaces XMLHttpRequest; `sent()` gives the requests sent so far. */
export function mockXhr() {
  FakeXhr.sent = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return { sent: () => FakeXhr.sent, last: () => FakeXhr.sent.at(-1) };
}
