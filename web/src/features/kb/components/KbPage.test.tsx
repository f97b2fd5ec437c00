import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Me } from '@/lib/session/types';
import { demoAdmin, DEMO_ID, membership, operator } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { page } from '@/test/telephony';
import { faq, kbCategories, meterHit, ok, refundArticle, refundHit } from '@/test/desk';

const routes = {
  'GET /api/cc/kb/categories': kbCategories,
  'GET /api/cc/kb/articles': page([refundHit, meterHit]),
  'GET /api/cc/kb/faq': faq,
};

const reader: Me = {
  ...operator,
  memberships: [membership({ roles: ['agent'], permissions: ['kb.view'] })],
};

async function hits() {
  return screen.findAllByTestId('kb-hit');
}

describe('Knowledge base page (HD-03)', () => {
  it('searches as one types, and shows ranked hits with their highlights as elements', async () => {
    const { api } = renderApp({
      path: '/kb',
      me: demoAdmin,
      routes: {
        ...routes,
        'GET /api/cc/kb/articles': (call: { search: URLSearchParams }) =>
          call.search.get('q') ? page([refundHit]) : page([refundHit, meterHit]),
      },
    });
    const user = userEvent.setup();
    expect(await hits()).toHaveLength(2);
    expect(api.callsTo('GET', '/api/cc/kb/articles')[0]!.search.get('q')).toBeNull();
    await user.type(screen.getByRole('searchbox', { name: /^Search/ }), 'payment');
    await waitFor(() => expect(screen.getAllByTestId('kb-hit')).toHaveLength(1));
    // debounced: one request for the whole word, not one per key
    const searches = api.callsTo('GET', '/api/cc/kb/articles').filter((c) => c.search.get('q'));
    expect(searches.map((c) => c.search.get('q'))).toEqual(['payment']);
    expect(searches[0]!.headers['X-Linea-Tenant']).toBe(DEMO_ID);

    const snippet = screen.getByTestId('kb-snippet');
    const marks = within(snippet).getAllByTestId('snippet-mark');
    expect(marks.map((m) => m.tagName)).toEqual(['MARK', 'MARK']);
    expect(marks.map((m) => m.textContent)).toEqual(['payments', 'payment']);
    // the escaped markup of the body is shown as text, never run
    expect(snippet).toHaveTextContent('Check the payments & <script>alert(1)</script> … two payment runs');
    expect(snippet.querySelector('script')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
  });

  it('keeps a raw <script> in a snippet as text', async () => {
    renderApp({
      path: '/kb',
      me: demoAdmin,
      routes: {
        ...routes,
        'GET /api/cc/kb/articles': page([
          { ...refundHit, snippet: '<script>alert(1)</script> <mark><b>x</b></mark>' },
        ]),
      },
    });
    const snippet = await screen.findByTestId('kb-snippet');
    expect(snippet).toHaveTextContent('<script>alert(1)</script> <b>x</b>');
    expect(snippet.querySelector('script, b')).toBeNull();
    expect(within(snippet).getByTestId('snippet-mark')).toHaveTextContent('<b>x</b>');
  });

  it('filters by category from the tree, language, visibility and status', async () => {
    const { api } = renderApp({ path: '/kb', me: demoAdmin, routes });
    const user = userEvent.setup();
    const [first] = await hits();
    expect(within(first!).getByTestId('article-status')).toHaveTextContent('Published');
    expect(within(first!).getByTestId('article-visibility')).toHaveTextContent('Internal');
    expect(first).toHaveTextContent('Billing / Refunds');
    expect(first).toHaveTextContent('#refund #invoice');

    const tree = screen.getByTestId('category-tree');
    expect(
      within(tree)
        .getAllByTestId('category-node')
        .map((n) => n.textContent),
    ).toEqual(['Billing', 'Refunds', 'Meters']);
    await user.click(within(tree).getByRole('button', { name: 'Refunds' }));
    expect(within(tree).getByRole('button', { name: 'Refunds' })).toHaveAttribute('aria-current', 'true');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'ro');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Visibility' }), 'PUBLIC');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'DRAFT');
    await waitFor(() =>
      expect(Object.fromEntries(api.callsTo('GET', '/api/cc/kb/articles').at(-1)!.search)).toEqual({
        language: 'ro',
        categoryId: 'k-refunds',
        visibility: 'PUBLIC',
        status: 'DRAFT',
        page: '0',
        size: '20',
      }),
    );
    await user.click(within(tree).getByRole('button', { name: 'All categories' }));
    await waitFor(() =>
      expect(api.callsTo('GET', '/api/cc/kb/articles').at(-1)!.search.get('categoryId')).toBeNull(),
    );
  });

  it('has empty states for an empty knowledge base and for a search without hits', async () => {
    renderApp({
      path: '/kb',
      me: demoAdmin,
      routes: { ...routes, 'GET /api/cc/kb/articles': page([]) },
    });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No articles yet');
    await userEvent.setup().type(screen.getByRole('searchbox', { name: /^Search/ }), 'zzz');
    await waitFor(() =>
      expect(screen.getByTestId('empty-state')).toHaveTextContent('Nothing matches “zzz”.'),
    );
  });

  it('is read-only with kb.view: no writing, importing or categories', async () => {
    renderApp({ path: '/kb', me: reader, routes });
    await hits();
    expect(screen.queryByTestId('kb-create')).toBeNull();
    expect(screen.queryByTestId('kb-import')).toBeNull();
    expect(screen.queryByTestId('kb-tab-categories')).toBeNull();
    expect(screen.getByTestId('kb-tab-faq')).toBeInTheDocument();
  });

  it('shows the FAQ as bars for the chosen period (RPT-07)', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: new Date('2026-05-04T10:00:30Z') });
    try {
      const { api } = renderApp({ path: '/kb?tab=faq', me: reader, routes });
      const bars = await screen.findAllByTestId('faq-bar');
      expect(bars.map((b) => b.getAttribute('data-count'))).toEqual(['40', '10']);
      expect(bars[0]).toHaveTextContent('1.Refund a double payment');
      expect(bars[0]).toHaveTextContent('40 contacts');
      const meters = bars.map((b) => within(b).getByRole('progressbar'));
      expect(meters[0]).toHaveAttribute('aria-valuenow', '100');
      expect(meters[1]).toHaveAttribute('aria-valuenow', '25');
      expect(meters[1]).toHaveAccessibleName('Meter reading by phone: 10 contacts');
      expect(within(bars[0]!).getByRole('link', { name: 'Refund a double payment' })).toHaveAttribute(
        'href',
        '/kb/articles/a-refund',
      );
      const first = api.callsTo('GET', '/api/cc/kb/faq')[0]!.search;
      // the last 30 days up to the end of the current minute
      expect(first.get('to')).toBe('2026-05-04T10:01:00.000Z');
      expect(first.get('from')).toBe('2026-04-04T10:01:00.000Z');

      await userEvent
        .setup({ advanceTimers: vi.advanceTimersByTime })
        .click(within(screen.getByTestId('faq-period')).getByText('7 days'));
      await waitFor(() => expect(api.callsTo('GET', '/api/cc/kb/faq')).toHaveLength(2));
      const second = api.callsTo('GET', '/api/cc/kb/faq')[1]!.search;
      const days = (Date.parse(second.get('to')!) - Date.parse(second.get('from')!)) / 86_400_000;
      expect(days).toBe(7);
    } finally {
      vi.useRealTimers();
    }
  });

  it('has an empty FAQ state', async () => {
    renderApp({
      path: '/kb?tab=faq',
      me: reader,
      routes: { ...routes, 'GET /api/cc/kb/faq': { ...faq, articles: [] } },
    });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No uses in this period');
  });
});

