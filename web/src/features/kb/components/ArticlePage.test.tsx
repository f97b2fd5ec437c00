import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Me } from '@/lib/session/types';
import { demoAdmin, membership, operator } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { page } from '@/test/telephony';
import { kbCategories, ok, refundArticle, refundHit, refundVersions } from '@/test/desk';

const routes = {
  'GET /api/cc/kb/categories': kbCategories,
  'GET /api/cc/kb/articles': page([refundHit]),
  'GET /api/cc/kb/articles/a-refund': ok(refundArticle),
  'GET /api/cc/kb/articles/a-refund/versions': refundVersions,
  'GET /api/cc/kb/articles/a-refund/versions/1': {
    ...refundVersions[1],
    body: '## Old text\n\nRefunds take **a week**.',
  },
};

const reader: Me = {
  ...operator,
  memberships: [membership({ roles: ['agent'], permissions: ['kb.view'] })],
};

describe('Article view (HD-03)', () => {
  it('renders the Markdown body as formatted text, safely', async () => {
    renderApp({ path: '/kb/articles/a-refund', me: reader, routes });
    const body = await screen.findByTestId('article-body');
    expect(screen.getByTestId('page-title')).toHaveTextContent('Refund a double payment');
    // the body's level-1 heading sits below the page title
    expect(within(body).getByRole('heading', { level: 3 })).toHaveTextContent('Refund a double payment');
    expect(within(body).getByText('payments').tagName).toBe('STRONG');
    expect(within(body).getByText('billing').tagName).toBe('EM');
    const [ordered, bullets] = within(body).getAllByRole('list');
    expect(ordered!.tagName).toBe('OL');
    expect(
      within(ordered!)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Open the invoice', 'Choose Refund']);
    expect(within(ordered!).getByText('Refund').tagName).toBe('CODE');
    expect(within(bullets!).getAllByRole('listitem')).toHaveLength(2);
    expect(body.querySelector('pre code')).toHaveTextContent('refund --invoice 2026-04');
    const link = within(body).getByRole('link', { name: 'the refund policy' });
    expect(link).toHaveAttribute('href', 'https://example.test/refunds');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link).toHaveAttribute('target', '_blank');
    // markup is text, and a script link is no link
    expect(body).toHaveTextContent('or <script>alert(1)</script>.');
    expect(body.querySelector('script')).toBeNull();
    expect(within(body).queryByRole('link', { name: 'a trap' })).toBeNull();
    expect(body).toHaveTextContent('a trap');
    expect(body.querySelector('a[href^="javascript"]')).toBeNull();
  });

  it('shows the category, tags and a switcher to the translations', async () => {
    renderApp({
      path: '/kb/articles/a-refund',
      me: reader,
      routes: {
        ...routes,
        'GET /api/cc/kb/articles/a-refund-ro': ok({
          ...refundArticle,
          id: 'a-refund-ro',
          title: 'Rambursarea unei plăți duble',
          language: 'ro',
          translationOf: 'a-refund',
          translations: [
            { id: 'a-refund', language: 'en', title: 'Refund a double payment', status: 'PUBLISHED' },
          ],
        }),
      },
    });
    await screen.findByTestId('article-body');
    expect(await screen.findByText('Billing / Refunds · #refund #invoice')).toBeInTheDocument();
    const switcher = screen.getByTestId('article-translations');
    expect(within(switcher).getByText('English').closest('[aria-current]')).toHaveAttribute(
      'aria-current',
      'page',
    );
    await userEvent.setup().click(within(switcher).getByRole('link', { name: 'Română' }));
    await waitFor(() =>
      expect(screen.getByTestId('page-title')).toHaveTextContent('Rambursarea unei plăți duble'),
    );
    expect(
      within(screen.getByTestId('article-translations')).getByRole('link', { name: 'English' }),
    ).toHaveAttribute('href', '/kb/articles/a-refund');
  });

  it('lists the versions newest first and shows an old one', async () => {
    const { api } = renderApp({ path: '/kb/articles/a-refund', me: reader, routes });
    const user = userEvent.setup();
    await screen.findByTestId('article-body');
    await user.click(screen.getByTestId('article-tab-versions'));
    const rows = await screen.findAllByTestId('version-row');
    expect(rows.map((r) => r.getAttribute('data-revision'))).toEqual(['2', '1']);
    expect(rows[0]).toHaveTextContent('current');
    expect(rows[1]).toHaveTextContent('Ion Mobile');
    await user.click(within(rows[1]!).getByRole('button', { name: 'View revision 1' }));
    const viewer = await screen.findByTestId('version-viewer');
    expect(within(viewer).getByRole('heading', { name: 'Refunds' })).toBeInTheDocument();
    expect(within(screen.getByTestId('version-body')).getByText('a week').tagName).toBe('STRONG');
    expect(api.callsTo('GET', '/api/cc/kb/articles/a-refund/versions/1')).toHaveLength(1);
  });

  it('offers no editing to a reader', async () => {
    renderApp({ path: '/kb/articles/a-refund', me: reader, routes });
    await screen.findByTestId('article-body');
    expect(screen.queryByTestId('article-edit')).toBeNull();
    expect(screen.queryByTestId('article-delete')).toBeNull();
    expect(screen.queryByTestId('article-translate')).toBeNull();
  });

  it('deletes an article only after confirmation', async () => {
    const { api } = renderApp({
      path: '/kb/articles/a-refund',
      me: demoAdmin,
      routes: { ...routes, 'DELETE /api/cc/kb/articles/a-refund': { status: 204 } },
    });
    const user = userEvent.setup();
    await screen.findByTestId('article-body');
    await user.click(screen.getByTestId('article-delete'));
    let modal = await screen.findByRole('dialog');
    expect(modal).toHaveTextContent('Delete “Refund a double payment” with all its versions');
    await user.click(within(modal).getByTestId('confirm-cancel'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo('DELETE', '/api/cc/kb/articles/a-refund')).toHaveLength(0);
    await user.click(screen.getByTestId('article-delete'));
    modal = await screen.findByRole('dialog');
    await user.click(within(modal).getByTestId('confirm-action'));
    await waitFor(() => expect(api.callsTo('DELETE', '/api/cc/kb/articles/a-refund')).toHaveLength(1));
    expect(await screen.findByText('“Refund a double payment” deleted.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('page-title')).toHaveTextContent('Knowledge base'));
  });
});
