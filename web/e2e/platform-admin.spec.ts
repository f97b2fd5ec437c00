import { HEALTH_TENANT_ID } from './support/env';
import { apiCall, expect, signIn, submitPassword, test } from './support/linea';

// TEN-05: the platform admin suspends a tenant with a reason (after confirmation); its people can
// no longer sign in and are told why; reactivation restores access.
test('platform admin suspends Health Line, health-admin is refused, then it is reactivated', async ({
  openPage,
}) => {
  const admin = await openPage();
  await signIn(admin, 'platform');
  await admin.getByTestId('nav-tenants').click();
  const row = admin.getByTestId('tenant-row-health');
  await expect(row).toHaveAttribute('data-status', 'ACTIVE');

  try {
    await row.getByTestId('tenant-suspend').click();
    const dialog = admin.getByRole('dialog');
    // the reason is required before anything happens
    await dialog.getByTestId('confirm-action').click();
    await expect(row).toHaveAttribute('data-status', 'ACTIVE');
    await dialog.getByTestId('suspend-reason').fill('E2E: contract paused');
    await dialog.getByTestId('confirm-action').click();
    await expect(dialog).toBeHidden();
    await expect(row).toHaveAttribute('data-status', 'SUSPENDED');

    const refused = await openPage();
    await submitPassword(refused, 'health-admin');
    await expect(refused.getByTestId('login-error')).toContainText('Health Line');
    await expect(refused.getByTestId('app-shell')).toHaveCount(0);

    await row.getByTestId('tenant-reactivate').click();
    await admin.getByRole('dialog').getByTestId('confirm-action').click();
    await expect(row).toHaveAttribute('data-status', 'ACTIVE');

    const restored = await openPage();
    await signIn(restored, 'health-admin');
    await expect(restored.getByTestId('active-tenant-name')).toHaveText('Health Line');
  } finally {
    // leave the seeded platform as we found it, even when an assertion failed half-way
    if ((await row.getAttribute('data-status').catch(() => null)) !== 'ACTIVE') {
      await apiCall(admin, 'POST', `/api/identity/platform/tenants/${HEALTH_TENANT_ID}/reactivate`).catch(
        () => undefined,
      );
    }
  }
});
