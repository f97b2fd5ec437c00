import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import {
  answerOffer,
  desk,
  expectAudio,
  interaction,
  newQueue,
  serveQueue,
  SHARED_NUMBER,
  story,
} from './support/desk';
import { DEMO_TENANT_ID, HEALTH_TENANT_ID } from './support/env';
import { apiCall, apiJson, expect, signedIn, test, unique, type PageOptions } from './support/linea';
import { answer, call, rtpPacketsTo } from './support/sipp';

// AGT-02, AGT-04, TEN-03 with real parts: a sipp caller (the demo carrier 127.0.0.2) reaches a queue on
// the browser tests' Asterisk node; demo-agent1's browser softphone (JsSIP over WSS, DTLS-SRTP, a fake
// microphone) gets the offer with the tenant, the queue and the clients matching the caller, answers,
// and audio flows both ways; hold plays music on hold to the caller; the agent hangs up.

/** The message in every language (demo-agent1's language is the seed's choice). */
const MIC_DENIED = Object.fromEntries(
  ['en', 'ro', 'ru', 'cs', 'pl', 'uk', 'kk'].map((language) => [
    language,
    (
      JSON.parse(
        readFileSync(
          join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'i18n', 'locales', `${language}.json`),
          'utf8',
        ),
      ) as { softphone: { microphoneDenied: string } }
    ).softphone.microphoneDenied,
  ]),
);

test('an agent answers a sipp caller in the browser softphone: screen pop, audio both ways, hold with music, hang up', async ({
  openPage,
}) => {
  test.setTimeout(240_000);
  const platform = await signedIn(openPage, 'platform');
  const admin = await signedIn(openPage, 'demo-admin');
  const agentPage = await signedIn(openPage, 'demo-agent1', { microphone: true });
  let caller: ReturnType<typeof call> | undefined;
  const setup = await desk(platform, admin, [agentPage], 'E2E softphone');
  try {
    // the offer: tenant, queue, and the two clients of the caller's number
    caller = call(setup.e164, SHARED_NUMBER, 90_000);
    const offer = agentPage.getByTestId('softphone-call');
    await expect(offer).toHaveAttribute('data-state', 'ringing', { timeout: 30_000 });
    await expect(offer.getByTestId('softphone-call-tenant')).toHaveText('Demo Energy');
    await expect(offer.getByTestId('softphone-call-queue')).toContainText(setup.queueName);
    await expect(offer.getByTestId('softphone-call-number')).toContainText(SHARED_NUMBER.slice(1));
    await expect(offer.getByTestId('screen-pop-client')).toHaveCount(2);
    const interactionId = await offer.getAttribute('data-interaction');
    expect(interactionId).toMatch(/^[0-9a-f-]{36}$/);

    // answer (keyboard shortcut): audio both ways, as the browser and the caller's port see it;
    // the browser's fake microphone reaches sipp, which echoes it back through Asterisk
    await agentPage.keyboard.press('Alt+a');
    await expect(offer).toHaveAttribute('data-state', 'talking', { timeout: 20_000 });
    await expectAudio(agentPage);
    expect(await rtpPacketsTo(caller.mediaPort, 2000), 'RTP reaches the caller').toBeGreaterThan(40);

    // hold: the caller keeps receiving RTP (music on hold), then resume
    await agentPage.getByTestId('softphone-hold').click();
    await expect(offer).toHaveAttribute('data-held', 'true');
    await expect
      .poll(async () => (await interaction(admin, interactionId)).events.map((e) => e.type), {
        timeout: 15_000,
      })
      .toContain('HELD');
    expect(await rtpPacketsTo(caller.mediaPort, 2000), 'music on hold reaches the caller').toBeGreaterThan(
      40,
    );
    await agentPage.getByTestId('softphone-hold').click();
    await expect(offer).toHaveAttribute('data-held', 'false');

    // hang up: the caller gets the BYE, the interaction ends with this agent
    await agentPage.getByTestId('softphone-hangup').click();
    await expect(offer).toHaveAttribute('data-state', 'ended');
    const result = await caller.done;
    expect(result.code, result.output).toBe(0);
    await expect
      .poll(
        async () => {
          const detail = await interaction(admin, interactionId);
          return `${detail.state} ${detail.agentId} ${detail.events
            .map((e) => e.type)
            .filter((t) => t === 'HELD' || t === 'RESUMED')
            .join(',')}`;
        },
        { timeout: 15_000 },
      )
      .toBe(`ENDED ${setup.agents[0]} HELD,RESUMED`);
  } finally {
    caller?.stop();
    await setup.cleanup();
  }
});

