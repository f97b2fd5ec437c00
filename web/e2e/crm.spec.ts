import { DEMO_TENANT_ID } from './support/env';
import { apiCall, createdId, expect, signIn, test, unique } from './support/linea';

// One sign-in, several steps (a TOTP code serves one sign-in per 30 s):
// CRM-01 … CRM-04, AGT-05: a choice field for the client card, a client with a mobile number and a value of
// that field, a note edited once (the first text stays as a version), the card found by six digits.
// HD-01 … HD-03: an article written, published and found by search with a highlight; a ticket opened, with
// its SLA timer, answered with a public comment (the first response: NEW → OPEN).
// CRM-02, CRM-06, AGT-05: an intake form with a choice field and an interaction category, read back.
test('demo-admin: client card with fields and versioned notes, knowledge base, a ticket, a form and a category', async ({
  openPage,
}) => {
  const page = await openPage();
  await signIn(page, 'demo-admin');
  const created: { field?: string; client?: string; article?: string; form?: string; category?: string } = {};
  try {
    await test.step('client card', async () => {
      const key = `region_${Date.now().toString(36)}`;
      await page.goto('/client-fields');
      await page.getByTestId('client-fields-create').first().click();
      const fieldForm = page.getByTestId('client-field-form');
      await fieldForm.locator('input[name="key"]').fill(key);
      await fieldForm.locator('input[name="label"]').fill('Regiune');
      await fieldForm.locator('select[name="type"]').selectOption('SELECT');
      const options = fieldForm.getByTestId('client-field-options');
      await options.fill('Nord');
      await options.press('Enter');
      await options.fill('Sud');
      await options.press('Enter');
      created.field = await createdId(page, '/api/cc/client-fields', () =>
        fieldForm.getByTestId('client-field-save').click(),
      );
      await expect(fieldForm).toBeHidden();

      const lastName = unique('Ceban');
      const digits = String(Date.now()).slice(-6);
      await page.goto('/clients');
      await page.getByTestId('clients-create').first().click();
      const clientForm = page.getByTestId('client-form');
      await clientForm.locator('input[name="firstName"]').fill('Maria');
      await clientForm.locator('input[name="lastName"]').fill(lastName);
      await clientForm.getByTestId('client-add-phone').click();
      await clientForm.locator('input[name="phones.0.number"]').fill(`+373 69 ${digits}`);
      await clientForm.getByTestId(`client-custom-${key}`).selectOption('Nord');
      created.client = await createdId(page, '/api/cc/clients', () =>
        clientForm.getByTestId('client-save').click(),
      );
      // the new card opens, with its number stored in E.164
      await expect(page).toHaveURL(new RegExp(`/clients/${created.client}$`));
      await expect(page.locator('input[name="phones.0.number"]')).toHaveValue(`+37369${digits}`);

      // a note, then an edit: the first text is kept as a version
      await page.getByTestId('client-tab-notes').click();
      const newNote = page.getByTestId('note-new');
      await newNote.locator('textarea[name="text"]').fill('Asked about the March invoice.');
      await newNote.getByTestId('note-add').click();
      const note = page.getByTestId('note').first();
      await expect(note.getByTestId('note-text')).toHaveText('Asked about the March invoice.');
      await note.getByTestId('note-edit').click();
      const editForm = note.getByTestId('note-edit-form');
      await editForm.locator('textarea[name="text"]').fill('Paid the March invoice by card.');
      await editForm.getByTestId('note-save').click();
      await expect(note.getByTestId('note-text')).toHaveText('Paid the March invoice by card.');
      await note.getByTestId('note-history').click();
      await expect(page.getByTestId('note-version').first()).toContainText('Asked about the March invoice.');
      await page.keyboard.press('Escape');

      // found again by six digits of the number
      await page.goto('/clients');
      await page.getByTestId('clients-search').fill(digits);
      await expect(page.locator(`[data-testid="client-row"]`, { hasText: lastName })).toBeVisible();
    });
    await test.step('knowledge base and a ticket', async () => {
      const word = unique('meterreading');
      await page.goto('/kb');
      await page.getByTestId('kb-create').first().click();
      const articleForm = page.getByTestId('article-form');
      await articleForm.locator('input[name="title"]').fill(`How to send the ${word}`);
      await articleForm
        .locator('textarea[name="body"]')
        .fill(`Send the **${word}** by SMS before the 25th of the month.`);
      await articleForm.locator('select[name="language"]').selectOption('en');
      await articleForm.locator('select[name="status"]').selectOption('PUBLISHED');
      created.article = await createdId(page, '/api/cc/kb/articles', () =>
        articleForm.getByTestId('article-save').click(),
      );
      await expect(page).toHaveURL(new RegExp(`/kb/articles/${created.article}$`));
      await page.goto('/kb');
      await page.getByTestId('kb-search').fill(word);
      const hit = page.getByTestId('kb-hit').first();
      await expect(hit.getByTestId('kb-hit-title')).toContainText(word);
      await expect(hit.getByTestId('snippet-mark').first()).toBeVisible();

      // a ticket: created, opened, with its SLA countdown; a public comment is the first response
      const subject = unique('Meter reading disputed');
      await page.goto('/tickets');
      await page.getByTestId('tickets-create').first().click();
      const ticketForm = page.getByTestId('ticket-form');
      await ticketForm.locator('input[name="subject"]').fill(subject);
      await ticketForm
        .locator('textarea[name="description"]')
        .fill('The customer says the reading is wrong.');
      await createdId(page, '/api/cc/tickets', () => ticketForm.getByTestId('ticket-save').click());
      // the new ticket opens (the list behind it also holds Demo Energy's seeded tickets)
      await expect(page.getByRole('heading', { level: 2, name: new RegExp(subject) })).toBeVisible();
      await expect(page.getByTestId('ticket-sla')).toBeVisible();
      await expect(page.getByTestId('sla-countdown').first()).toBeVisible();
      const comment = page.getByTestId('comment-form');
      await comment
        .locator('textarea[name="text"]')
        .fill('We are checking the meter; you will hear from us.');
      await comment.getByTestId('comment-submit').click();
      await expect(page.getByTestId('ticket-comment').last()).toContainText('We are checking the meter');
      await expect(page.getByTestId('ticket-status-select')).toHaveValue('OPEN');
    });
    await test.step('intake form and category', async () => {
      const formName = unique('Intake');
      await page.goto('/forms');
      await page.getByTestId('forms-create').first().click();
      const editor = page.getByTestId('form-editor');
      await editor.locator('input[name="name"]').fill(formName);
      if ((await editor.locator('input[name="fields.0.key"]').count()) === 0)
        await editor.getByTestId('form-add-field').click();
      await editor.locator('input[name="fields.0.key"]').fill('topic');
      await editor.locator('input[name="fields.0.label"]').fill('Topic');
      await editor.locator('select[name="fields.0.type"]').selectOption('SELECT');
      const options = editor.getByTestId('form-field-options');
      await options.fill('Billing');
      await options.press('Enter');
      await options.fill('Outage');
      await options.press('Enter');
      created.form = await createdId(page, '/api/cc/forms', () => editor.getByTestId('form-save').click());
      await expect(editor).toBeHidden();

      const categoryName = unique('Billing question');
      await page.goto('/categories');
      await page.getByTestId('categories-create').first().click();
      const categoryForm = page.getByTestId('category-form');
      await categoryForm.locator('input[name="name"]').fill(categoryName);
      created.category = await createdId(page, '/api/cc/categories', () =>
        categoryForm.getByTestId('category-save').click(),
      );

      await page.reload();
      await expect(page.locator('[data-testid="category-row"]', { hasText: categoryName })).toBeVisible();
      await page.goto('/forms');
      await expect(page.locator('[data-testid="form-row"]', { hasText: formName })).toBeVisible();
    });
  } finally {
    for (const [path, id] of [
      ['/api/cc/clients', created.client],
      ['/api/cc/client-fields', created.field],
      ['/api/cc/kb/articles', created.article],
      ['/api/cc/forms', created.form],
      ['/api/cc/categories', created.category],
    ] as const) {
      if (id)
        await apiCall(page, 'DELETE', `${path}/${id}`, undefined, DEMO_TENANT_ID).catch(() => undefined);
    }
  }
});
