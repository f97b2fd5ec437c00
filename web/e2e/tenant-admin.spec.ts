import { expect, ro, signIn, test, unique } from './support/linea';

// SEC-01, SEC-02: password + TOTP enrolment on first login (policy ADMINS);
// ADM-01, ADM-02, TEN-04: the tenant admin creates a user and a queue; I18N-01: Romanian UI.
test('demo-admin enrols TOTP, creates a user and a queue, and works in Romanian', async ({ openPage }) => {
  const page = await openPage();
  await signIn(page, 'demo-admin');
  await expect(page.getByTestId('active-tenant-name')).toHaveText('Demo Energy');

  // a user
  const username = unique('e2e-agent');
  await page.getByTestId('nav-users').click();
  await page.getByTestId('users-create').click();
  const userForm = page.getByTestId('user-form');
  await userForm.locator('input[name="username"]').fill(username);
  await userForm.locator('input[name="displayName"]').fill('E2E Agent');
  await userForm.locator('input[name="email"]').fill(`${username}@example.test`);
  await userForm.locator('input[name="initialPassword"]').fill('Linea-E2e-2026!pass');
  await expect(userForm.locator('input[name="roles"][value="agent"]')).toBeChecked();
  await userForm.getByTestId('user-save').click();
  await expect(userForm).toBeHidden();
  await page.getByTestId('users-search').fill(username);
  await expect(page.locator(`[data-testid="user-row"][data-username="${username}"]`)).toBeVisible();

  // a queue
  const queue = unique('E2E queue');
  await page.getByTestId('nav-queues').click();
  await page.getByTestId('queues-create').click();
  const queueForm = page.getByTestId('queue-form');
  await queueForm.locator('input[name="name"]').fill(queue);
  await queueForm.locator('textarea[name="description"]').fill('Created by the browser test');
  await queueForm.locator('input[name="serviceLevelSeconds"]').fill('25');
  await queueForm.getByTestId('queue-save').click();
  // ACD-01: a created queue opens in its editor, on the members tab
  await expect(page.getByTestId('page-title')).toHaveText(queue);
  await expect(page.getByTestId('queue-tab-members')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('queue-back').click();
  await expect(page.locator(`[data-testid="queue-row"][data-queue-name="${queue}"]`)).toBeVisible();

  // Romanian
  await page.getByTestId('language-switcher').click();
  await page.getByTestId('language-option-ro').click();
  await expect(page.getByTestId('page-title')).toHaveText(ro.queues.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
  // saved on the profile: a reload (new token exchange not needed) keeps it
  await page.reload();
  await expect(page.getByTestId('page-title')).toHaveText(ro.queues.title);
});
