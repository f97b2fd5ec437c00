import type { Page } from '@playwright/test';
import { DEMO_TENANT_ID } from './env';
import { apiCall, apiJson, expect, unique } from './linea';

// What the softphone's browser tests and benchmark set up: a tenant number routed to a queue of its own,
// agents for the signed-in people with their softphones connected, and what they read back.

/** The demo clients DE-1001 and DE-1002 share this number (ServiceDeskSeed): both are offered. */
export const SHARED_NUMBER = '+37322456789';

export interface Stats {
  bytesSent: number;
  bytesReceived: number;
}

/** The browser's own WebRTC statistics of its one call (the softphone's diagnostics hook). */
export async function stats(page: Page): Promise<Stats | null> {
  return page.evaluate(async () => {
    const phone = (
      window as unknown as {
        lineaSoftphone?: {
          getState(): { calls: { id: string }[] };
          stats(id: string): Promise<Stats | null>;
        };
      }
    ).lineaSoftphone;
    const first = phone?.getState().calls[0];
    return first && phone ? phone.stats(first.id) : null;
  });
}

/** What a test created for its calls: removed again at its end. */
export interface Desk {
  e164: string;
  queueName: string;
  /** The agent of each given page, in order; the first is the queue's only member. */
  agents: string[];
  agentNames: string[];
  cleanup(): Promise<void>;
}

/**
 * A number of the demo carrier for Demo Energy routed to a queue of its own; an agent of Demo Energy for
 * each page's person, the first of them the queue's only member and logged in to it; every softphone
 * connected and registered.
 */
