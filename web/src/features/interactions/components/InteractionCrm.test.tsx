import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Me } from '@/lib/session/types';
import { answeredCallCategories, categories, crmAdminRoutes, srhAnswer } from '@/test/crmAdmin';
import { demoAdmin, membership } from '@/test/fixtures';
import { renderApp, type Route } from '@/test/render';
import { answeredCall, answeredCallDetail, page } from '@/test/telephony';

const routes: Record<string, Route> = {
  ...crmAdminRoutes,
  'GET /api/cc/interactions': page([answeredCall]),
  'GET /api/cc/interactions/i-answered': answeredCallDetail,
};

async function openDrawer(me: Me = demoAdmin, extra: Record<string, Route> = {}) {
  const view = renderApp({ path: '/interactions', me, routes: { ...routes, ...extra } });
  const user = userEvent.setup();
  const rows = await screen.findAllByTestId('interaction-row');
  await user.click(within(rows[0]!).getByTestId('interaction-open'));
  const drawer = await screen.findByRole('dialog');
  return { ...view, user, drawer };
}

describe('Intake forms on an interaction (CRM-02, CRM-06)', () => {
  it("lists the call's answers, a field hidden from the reader shown as hidden without its value", async () => {
    const { drawer, api } = await openDrawer();
    const answer = await within(drawer).findByTestId('answer');
    expect(answer).toHaveTextContent('SRH intake');
    expect(answer).toHaveTextContent('Ana Agent');
    const fields = Object.fromEntries(
      within(answer)
        .getAllByTestId('answer-field')
        .map((field) => [field.getAttribute('data-key'), field]),
    );
    expect(fields.age).toHaveTextContent('27');
    expect(fields.sex).toHaveTextContent('female');
    expect(fields.topic).toHaveTextContent('Pregnancy');
    expect(within(fields.region!).getByTestId('answer-hidden')).toHaveTextContent('Hidden');
    expect(api.callsTo('GET', '/api/cc/form-answers')[0]!.search.get('interactionId')).toBe('i-answered');
  });

  it('fills a form: the server\'s "required" problem lands next to its input, then the exact values are sent', async () => {
    let refuse = true;
    const { drawer, user, api } = await openDrawer(demoAdmin, {
      'POST /api/cc/interactions/i-answered/forms': () =>
        refuse
          ? {
              status: 400,
              body: {
                status: 400,
                code: 'validation.failed',
                detail: 'Some values are not valid.',
                errors: [
                  { field: 'values.topic', code: 'form.value-required', message: 'Topic is required.' },
                ],
              },
            }
          : { status: 201, body: { ...srhAnswer, id: 'ans-2' } },
    });
    const select = await within(drawer).findByTestId('fill-form-select');
    await waitFor(() => expect(select).toBeEnabled());
    // only active forms are offered
    expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Choose a form…',
      'SRH intake',
    ]);
    await user.selectOptions(select, 'form-srh');
    await user.click(within(drawer).getByTestId('fill-form-open'));
    const form = await within(drawer).findByTestId('answer-form');

    await user.type(within(form).getByLabelText(/^Age/), '34');
    await user.selectOptions(within(form).getByLabelText('Sex'), 'female');
    await user.click(within(form).getByTestId('answer-save'));

    const topic = within(form).getByTestId('form-value-topic');
    await waitFor(() => expect(topic).toHaveAttribute('aria-invalid', 'true'));
    expect(topic).toHaveAccessibleDescription(/Topic is required\./);
    expect(api.callsTo('POST', '/api/cc/interactions/i-answered/forms')[0]!.body).toEqual({
      formId: 'form-srh',
      values: { age: 34, sex: 'female' },
    });

    refuse = false;
    await user.click(within(form).getByTestId('form-value-topic'));
    await user.click(await within(form).findByRole('option', { name: 'Contraception', hidden: true }));
    await user.click(within(form).getByTestId('answer-save'));
    await waitFor(() => expect(api.callsTo('POST', '/api/cc/interactions/i-answered/forms')).toHaveLength(2));
    expect(api.callsTo('POST', '/api/cc/interactions/i-answered/forms')[1]!.body).toEqual({
      formId: 'form-srh',
      values: { age: 34, sex: 'female', topic: ['Contraception'] },
    });
    await waitFor(() => expect(within(drawer).queryByTestId('answer-form')).toBeNull());
    expect(await screen.findByText('The form SRH intake was saved.')).toBeInTheDocument();
  });

  it('edits an answer with its version, never sending a field hidden from the editor', async () => {
    const { drawer, user, api } = await openDrawer(demoAdmin, {
      'PUT /api/cc/form-answers/ans-1': { ...srhAnswer, version: 1 },
    });
    await user.click(await within(drawer).findByTestId('answer-edit'));
    const form = await within(drawer).findByTestId('answer-form');
    const age = within(form).getByLabelText(/^Age/);
    expect(age).toHaveValue('27');
    expect(within(form).queryByLabelText('Region')).toBeNull();
    expect(within(form).getByTestId('answer-hidden')).toHaveTextContent('Hidden');
    await user.clear(age);
    await user.type(age, '28');
    await user.click(within(form).getByTestId('answer-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/form-answers/ans-1')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/form-answers/ans-1')[0]!.body).toEqual({
      values: { age: 28, sex: 'female', topic: ['Pregnancy'] },
      version: 0,
    });
  });

  it('offers no filling without clients.manage', async () => {
    const viewer: Me = {
      ...demoAdmin,
      memberships: [
        membership({ roles: ['supervisor'], permissions: ['interactions.view', 'clients.view'] }),
      ],
    };
    const { drawer } = await openDrawer(viewer);
    expect(await within(drawer).findByTestId('answer')).toBeInTheDocument();
    expect(within(drawer).queryByTestId('fill-form-select')).toBeNull();
    expect(within(drawer).queryByTestId('answer-edit')).toBeNull();
    expect(within(drawer).queryByTestId('categories-change')).toBeNull();
  });
});

