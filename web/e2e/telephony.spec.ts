import type { Page } from '@playwright/test';
import { DEMO_TENANT_ID } from './support/env';
import { createdId, expect, ro, signIn, test, unique } from './support/linea';

// TEL-02, TEN-02: the platform admin adds a carrier and a number and assigns the number to Demo
// Energy; TEL-04: Demo Energy's admin sees it on Numbers, creates an agent and generates its SIP
// credentials, whose password is shown once.

/** The page's own token (and, for tenant APIs, the tenant header): for clean-up after a failure. */
async function remove(page: Page, path: string, tenantId?: string): Promise<number> {
  return page.evaluate(
    async ({ path, tenantId }) => {
      const tokens = JSON.parse(sessionStorage.getItem('linea.tokens') ?? '{}') as { accessToken?: string };
      const response = await fetch(path, {
        method: 'DELETE',
        headers: {
          Authorization: `Bearer ${tokens.accessToken ?? ''}`,
          ...(tenantId ? { 'X-Linea-Tenant': tenantId } : {}),
        },
      });
      return response.status;
    },
    { path, tenantId },
  );
}

test('platform admin assigns a number to Demo Energy, whose admin creates an agent with SIP credentials', async ({
  openPage,
}) => {
  const carrierName = unique('E2E carrier');
  const e164 = `+37399${Date.now().toString().slice(-6)}`;
  const agentName = unique('E2E agent');
  const created: { carrier?: string; number?: string; agent?: string } = {};

  const platform = await openPage();
  await signIn(platform, 'platform');
  let tenantAdmin: Page | undefined;
  try {
    // a carrier (TEST-NET addresses: nothing real is ever reached)
    await platform.getByTestId('nav-carriers').click();
    await platform.getByTestId('carriers-create').click();
    const carrierForm = platform.getByTestId('carrier-form');
    await carrierForm.locator('input[name="name"]').fill(carrierName);
    await carrierForm.locator('input[name="host"]').fill('192.0.2.10');
    await carrierForm.locator('input[name="matchCidrs"]').fill('192.0.2.0/24');
    await carrierForm.getByTestId('carrier-cidr-add').click();
    await expect(carrierForm.getByTestId('carrier-cidrs')).toContainText('192.0.2.0/24');
    created.carrier = await createdId(platform, '/api/cc/platform/carriers', () =>
      carrierForm.getByTestId('carrier-save').click(),
    );
    await expect(carrierForm).toBeHidden();
    await expect(
      platform.locator(`[data-testid="carrier-row"][data-carrier-name="${carrierName}"]`),
    ).toBeVisible();

    // a number of that carrier, assigned to Demo Energy
    await platform.getByTestId('nav-inventory').click();
    await platform.getByTestId('inventory-create').click();
    const numberForm = platform.getByTestId('inventory-form');
    await numberForm.locator('input[name="e164"]').fill(e164);
    await numberForm.locator('select[name="type"]').selectOption('FREEPHONE');
    await numberForm.locator('select[name="carrierId"]').selectOption({ label: carrierName });
    await numberForm.locator('select[name="tenantId"]').selectOption({ label: 'Demo Energy' });
    created.number = await createdId(platform, '/api/cc/platform/numbers', () =>
      numberForm.getByTestId('inventory-save').click(),
    );
    await expect(numberForm).toBeHidden();
    await platform.getByTestId('inventory-search').fill(e164.slice(1));
    const numberRow = platform.locator(`[data-testid="inventory-row"][data-e164="${e164}"]`);
    await expect(numberRow.getByTestId('inventory-tenant')).toHaveText('Demo Energy');

    // Demo Energy's admin sees it among the tenant's numbers
    tenantAdmin = await openPage();
    await signIn(tenantAdmin, 'demo-admin');
    await expect(tenantAdmin.getByTestId('active-tenant-name')).toHaveText('Demo Energy');
    await tenantAdmin.getByTestId('nav-numbers').click();
    const tenantNumber = tenantAdmin.locator(`[data-testid="number-row"][data-e164="${e164}"]`);
    // demo-admin's profile language is Romanian (seed), so the page speaks Romanian
    await expect(tenantNumber).toContainText(ro.numberTypes.FREEPHONE);
    expect((await tenantNumber.getByTestId('number-formatted').innerText()).replace(/\s/g, '')).toBe(e164);

    // an agent, then its SIP credentials
    await tenantAdmin.getByTestId('nav-agents').click();
    await tenantAdmin.getByTestId('agents-create').click();
    const agentForm = tenantAdmin.getByTestId('agent-form');
    await agentForm.locator('input[name="displayName"]').fill(agentName);
    await expect(agentForm.locator('input[name="reach"][value="ENDPOINT"]')).toBeChecked();
    created.agent = await createdId(tenantAdmin, '/api/cc/agents', () =>
      agentForm.getByTestId('agent-save').click(),
    );
    await expect(agentForm).toBeHidden();
    const agentRow = tenantAdmin.locator(`[data-testid="agent-row"][data-agent-name="${agentName}"]`);
    await expect(agentRow.getByTestId('agent-sip')).toHaveText(ro.agents.noCredentials);

    await agentRow.getByTestId('agent-credentials').click();
    const credentials = tenantAdmin.getByTestId('credentials-modal');
    await expect(credentials.getByRole('alert')).toContainText(ro.agents.credentialsOnce);
    const password = await credentials.getByTestId('credentials-password').inputValue();
    const sipUsername = await credentials.getByTestId('credentials-sipUsername').inputValue();
    expect(password).not.toBe('');
    expect(sipUsername).not.toBe('');
    await expect(credentials.getByTestId('credentials-wssUrl')).toHaveValue(/^wss?:\/\//);
    await credentials.getByTestId('credentials-done').click();
    await expect(credentials).toBeHidden();

    // once: the list shows the login, never the password, and a new one must be asked for
    await expect(agentRow.getByTestId('agent-sip')).toHaveText(sipUsername);
    expect(await tenantAdmin.content()).not.toContain(password);
    await agentRow.getByTestId('agent-credentials').click();
    await expect(tenantAdmin.getByRole('dialog')).toContainText(
      ro.agents.regenerateConfirm.replace('{{name}}', agentName),
    );
    await tenantAdmin.getByTestId('confirm-cancel').click();
    await expect(tenantAdmin.getByRole('dialog')).toHaveCount(0);
  } finally {
    // leave the seeded platform as we found it, even when an assertion failed half-way
    if (created.agent && tenantAdmin)
      await remove(tenantAdmin, `/api/cc/agents/${created.agent}`, DEMO_TENANT_ID).catch(() => undefined);
    if (created.number)
      await remove(platform, `/api/cc/platform/numbers/${created.number}`).catch(() => undefined);
    if (created.carrier)
      await remove(platform, `/api/cc/platform/carriers/${created.carrier}`).catch(() => undefined);
  }
});