export async function desk(
  platform: Page,
  admin: Page,
  agentPages: Page[],
  label: string,
  { tenantId = DEMO_TENANT_ID, connect = true }: { tenantId?: string; connect?: boolean } = {},
): Promise<Desk> {
  const created: { number?: string; queue?: string; agents: string[] } = { agents: [] };
  const cleanup = async () => {
    for (const page of agentPages)
      await page
        .getByTestId('softphone-stop')
        .click({ timeout: 2000 })
        .catch(() => undefined);
    // the number first: a queue a number still routes to cannot be deleted
    if (created.number)
      await apiCall(platform, 'DELETE', `/api/cc/platform/numbers/${created.number}`).catch(() => undefined);
    for (const agent of created.agents)
      await apiCall(admin, 'DELETE', `/api/cc/agents/${agent}`, undefined, tenantId).catch(() => undefined);
    if (created.queue)
      await apiCall(admin, 'DELETE', `/api/cc/queues/${created.queue}`, undefined, tenantId).catch(
        () => undefined,
      );
  };
  try {
    const carriers = await apiJson<{ items: { id: string; host: string }[] }>(
      platform,
      'GET',
      '/api/cc/platform/carriers?size=200',
    );
    const carrier = carriers.body.items.find((c) => c.host === '127.0.0.2');
    expect(carrier, 'the demo carrier').toBeTruthy();
    const e164 = `+1800556${Date.now().toString().slice(-4)}`;
    const number = await apiJson<{ id: string }>(platform, 'POST', '/api/cc/platform/numbers', {
      e164,
      type: 'FREEPHONE',
      carrierId: carrier!.id,
      tenantId,
    });
    expect(number.status).toBe(201);
    created.number = number.body.id;
    const queueName = unique(label);
    created.queue = await newQueue(admin, queueName, tenantId);
    const routed = await apiJson(
      admin,
      'PUT',
      `/api/cc/numbers/${created.number}`,
      { target: 'QUEUE', queueId: created.queue, version: 0 },
      tenantId,
    );
    expect(routed.status, JSON.stringify(routed.body)).toBe(200);

    const agentNames: string[] = [];
    for (const page of agentPages) {
      const me = await apiJson<{ id: string }>(page, 'GET', '/api/identity/me');
      const displayName = unique('E2E Agent');
      const agent = await apiJson<{ id: string }>(
        admin,
        'POST',
        '/api/cc/agents',
        { displayName, userId: me.body.id, reach: 'ENDPOINT', available: true },
        tenantId,
      );
      expect(agent.status).toBe(201);
      created.agents.push(agent.body.id);
      agentNames.push(displayName);
    }
    await serveQueue(admin, agentPages[0]!, created.queue, created.agents[0]!, tenantId);

    // each softphone connects: one line, this tenant's, registered over WSS
    for (const page of connect ? agentPages : []) {
      await page.getByTestId('softphone-toggle').click();
      await page.getByTestId('softphone-start').click();
      const line = page.getByTestId('softphone-line');
      await expect(line).toHaveCount(1);
      await expect(line).toHaveAttribute('data-status', 'registered', { timeout: 30_000 });
      await expect(page.getByTestId('softphone-mic-denied')).toHaveCount(0);
    }
    return { e164, queueName, agents: created.agents, agentNames, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** A queue of the tenant without announcements or wrap-up time; its id. */
export async function newQueue(admin: Page, name: string, tenantId = DEMO_TENANT_ID): Promise<string> {
  const queue = await apiJson<{ id: string }>(
    admin,
    'POST',
    '/api/cc/queues',
    { name, serviceLevelSeconds: 20, wrapUpSeconds: 0, announcePosition: false, announceWait: false },
    tenantId,
  );
  expect(queue.status).toBe(201);
  return queue.body.id;
}

/** The agent becomes the queue's only member, and the agent's person (signed in on `page`) logs in to it. */
export async function serveQueue(
  admin: Page,
  page: Page,
  queueId: string,
  agentId: string,
  tenantId = DEMO_TENANT_ID,
): Promise<void> {
  const members = { members: [{ agentId, skills: [] }] };
  expect((await apiJson(admin, 'PUT', `/api/cc/queues/${queueId}/members`, members, tenantId)).status).toBe(
    200,
  );
  expect((await apiJson(page, 'POST', '/api/cc/presence/me/login', { queueId }, tenantId)).status).toBe(200);
}

/** The page's softphone rings and answers: its call card and the call's interaction. */
export async function answerOffer(page: Page) {
  const offer = page.getByTestId('softphone-call');
  await expect(offer).toHaveAttribute('data-state', 'ringing', { timeout: 60_000 });
  const interactionId = await offer.getAttribute('data-interaction');
  await offer.getByTestId('softphone-answer').click();
  await expect(offer).toHaveAttribute('data-state', 'talking', { timeout: 20_000 });
  return { offer, interactionId };
}

/** The interaction as a supervisor (demo-admin) reads it. */
export async function interaction(admin: Page, id: string | null) {
  return (
    await apiJson<{
      state: string;
      agentId: string;
      endReason: string | null;
      events: { type: string; agentId: string | null }[];
    }>(admin, 'GET', `/api/cc/interactions/${id}`, undefined, DEMO_TENANT_ID)
  ).body;
}

/**
 * The interaction's state, its agent and its events of `types` in order, each agent given as its place in
 * `agents` from 1 (0: none), e.g. "ENDED agent 2 ANSWERED:1,TRANSFERRED:2".
 */
export async function story(
  admin: Page,
  id: string | null,
  agents: string[],
  types: string[],
): Promise<string> {
  const detail = await interaction(admin, id);
  const steps = detail.events
    .filter((e) => types.includes(e.type))
    .map((e) => `${e.type}:${agents.indexOf(e.agentId ?? '') + 1}`);
  return `${detail.state} agent ${agents.indexOf(detail.agentId) + 1} ${steps.join(',')}`;
}

/** Audio both ways on the page's one call, as the browser's WebRTC statistics count it. */
export async function expectAudio(page: Page) {
  const first = await stats(page);
  await expect
    .poll(
      async () => {
        const s = await stats(page);
        return s
          ? `sent ${s.bytesSent > (first?.bytesSent ?? 0) + 2000 ? 'audio' : s.bytesSent} received ${s.bytesReceived > (first?.bytesReceived ?? 0) + 2000 ? 'audio' : s.bytesReceived}`
          : 'no call';
      },
      { timeout: 20_000, message: 'the browser sends and receives audio' },
    )
    .toBe('sent audio received audio');
}
