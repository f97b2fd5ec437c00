import { DEMO_TENANT_ID } from './support/env';
import { apiCall, createdId, expect, ro, signIn, test, unique } from './support/linea';

// ACD-02, ACD-03, ACD-05, ACD-08: demo-admin (whose UI is Romanian) creates a skill and a break
// reason, and a queue that picks the most skilled agent and, with no agent logged in, announces a
// message and hangs up; the queue reads back the same after a reload. ACD-14: the callback list
// opens. ACD-05: "My status" explains that demo-admin is no agent (DemoSeed's agents have no user).
test('demo-admin sets up routing: a skill, a break reason and a queue with an overflow; callbacks; my status', async ({
  openPage,
}) => {
  const page = await openPage();
  await signIn(page, 'demo-admin');
  await expect(page.getByTestId('active-tenant-name')).toHaveText('Demo Energy');
  const created: { skill?: string; reason?: string; queue?: string } = {};
  try {
    // a skill (lists are sorted by name and paged: the 201 answer says it was created)
    const skillForm = page.getByTestId('skill-form');
    await page.getByTestId('nav-skills').click();
    await page.getByTestId('skills-create').click();
    await skillForm.locator('input[name="name"]').fill(unique('E2E skill'));
    created.skill = await createdId(page, '/api/cc/skills', () =>
      skillForm.getByTestId('skill-save').click(),
    );
    await expect(skillForm).toBeHidden();

    // a break reason
    const reasonForm = page.getByTestId('break-reason-form');
    await page.getByTestId('nav-break-reasons').click();
    await page.getByTestId('break-reasons-create').click();
    await reasonForm.locator('input[name="name"]').fill(unique('E2E break'));
    await reasonForm.locator('input[name="maxMinutes"]').fill('15');
    created.reason = await createdId(page, '/api/cc/break-reasons', () =>
      reasonForm.getByTestId('break-reason-save').click(),
    );
    await expect(reasonForm).toBeHidden();

    // a queue: most skilled agent first; with no agent, a message and then hang up
    const name = unique('E2E routing');
    const message = 'Ne pare rău, nu este niciun operator disponibil.';
    const queueForm = page.getByTestId('queue-form');
    const strategy = queueForm.locator('input[name="strategy"][value="MOST_SKILLED"]');
    const noAgents = queueForm.locator('select[name="overflow.noAgents.type"]');
    const noAgentsMessage = queueForm.locator('textarea[name="overflow.noAgents.message"]');
    await page.getByTestId('nav-queues').click();
    await page.getByTestId('queues-create').click();
    await queueForm.locator('input[name="name"]').fill(name);
    await page.getByTestId('queue-tab-distribution').click();
    await strategy.check();
    await page.getByTestId('queue-tab-overflow').click();
    await noAgents.selectOption('ANNOUNCE_HANGUP');
    await noAgentsMessage.fill(message);
    created.queue = await createdId(page, '/api/cc/queues', () =>
      queueForm.getByTestId('queue-save').click(),
    );
    await expect(page.getByTestId('page-title')).toHaveText(name);
    await expect(page).toHaveURL(new RegExp(`/queues/${created.queue}$`));

    // read back from the server
    await page.reload();
    await expect(page.getByTestId('page-title')).toHaveText(name);
    await page.getByTestId('queue-tab-distribution').click();
    await expect(strategy).toBeChecked();
    await page.getByTestId('queue-tab-overflow').click();
    await expect(noAgents).toHaveValue('ANNOUNCE_HANGUP');
    await expect(noAgentsMessage).toHaveValue(message);

    // the callback list: entries, or its empty state
    await page.getByTestId('nav-callbacks').click();
    await expect(page.getByTestId('page-title')).toHaveText(ro.callbacks.title);
    await expect(page.getByTestId('callbacks-table').or(page.getByTestId('empty-state'))).toBeVisible();

    // my status: demo-admin has no agent in Demo Energy
    await page.getByTestId('nav-presence').click();
    await expect(page.getByTestId('page-title')).toHaveText(ro.presence.title);
    await expect(page.getByTestId('empty-state')).toContainText(ro.presence.notAgentTitle);
    await expect(page.getByTestId('presence-available')).toHaveCount(0);
  } finally {
    // leave the demo tenant as we found it, even when an assertion failed half-way
    for (const [path, id] of [
      ['/api/cc/queues', created.queue],
      ['/api/cc/break-reasons', created.reason],
      ['/api/cc/skills', created.skill],
    ] as const) {
      if (id)
        await apiCall(page, 'DELETE', `${path}/${id}`, undefined, DEMO_TENANT_ID).catch(() => undefined);
    }
  }
});
