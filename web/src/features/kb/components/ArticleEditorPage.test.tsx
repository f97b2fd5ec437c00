import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoAdmin } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { kbCategories, ok, refundArticle, refundVersions } from '@/test/desk';

const routes = {
  'GET /api/cc/kb/categories': kbCategories,
  'GET /api/cc/kb/articles/a-refund': ok(refundArticle),
  'GET /api/cc/kb/articles/a-refund/versions': refundVersions,
};

async function openEditor(path: string, extra: Record<string, unknown> = {}) {
  const view = renderApp({ path, me: demoAdmin, routes: { ...routes, ...extra } });
  const form = await screen.findByTestId('article-form');
  return { ...view, form, user: userEvent.setup() };
}

describe('Article editor (HD-03)', () => {
  it('saves a full replace with the version read, and opens the article', async () => {
    const saved = {
      ...refundArticle,
      title: 'Refund a double card payment',
      status: 'ARCHIVED',
      revision: 3,
      version: 6,
    };
    let current: object = refundArticle;
    const { api, form, user } = await openEditor('/kb/articles/a-refund/edit', {
      'GET /api/cc/kb/articles/a-refund': () => ok(current),
      'PUT /api/cc/kb/articles/a-refund': () => {
        current = saved;
        return ok(saved);
      },
    });
    const title = within(form).getByRole('textbox', { name: /^Title/ });
    expect(title).toHaveValue('Refund a double payment');
    const category = within(form).getByRole('combobox', { name: 'Category' }) as HTMLSelectElement;
    await waitFor(() => expect(category).toHaveValue('k-refunds'));
    expect([...category.options].map((o) => o.textContent)).toEqual([
      'No category',
      'Billing',
      'Billing / Refunds',
      'Meters',
    ]);
    await user.clear(title);
    await user.type(title, ' Refund a double card payment ');
    const tags = within(form).getByRole('textbox', { name: /^Tags/ });
    await user.clear(tags);
    await user.type(tags, 'refund, card, refund,');
    await user.selectOptions(within(form).getByRole('combobox', { name: /^Visibility/ }), 'PUBLIC');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Status' }), 'ARCHIVED');
    await user.click(within(form).getByTestId('article-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/kb/articles/a-refund')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/kb/articles/a-refund')[0]!.body).toEqual({
      title: 'Refund a double card payment',
      body: refundArticle.body,
      language: 'en',
      translationOf: null,
      categoryId: 'k-refunds',
      tags: ['refund', 'card'],
      visibility: 'PUBLIC',
      status: 'ARCHIVED',
      version: 5,
    });
    // the article page, not the editor's own title
    expect(await screen.findByTestId('article-body')).toBeInTheDocument();
    expect(screen.getByTestId('page-title')).toHaveTextContent(/^Refund a double card payment$/);
    expect(screen.getByTestId('article-status')).toHaveTextContent('Archived');
  });

  it('previews the body as it will read', async () => {
    const { form, user } = await openEditor('/kb/articles/new');
    await user.type(
      within(form).getByRole('textbox', { name: /^Text/ }),
      '## Steps{enter}{enter}- one{enter}- two',
    );
    await user.click(within(form).getByTestId('editor-tab-preview'));
    const preview = await within(form).findByTestId('editor-preview');
    expect(within(preview).getByRole('heading', { level: 4 })).toHaveTextContent('Steps');
    expect(
      within(preview)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['one', 'two']);
  });

  it('creates an article and shows a refused body at its field', async () => {
    const { api, form, user } = await openEditor('/kb/articles/new', {
      'POST /api/cc/kb/articles': {
        status: 400,
        body: {
          status: 400,
          code: 'validation.failed',
          detail: 'The request has invalid fields.',
          errors: [
            {
              field: 'body',
              code: 'kb.article.html-not-allowed',
              message: 'HTML is not allowed in the text.',
            },
          ],
        },
      },
    });
    await user.click(within(form).getByTestId('article-save'));
    expect(within(form).getByText('This field is required.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/cc/kb/articles')).toHaveLength(0);

    await user.type(within(form).getByRole('textbox', { name: /^Title/ }), 'Meter reading');
    await user.type(within(form).getByRole('textbox', { name: /^Text/ }), 'Read it <b>now</b>');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Language' }), 'ru');
    await user.click(within(form).getByTestId('article-save'));
    expect(await within(form).findByText('HTML is not allowed in the text.')).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: /^Text/ })).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('POST', '/api/cc/kb/articles')[0]!.body).toEqual({
      title: 'Meter reading',
      body: 'Read it <b>now</b>',
      language: 'ru',
      translationOf: null,
      categoryId: null,
      tags: [],
      visibility: 'INTERNAL',
      status: 'DRAFT',
    });
  });

  it('starts a translation in a language the group lacks, linked to the original', async () => {
    const created = {
      ...refundArticle,
      id: 'a-refund-ru',
      language: 'ru',
      translationOf: 'a-refund',
      version: 0,
    };
    const { api, form, user } = await openEditor('/kb/articles/new?translationOf=a-refund', {
      'POST /api/cc/kb/articles': ok(created, 201),
      'GET /api/cc/kb/articles/a-refund-ru': ok(created),
      'GET /api/cc/kb/articles/a-refund-ru/versions': [],
    });
    expect(screen.getByTestId('translation-of')).toHaveTextContent(
      'A translation of “Refund a double payment” (English).',
    );
    // English and Romanian exist: Russian is the first one missing
    expect(within(form).getByRole('combobox', { name: 'Language' })).toHaveValue('ru');
    await user.type(within(form).getByRole('textbox', { name: /^Title/ }), 'Возврат двойного платежа');
    await user.click(within(form).getByTestId('article-save'));
    await waitFor(() => expect(api.callsTo('POST', '/api/cc/kb/articles')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/cc/kb/articles')[0]!.body).toMatchObject({
      language: 'ru',
      translationOf: 'a-refund',
      categoryId: 'k-refunds',
    });
  });
});