describe('Knowledge-base categories (HD-03)', () => {
  it('creates a category under another', async () => {
    const { api } = renderApp({
      path: '/kb?tab=categories',
      me: demoAdmin,
      routes: {
        ...routes,
        'POST /api/cc/kb/categories': {
          status: 201,
          body: { id: 'k-new', name: 'Tariffs', parentId: 'k-billing', position: 2, version: 0 },
        },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('category-create'));
    const form = await screen.findByTestId('category-form');
    await user.type(within(form).getByRole('textbox', { name: /^Name/ }), ' Tariffs ');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Parent category' }), 'k-billing');
    const position = within(form).getByRole('textbox', { name: /^Position/ });
    await user.clear(position);
    await user.type(position, '2');
    await user.click(within(form).getByTestId('category-save'));
    await waitFor(() => expect(api.callsTo('POST', '/api/cc/kb/categories')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/cc/kb/categories')[0]!.body).toEqual({
      name: 'Tariffs',
      parentId: 'k-billing',
      position: 2,
    });
  });

  it('renames with the version, and never offers a category as its own parent', async () => {
    const { api } = renderApp({
      path: '/kb?tab=categories',
      me: demoAdmin,
      routes: {
        ...routes,
        'PUT /api/cc/kb/categories/k-billing': {
          status: 409,
          body: {
            status: 409,
            code: 'kb.category.name-taken',
            detail: 'A category with this name exists here.',
          },
        },
      },
    });
    const user = userEvent.setup();
    const rows = await screen.findAllByTestId('category-row');
    await user.click(within(rows[0]!).getByTestId('category-edit'));
    const form = await screen.findByTestId('category-form');
    const parent = within(form).getByRole('combobox', { name: 'Parent category' }) as HTMLSelectElement;
    expect([...parent.options].map((o) => o.textContent)).toEqual(['None (top level)', 'Meters']);
    const name = within(form).getByRole('textbox', { name: /^Name/ });
    await user.clear(name);
    await user.type(name, 'Meters');
    await user.click(within(form).getByTestId('category-save'));
    expect(await within(form).findByText('A category with this name exists here.')).toBeInTheDocument();
    expect(api.callsTo('PUT', '/api/cc/kb/categories/k-billing')[0]!.body).toEqual({
      name: 'Meters',
      parentId: null,
      position: 0,
      version: 1,
    });
  });

  it('deletes a category only after confirmation, and says why one stays', async () => {
    const { api } = renderApp({
      path: '/kb?tab=categories',
      me: demoAdmin,
      routes: {
        ...routes,
        'DELETE /api/cc/kb/categories/k-meters': {
          status: 409,
          body: { status: 409, code: 'kb.category.has-articles', detail: 'Move its articles first.' },
        },
      },
    });
    const user = userEvent.setup();
    const rows = await screen.findAllByTestId('category-row');
    const meters = rows.find((r) => r.getAttribute('data-name') === 'Meters')!;
    await user.click(within(meters).getByTestId('category-delete'));
    let modal = await screen.findByRole('dialog');
    expect(modal).toHaveTextContent('Delete the category Meters?');
    await user.click(within(modal).getByTestId('confirm-cancel'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo('DELETE', '/api/cc/kb/categories/k-meters')).toHaveLength(0);

    await user.click(within(meters).getByTestId('category-delete'));
    modal = await screen.findByRole('dialog');
    await user.click(within(modal).getByTestId('confirm-action'));
    await waitFor(() => expect(api.callsTo('DELETE', '/api/cc/kb/categories/k-meters')).toHaveLength(1));
    expect(await screen.findByRole('alert')).toHaveTextContent('Move its articles first.');
  });
});

/** Stands in for the browser's XMLHttpRequest: the test drives the upload's progress and answer. */
class FakeXhr {
  static last: FakeXhr | null = null;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  responseText = '';
  responseHeaders: Record<string, string> = {};
  upload: { onprogress: ((event: Partial<ProgressEvent>) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader(name: string) {
    return this.responseHeaders[name.toLowerCase()] ?? null;
  }
  send(body: unknown) {
    this.body = body;
    FakeXhr.last = this;
  }
  abort() {
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total });
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.responseHeaders['content-type'] = status >= 400 ? 'application/problem+json' : 'application/json';
    this.onload?.();
  }
}

describe('Document import (HD-03)', () => {
  async function openImport() {
    FakeXhr.last = null;
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const view = renderApp({
      path: '/kb',
      me: demoAdmin,
      routes: {
        ...routes,
        'GET /api/cc/kb/articles/a-imported': ok({ ...refundArticle, id: 'a-imported', status: 'DRAFT' }),
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('kb-import'));
    const form = await screen.findByTestId('import-form');
    return { ...view, user, form };
  }

  it('asks for a file, shows the upload progress and the server refusal', async () => {
    const { user, form } = await openImport();
    await user.click(within(form).getByTestId('import-submit'));
    expect(within(form).getByText('Choose a file.')).toBeInTheDocument();
    expect(FakeXhr.last).toBeNull();

    const file = new File(['MZ\u0090\u0000 not a pdf'], 'manual.pdf', { type: 'application/pdf' });
    await user.upload(within(form).getByTestId('import-file'), file);
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Language' }), 'ro');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Category' }), 'k-refunds');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Visibility' }), 'PUBLIC');
    await user.click(within(form).getByTestId('import-submit'));
    await waitFor(() => expect(FakeXhr.last).not.toBeNull());
    const xhr = FakeXhr.last!;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/cc/kb/articles/import');
    expect(xhr.headers.Authorization).toBe('Bearer test-token');
    expect(xhr.headers['X-Linea-Tenant']).toBe(DEMO_ID);
    expect(xhr.headers['Content-Type']).toBeUndefined();
    const sent = xhr.body as FormData;
    expect((sent.get('file') as File).name).toBe('manual.pdf');
    expect(sent.get('language')).toBe('ro');
    expect(sent.get('categoryId')).toBe('k-refunds');
    expect(sent.get('visibility')).toBe('PUBLIC');

    act(() => xhr.progress(40, 100));
    expect(within(form).getByRole('progressbar', { name: 'Upload progress' })).toHaveAttribute(
      'aria-valuenow',
      '40',
    );
    expect(within(form).getByTestId('import-progress-text')).toHaveTextContent('Uploading… 40%');
    act(() => xhr.progress(100, 100));
    expect(within(form).getByTestId('import-progress-text')).toHaveTextContent(
      'Uploaded; reading the document…',
    );

    act(() =>
      xhr.respond(415, {
        status: 415,
        code: 'kb.import.unsupported-type',
        detail: 'This file is not a PDF, DOCX or HTML document.',
      }),
    );
    expect(await within(form).findByTestId('import-refused')).toHaveTextContent(
      'This file is not a PDF, DOCX or HTML document.',
    );
    expect(within(form).queryByTestId('import-progress')).toBeNull();
    expect(screen.getByTestId('import-form')).toBeInTheDocument();
  });

  it('opens the imported draft in the editor', async () => {
    const { user, form } = await openImport();
    await user.upload(
      within(form).getByTestId('import-file'),
      new File(['<html><title>Refunds</title></html>'], 'refunds.html', { type: 'text/html' }),
    );
    await user.click(within(form).getByTestId('import-submit'));
    await waitFor(() => expect(FakeXhr.last).not.toBeNull());
    act(() => FakeXhr.last!.respond(201, { ...refundArticle, id: 'a-imported', status: 'DRAFT' }));
    expect(
      await screen.findByText('“Refund a double payment” imported as a draft: review it, then publish it.'),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('article-form')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('DRAFT');
  });

  it('refuses a file over 10 MB before sending it', async () => {
    const { user, form } = await openImport();
    const big = new File(['x'], 'big.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 11 * 1024 * 1024 });
    await user.upload(within(form).getByTestId('import-file'), big);
    await user.click(within(form).getByTestId('import-submit'));
    expect(within(form).getByText('The file is larger than 10 MB.')).toBeInTheDocument();
    expect(FakeXhr.last).toBeNull();
  });
});