describe('Categories of an interaction (AGT-05)', () => {
  it('shows the current categories and who changed them when', async () => {
    const { drawer } = await openDrawer();
    const current = await within(drawer).findByTestId('categories-current');
    expect(current).toHaveTextContent('Billing');
    const history = within(drawer).getAllByTestId('categories-change-item');
    expect(history).toHaveLength(1);
    expect(history[0]).toHaveTextContent('none → Billing');
    expect(history[0]).toHaveTextContent('Ana Agent');
    expect(history[0]!.querySelector('time')).toHaveAttribute('dateTime', '2026-05-01T10:04:00Z');
  });

  it('sets the categories with a note; the change joins the history and the call events', async () => {
    let changed = false;
    const after = {
      ...answeredCallCategories,
      categories: [categories[0], categories[1]],
      history: [
        ...answeredCallCategories.history,
        {
          at: '2026-05-01T11:00:00Z',
          changedBy: 'p-admin',
          changedByName: null,
          before: [{ id: 'cat-billing', name: 'Billing' }],
          after: [
            { id: 'cat-billing', name: 'Billing' },
            { id: 'cat-refund', name: 'Refund' },
          ],
          note: 'Customer asked for the money back',
        },
      ],
    };
    const { drawer, user, api } = await openDrawer(demoAdmin, {
      'GET /api/cc/interactions/i-answered/categories': () => (changed ? after : answeredCallCategories),
      'PUT /api/cc/interactions/i-answered/categories': () => {
        changed = true;
        return after;
      },
      'GET /api/cc/interactions/i-answered': () =>
        changed
          ? {
              ...answeredCallDetail,
              events: [
                ...answeredCallDetail.events,
                {
                  type: 'CATEGORIZED',
                  at: '2026-05-01T11:00:00Z',
                  agentId: null,
                  agentName: 'Ana Popescu',
                  detail: 'Billing → Billing, Refund',
                },
              ],
            }
          : answeredCallDetail,
    });
    await user.click(await within(drawer).findByTestId('categories-change'));
    const form = await within(drawer).findByTestId('categories-form');
    await user.click(within(form).getByTestId('categories-select'));
    // inactive categories are not offered; sub-categories carry their parent's name
    expect(within(form).queryByRole('option', { name: 'Legacy', hidden: true })).toBeNull();
    await user.click(await within(form).findByRole('option', { name: 'Billing › Refund', hidden: true }));
    await user.type(within(form).getByLabelText(/^Note/), 'Customer asked for the money back');
    await user.click(within(form).getByTestId('categories-save'));

    await waitFor(() =>
      expect(api.callsTo('PUT', '/api/cc/interactions/i-answered/categories')).toHaveLength(1),
    );
    expect(api.callsTo('PUT', '/api/cc/interactions/i-answered/categories')[0]!.body).toEqual({
      categoryIds: ['cat-billing', 'cat-refund'],
      note: 'Customer asked for the money back',
    });
    await waitFor(() => expect(within(drawer).getAllByTestId('categories-change-item')).toHaveLength(2));
    const last = within(drawer).getAllByTestId('categories-change-item')[1]!;
    expect(last).toHaveTextContent('Billing → Billing, Refund');
    expect(last).toHaveTextContent('You');
    expect(last).toHaveTextContent('Customer asked for the money back');
    expect(within(drawer).getByTestId('categories-current')).toHaveTextContent('Billing › Refund');
    // the call's own event log shows the change, translated
    await waitFor(() =>
      expect(
        within(drawer)
          .getAllByTestId('interaction-event')
          .some(
            (e) =>
              e.getAttribute('data-type') === 'CATEGORIZED' && e.textContent?.includes('Categories changed'),
          ),
      ).toBe(true),
    );
  });

  it("shows the server's reason when a category cannot be set", async () => {
    const { drawer, user } = await openDrawer(demoAdmin, {
      'PUT /api/cc/interactions/i-answered/categories': {
        status: 400,
        body: {
          status: 400,
          code: 'validation.failed',
          errors: [
            { field: 'categoryIds[0]', code: 'category.inactive', message: 'Billing is no longer in use.' },
          ],
        },
      },
    });
    await user.click(await within(drawer).findByTestId('categories-change'));
    await user.click(within(drawer).getByTestId('categories-save'));
    expect(await within(drawer).findByTestId('categories-problems')).toHaveTextContent(
      'Billing is no longer in use.',
    );
  });
});