/**
 * Agent 1 (demo-agent1) answers a sipp caller and consults agent 2 (demo-agent2, a second browser) from the
 * transfer panel; agent 2 sees the offer of the same call from agent 1 and answers, while the caller hears
 * music on hold; agent 1's panel sees the answer. What the transfer and conference tests start from.
 */
async function consulting(openPage: (options?: PageOptions) => Promise<Page>, label: string) {
  const platform = await signedIn(openPage, 'platform');
  const admin = await signedIn(openPage, 'demo-admin');
  const first = await signedIn(openPage, 'demo-agent1', { microphone: true });
  const second = await signedIn(openPage, 'demo-agent2', { microphone: true });
  const setup = await desk(platform, admin, [first, second], label);
  const caller = call(setup.e164, SHARED_NUMBER, 120_000);
  const cleanup = async () => {
    caller.stop();
    await setup.cleanup();
  };
  try {
    const { offer, interactionId } = await answerOffer(first);

    // the transfer panel: agent 2 found by name, consulted
    await first.getByTestId('softphone-transfer').click();
    await first.getByTestId('transfer-search').fill(setup.agentNames[1]!);
    const target = first.getByTestId('transfer-target').filter({ hasText: setup.agentNames[1]! });
    await expect(target).toHaveCount(1);
    await target.getByTestId('transfer-consult-start').click();
    await expect(first.getByTestId('transfer-consult')).toBeVisible();

    // agent 2 is offered the same client's call, from agent 1; the caller hears music meanwhile
    const consult = second.getByTestId('softphone-call');
    await expect(consult).toHaveAttribute('data-state', 'ringing', { timeout: 30_000 });
    await expect(consult).toHaveAttribute('data-interaction', interactionId!);
    await expect(consult.getByTestId('softphone-call-transfer-from')).toContainText(setup.agentNames[0]!);
    await expect(consult.getByTestId('softphone-call-tenant')).toHaveText('Demo Energy');
    expect(await rtpPacketsTo(caller.mediaPort, 2000), 'music on hold reaches the caller').toBeGreaterThan(
      40,
    );
    await second.getByTestId('softphone-answer').click();
    await expect(consult).toHaveAttribute('data-state', 'talking', { timeout: 20_000 });
    await expect(first.getByTestId('transfer-consult')).toHaveAttribute('data-answered', 'true', {
      timeout: 15_000,
    });
    return { admin, first, second, setup, caller, offer, consult, interactionId, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

test('an attended transfer: agent 1 consults agent 2 in another browser while the caller hears music, hands the call over, and agent 2 wraps it up (AGT-03, AGT-05)', async ({
  openPage,
}) => {
  test.setTimeout(240_000);
  const { admin, first, second, setup, caller, offer, interactionId, cleanup } = await consulting(
    openPage,
    'E2E transfer',
  );
  let formId: string | undefined;
  try {
    // an intake form of Demo Energy for the wrap-up (CRM-02)
    const formName = unique('E2E meter form');
    const form = await apiJson<{ id: string }>(
      admin,
      'POST',
      '/api/cc/forms',
      { name: formName, fields: [{ key: 'reading', label: 'Meter reading', type: 'TEXT', required: true }] },
      DEMO_TENANT_ID,
    );
    expect(form.status).toBe(201);
    formId = form.body.id;

    // agent 1 completes: their call ends, agent 2 and the caller are bridged and hear each other
    await first.getByTestId('transfer-complete').click();
    await expect(offer).toHaveAttribute('data-state', 'ended', { timeout: 15_000 });
    await expectAudio(second);
    expect(await rtpPacketsTo(caller.mediaPort, 2000), 'agent 2 reaches the caller').toBeGreaterThan(40);

    await second.getByTestId('softphone-hangup').click();
    const result = await caller.done;
    expect(result.code, result.output).toBe(0);

    // wrap-up by agent 2 (AGT-05): one of the caller's two clients, a category of Demo Energy, a note,
    // and the intake form
    const wrapUp = second.getByTestId('softphone-wrap-up');
    await expect(wrapUp).toHaveAttribute('data-interaction', interactionId!);
    const clientSelect = wrapUp.getByTestId('softphone-wrap-up-client');
    await expect(clientSelect.locator('option')).toHaveCount(3);
    await clientSelect.selectOption({ index: 1 });
    const clientId = await clientSelect.inputValue();
    await wrapUp.getByTestId('softphone-wrap-up-categories').click();
    const category = second.getByRole('listbox').getByRole('option').first();
    const categoryName = (await category.innerText()).trim();
    await category.click();
    await second.keyboard.press('Escape');
    const note = unique('Meter reading disputed');
    await wrapUp.getByTestId('softphone-wrap-up-note').fill(note);
    await wrapUp.getByTestId('fill-form-select').selectOption({ label: formName });
    await wrapUp.getByTestId('fill-form-open').click();
    await wrapUp.getByTestId('form-value-reading').fill('04711');
    await wrapUp.getByTestId('answer-save').click();
    await expect(wrapUp.getByTestId('answer')).toContainText('04711');
    const answers = await apiJson<{
      items: { formId: string; clientId: string; fields: { value?: unknown }[] }[];
    }>(admin, 'GET', `/api/cc/form-answers?interactionId=${interactionId}`, undefined, DEMO_TENANT_ID);
    expect(answers.body.items.map((a) => [a.formId, a.clientId, a.fields[0]?.value])).toEqual([
      [form.body.id, clientId, '04711'],
    ]);
    await wrapUp.getByTestId('softphone-wrap-up-save').click();
    await expect(wrapUp).toHaveCount(0);
    const categories = await apiJson<{ categories: { name: string }[] }>(
      admin,
      'GET',
      `/api/cc/interactions/${interactionId}/categories`,
      undefined,
      DEMO_TENANT_ID,
    );
    expect(categoryName).toContain(categories.body.categories.map((c) => c.name).join());
    const notes = await apiJson<{ items: { text: string; interactionId: string }[] }>(
      admin,
      'GET',
      `/api/cc/clients/${clientId}/notes`,
      undefined,
      DEMO_TENANT_ID,
    );
    const items = Array.isArray(notes.body) ? (notes.body as typeof notes.body.items) : notes.body.items;
    expect(items.find((n) => n.text === note)?.interactionId).toBe(interactionId);
    const history = await apiJson<{ items: { id: string }[] } | { id: string }[]>(
      admin,
      'GET',
      `/api/cc/clients/${clientId}/interactions`,
      undefined,
      DEMO_TENANT_ID,
    );
    const calls = Array.isArray(history.body) ? history.body : history.body.items;
    expect(
      calls.map((c) => c.id),
      'the call is in the client card history',
    ).toContain(interactionId);

    await expect
      .poll(
        () =>
          story(admin, interactionId, setup.agents, ['ANSWERED', 'CONSULTING', 'CONSULTED', 'TRANSFERRED']),
        { timeout: 15_000 },
      )
      .toBe('ENDED agent 2 ANSWERED:1,CONSULTING:2,CONSULTED:2,TRANSFERRED:2');
  } finally {
    await cleanup();
    if (formId)
      await apiCall(admin, 'DELETE', `/api/cc/forms/${formId}`, undefined, DEMO_TENANT_ID).catch(
        () => undefined,
      );
  }
});

test('a three-way conference: agent 1 joins agent 2 to the call, all three hear each other, then agent 1 leaves (AGT-02, AGT-03)', async ({
  openPage,
}) => {
  test.setTimeout(240_000);
  const { admin, first, second, setup, caller, offer, consult, interactionId, cleanup } = await consulting(
    openPage,
    'E2E conference',
  );
  try {
    // all three in the caller's bridge: both browsers send and receive, the caller gets RTP
    await first.getByTestId('transfer-conference').click();
    await expect
      .poll(async () => (await interaction(admin, interactionId)).events.map((e) => e.type), {
        timeout: 15_000,
      })
      .toContain('CONFERENCED');
    await expectAudio(first);
    await expectAudio(second);
    expect(await rtpPacketsTo(caller.mediaPort, 2000), 'the conference reaches the caller').toBeGreaterThan(
      40,
    );

    // agent 1 leaves: agent 2 keeps the caller
    await first.getByTestId('transfer-complete').click();
    await expect(offer).toHaveAttribute('data-state', 'ended', { timeout: 15_000 });
    await expect(consult).toHaveAttribute('data-state', 'talking');
    await expectAudio(second);
    await second.getByTestId('softphone-hangup').click();
    const result = await caller.done;
    expect(result.code, result.output).toBe(0);
    await expect
      .poll(
        async () => {
          const detail = await interaction(admin, interactionId);
          return `${detail.state} agent ${setup.agents.indexOf(detail.agentId) + 1} ${detail.events
            .filter((e) => ['CONFERENCED', 'TRANSFERRED'].includes(e.type))
            .map((e) => e.type)
            .join(',')}`;
        },
        { timeout: 15_000 },
      )
      .toBe('ENDED agent 2 CONFERENCED,TRANSFERRED');
  } finally {
    await cleanup();
  }
});

test('a transfer to a queue: agent 1 sends the call to another queue, where agent 2 gets it and agent 1 wraps up (AGT-03)', async ({
  openPage,
}) => {
  test.setTimeout(240_000);
  const platform = await signedIn(openPage, 'platform');
  const admin = await signedIn(openPage, 'demo-admin');
  const first = await signedIn(openPage, 'demo-agent1', { microphone: true });
  const second = await signedIn(openPage, 'demo-agent2', { microphone: true });
  const setup = await desk(platform, admin, [first, second], 'E2E to queue');
  let secondQueue: string | undefined;
  const caller = call(setup.e164, SHARED_NUMBER, 120_000);
  try {
    // a second queue of Demo Energy, served by agent 2 alone
    const queueName = unique('E2E second line');
    secondQueue = await newQueue(admin, queueName);
    await serveQueue(admin, second, secondQueue, setup.agents[1]!);
    const { offer, interactionId } = await answerOffer(first);

    // agent 1 finds the queue in the transfer panel, with its live state, and sends the call there
    await first.getByTestId('softphone-transfer').click();
    await first.getByTestId('transfer-search').fill(queueName);
    const row = first.getByTestId('transfer-queue').filter({ hasText: queueName });
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('transfer-queue-live')).toContainText('1');
    await row.getByTestId('transfer-queue-start').click();
    await expect(offer).toHaveAttribute('data-state', 'ended', { timeout: 15_000 });
    await expect(first.getByTestId('softphone-wrap-up')).toHaveAttribute('data-interaction', interactionId!);

    // agent 2 is offered the same call from the second queue; the caller hears music meanwhile
    const next = second.getByTestId('softphone-call');
    await expect(next).toHaveAttribute('data-state', 'ringing', { timeout: 30_000 });
    await expect(next).toHaveAttribute('data-interaction', interactionId!);
    await expect(next.getByTestId('softphone-call-queue')).toContainText(queueName);
    expect(await rtpPacketsTo(caller.mediaPort, 2000), 'music reaches the caller').toBeGreaterThan(40);
    await second.getByTestId('softphone-answer').click();
    await expect(next).toHaveAttribute('data-state', 'talking', { timeout: 20_000 });
    await expectAudio(second);
    expect(await rtpPacketsTo(caller.mediaPort, 2000), 'agent 2 reaches the caller').toBeGreaterThan(40);

    await second.getByTestId('softphone-hangup').click();
    const result = await caller.done;
    expect(result.code, result.output).toBe(0);
    await expect
      .poll(() => story(admin, interactionId, setup.agents, ['QUEUED', 'ANSWERED', 'TRANSFERRED']), {
        timeout: 15_000,
      })
      .toBe('ENDED agent 2 QUEUED:0,ANSWERED:1,TRANSFERRED:0,QUEUED:0,ANSWERED:2');
  } finally {
    caller.stop();
    await setup.cleanup();
    if (secondQueue)
      await apiCall(admin, 'DELETE', `/api/cc/queues/${secondQueue}`, undefined, DEMO_TENANT_ID).catch(
        () => undefined,
      );
  }
});

test('a transfer to an external number: the carrier gets the call with the client’s number as caller ID, and the caller talks to it (AGT-03)', async ({
  openPage,
}) => {
  test.setTimeout(180_000);
  const platform = await signedIn(openPage, 'platform');
  const admin = await signedIn(openPage, 'demo-admin');
  const agentPage = await signedIn(openPage, 'demo-agent1', { microphone: true });
  const setup = await desk(platform, admin, [agentPage], 'E2E to number');
  // the caller speaks 12 s after the number answers: by then the call is with the external number
  const caller = call(setup.e164, SHARED_NUMBER, 25_000, 12_000);
  const callee = answer();
  try {
    const { offer, interactionId } = await answerOffer(agentPage);

    // the number typed in the transfer panel's search box is offered; the agent sends the call there
    await agentPage.getByTestId('softphone-transfer').click();
    await agentPage.getByTestId('transfer-search').fill('+373 22 000 777');
    await agentPage.getByTestId('transfer-number-start').click();
    await expect(offer).toHaveAttribute('data-state', 'ended', { timeout: 15_000 });
    await expect(agentPage.getByTestId('softphone-wrap-up')).toHaveAttribute(
      'data-interaction',
      interactionId!,
    );

    // the carrier (sipp on 127.0.0.2) gets the call with Demo Energy's number, answers, and the caller's
    // audio reaches it and comes back (the callee echoes it)
    await expect
      .poll(() => /INVITE sip:\+?37322000777@/.test(callee.messages()), { timeout: 20_000 })
      .toBe(true);
    const invite = callee.messages().split('INVITE sip:')[1] ?? '';
    expect(invite.match(/^From:.*$/m)?.[0], 'the caller ID the carrier sees').toContain(setup.e164);
    await expect.poll(() => /^ACK sip:/m.test(callee.messages()), { timeout: 20_000 }).toBe(true);
    await expect
      .poll(() => rtpPacketsTo(caller.mediaPort, 1000), {
        timeout: 30_000,
        message: "the caller's speech reaches the number and comes back",
      })
      .toBeGreaterThan(20);

    // the caller hangs up: the number gets the BYE; the interaction names the number
    const result = await caller.done;
    expect(result.code, result.output).toBe(0);
    const forwarded = await callee.done;
    expect(forwarded.code, forwarded.output).toBe(0);
    await expect
      .poll(() => story(admin, interactionId, setup.agents, ['ANSWERED', 'TRANSFERRED']), { timeout: 15_000 })
      .toBe('ENDED agent 0 ANSWERED:1,TRANSFERRED:0');
  } finally {
    caller.stop();
    callee.stop();
    await setup.cleanup();
  }
});

test('an outbound call from the softphone keypad shows the chosen number of the client as caller ID (AGT-02, TEL-05)', async ({
  openPage,
}) => {
  test.setTimeout(180_000);
  const platform = await signedIn(openPage, 'platform');
  const admin = await signedIn(openPage, 'demo-admin');
  const agentPage = await signedIn(openPage, 'demo-agent1', { microphone: true });
  const setup = await desk(platform, admin, [agentPage], 'E2E outbound');
  const callee = answer();
  try {
    const dial = agentPage.getByTestId('softphone-dial');
    await dial.getByTestId('softphone-dial-from').selectOption({ label: setup.e164 });
    await dial.getByTestId('softphone-dial-number').fill('+37322000999');
    await dial.getByTestId('softphone-dial-call').click();

    // the agent's own softphone rings first and answers by itself; then the carrier gets the call
    const placed = agentPage.getByTestId('softphone-call');
    await expect(placed).toHaveAttribute('data-state', 'talking', { timeout: 30_000 });
    await expect
      .poll(() => /INVITE sip:\+?37322000999@/.test(callee.messages()), { timeout: 20_000 })
      .toBe(true);
    const invite = callee.messages().split('INVITE sip:')[1] ?? '';
    expect(invite.match(/^From:.*$/m)?.[0], 'the caller ID the carrier sees').toContain(setup.e164);
    await expectAudio(agentPage);

    await agentPage.getByTestId('softphone-hangup').click();
    const result = await callee.done;
    expect(result.code, result.output).toBe(0);
  } finally {
    callee.stop();
    await setup.cleanup();
  }
});

test("the BPO operator of two clients gets calls of both, each with that client's own clients and categories (TEN-03, AGT-04, AGT-05)", async ({
  openPage,
}) => {
  test.setTimeout(240_000);
  const platform = await signedIn(openPage, 'platform');
  const demoAdmin = await signedIn(openPage, 'demo-admin');
  const healthAdmin = await signedIn(openPage, 'health-admin');
  const operator = await signedIn(openPage, 'operator', { microphone: true });
  const callers: ReturnType<typeof call>[] = [];
  const created: { client?: string; categories: [Page, string, string][] } = { categories: [] };
  const demo = await desk(platform, demoAdmin, [operator], 'E2E BPO energy', { connect: false });
  const health = await desk(platform, healthAdmin, [operator], 'E2E BPO health', {
    tenantId: HEALTH_TENANT_ID,
    connect: false,
  });
  try {
    // a client of Health Line with the second caller's number, and a category in each tenant
    const healthCaller = `+38044${Date.now().toString().slice(-7)}`;
    const client = await apiJson<{ id: string }>(
      healthAdmin,
      'POST',
      '/api/cc/clients',
      { firstName: 'Petro', lastName: unique('Shevchenko'), phones: [{ number: healthCaller }] },
      HEALTH_TENANT_ID,
    );
    expect(client.status).toBe(201);
    created.client = client.body.id;
    const categoryOf = async (admin: Page, tenantId: string, name: string) => {
      const made = await apiJson<{ id: string }>(admin, 'POST', '/api/cc/categories', { name }, tenantId);
      expect(made.status).toBe(201);
      created.categories.push([admin, tenantId, made.body.id]);
    };
    const energyCategory = unique('E2E meter');
    const healthCategory = unique('E2E prescription');
    await categoryOf(demoAdmin, DEMO_TENANT_ID, energyCategory);
    await categoryOf(healthAdmin, HEALTH_TENANT_ID, healthCategory);

    // one softphone, two lines: Demo Energy and Health Line
    await operator.getByTestId('softphone-toggle').click();
    await operator.getByTestId('softphone-start').click();
    const lines = operator.getByTestId('softphone-line');
    await expect(lines).toHaveCount(2);
    for (const line of await lines.all())
      await expect(line).toHaveAttribute('data-status', 'registered', { timeout: 30_000 });

    const takeAndWrapUp = async (tenantName: string, clients: number, own: string, foreign: string) => {
      // the card of the call before may still show for a few seconds: this one is the ringing one
      const ringing = operator.locator('[data-testid="softphone-call"][data-state="ringing"]');
      await expect(ringing).toHaveCount(1, { timeout: 30_000 });
      const interactionId = await ringing.getAttribute('data-interaction');
      const offer = operator.locator(`[data-testid="softphone-call"][data-interaction="${interactionId}"]`);
      await expect(offer.getByTestId('softphone-call-tenant')).toHaveText(tenantName);
      await expect(offer.getByTestId('screen-pop-client')).toHaveCount(clients);
      await offer.getByTestId('softphone-answer').click();
      await expect(offer).toHaveAttribute('data-state', 'talking', { timeout: 20_000 });
      await offer.getByTestId('softphone-hangup').click();
      const wrapUp = operator.locator(
        `[data-testid="softphone-wrap-up"][data-interaction="${interactionId}"]`,
      );
      await expect(wrapUp).toContainText(tenantName);
      await wrapUp.getByTestId('softphone-wrap-up-categories').click();
      const options = operator.getByRole('listbox').getByRole('option');
      await expect(options.filter({ hasText: own })).toHaveCount(1);
      await expect(options.filter({ hasText: foreign })).toHaveCount(0);
      await operator.keyboard.press('Escape');
      await wrapUp.getByTestId('softphone-wrap-up-close').click();
      await expect(wrapUp).toHaveCount(0);
    };

    callers.push(call(demo.e164, SHARED_NUMBER, 60_000));
    await takeAndWrapUp('Demo Energy', 2, energyCategory, healthCategory);
    callers.push(call(health.e164, healthCaller, 60_000));
    await takeAndWrapUp('Health Line', 1, healthCategory, energyCategory);
    await expect(operator.getByTestId('screen-pop-client')).toHaveCount(0);
    for (const caller of callers) expect((await caller.done).code).toBe(0);
  } finally {
    callers.forEach((c) => c.stop());
    for (const [admin, tenantId, id] of created.categories)
      await apiCall(admin, 'DELETE', `/api/cc/categories/${id}`, undefined, tenantId).catch(() => undefined);
    if (created.client)
      await apiCall(
        healthAdmin,
        'DELETE',
        `/api/cc/clients/${created.client}`,
        undefined,
        HEALTH_TENANT_ID,
      ).catch(() => undefined);
    await health.cleanup();
    await demo.cleanup();
  }
});

test('a refused microphone is explained in the softphone', async ({ openPage }) => {
  const page = await signedIn(openPage, 'demo-agent1', { microphone: false });
  await page.getByTestId('softphone-toggle').click();
  await page.getByTestId('softphone-start').click();
  await expect(page.getByTestId('softphone-mic-denied')).toBeVisible({ timeout: 20_000 });
  const text = (await page.getByTestId('softphone-mic-denied').innerText()).trim();
  expect(Object.values(MIC_DENIED)).toContain(text);
});
