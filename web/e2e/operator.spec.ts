import { expect, signIn, switchTenant, test } from './support/linea';

// TEN-03: one login serves several tenants; the header always says which one, and each tenant
// sees only its own queues (TEN-01).
const TENANTS = [
  { slug: 'demo', name: 'Demo Energy', queues: ['Billing', 'Outages'], others: ['Hotline'] },
  { slug: 'health', name: 'Health Line', queues: ['Hotline'], others: ['Billing', 'Outages'] },
];

test('operator switches between Demo Energy and Health Line and sees only each tenant’s queues', async ({
  openPage,
}) => {
  const page = await openPage();
  const { enrolled } = await signIn(page, 'operator');
  expect(enrolled).toBe(false);
  await page.getByTestId('nav-queues').click();

  for (const tenant of [...TENANTS, TENANTS[0]!]) {
    await switchTenant(page, tenant.slug);
    await expect(page.getByTestId('active-tenant-name')).toHaveText(tenant.name);
    for (const name of tenant.queues) {
      await expect(page.locator(`[data-testid="queue-row"][data-queue-name="${name}"]`)).toBeVisible();
    }
    for (const name of tenant.others) {
      await expect(page.locator(`[data-testid="queue-row"][data-queue-name="${name}"]`)).toHaveCount(0);
    }
  }
});
