import type { Page } from '@playwright/test';
import { throughCable, type Cable } from './support/cable';
import { answerOffer, desk, expectAudio, interaction, SHARED_NUMBER, type Desk } from './support/desk';
import { DEMO_TENANT_ID } from './support/env';
import { apiJson, expect, signedIn, test, type PageOptions } from './support/linea';
import { call, rtpPacketsTo, type Caller } from './support/sipp';

// AGT-02 "reconnect after network loss" with real parts: demo-agent1's softphone reaches the browser tests'
// Asterisk node through a TCP relay the test unplugs (support/cable.ts), so the secure WebSocket that carries
// SIP is cut as a dropped network would cut it, while a sipp caller stays on the line. Whatever happens while
// the connection is lost, the browser, Asterisk and cc-core agree once it is back.

interface Scene {
  admin: Page;
  agent: Page;
  setup: Desk;
  cable: () => Cable;
  /** Removes what the test created and closes the cable. */
  cleanup(): Promise<void>;
}

/** demo-agent1 signed in, its softphone connected through a cable, alone in a queue of its own. */
async function scene(openPage: (options?: PageOptions) => Promise<Page>, label: string): Promise<Scene> {
  const platform = await signedIn(openPage, 'platform');
  const admin = await signedIn(openPage, 'demo-admin');
  const agent = await signedIn(openPage, 'demo-agent1', { microphone: true });
  const cable = await throughCable(agent);
  const setup = await desk(platform, admin, [agent], label);
  expect(cable().connections, 'the softphone registered through the cable').toBe(1);
  const cleanup = async () => {
    await setup.cleanup();
    await cable().close();
  };
  return { admin, agent, setup, cable, cleanup };
}

/** The caller rings the agent, who answers; audio flows both ways. */
async function answered(agent: Page, caller: Caller) {
  const { offer, interactionId } = await answerOffer(agent);
  await expectAudio(agent);
  expect(await rtpPacketsTo(caller.mediaPort, 2000), 'RTP reaches the caller').toBeGreaterThan(40);
  return { offer, interactionId };
}

async function ended(admin: Page, interactionId: string | null) {
  await expect
    .poll(
      async () => {
        const detail = await interaction(admin, interactionId);
        return `${detail.state} ${detail.endReason}`;
      },
      { timeout: 20_000 },
    )
    .toMatch(/^ENDED /);
  return (await interaction(admin, interactionId)).endReason;
}

test('the connection dropped mid-call: the call and its audio go on, the line registers again, and the hang-up reaches the caller (AGT-02)', async ({
  openPage,
}) => {
  test.setTimeout(240_000);
  const { admin, agent, setup, cable, cleanup } = await scene(openPage, 'E2E network drop');
  const caller = call(setup.e164, SHARED_NUMBER, 150_000);
  try {
    const { offer, interactionId } = await answered(agent, caller);

    // the network goes: the line reconnects, the agent is told, the call and its audio go on
    cable().unplug();
    const line = agent.getByTestId('softphone-line');
    await expect(line).toHaveAttribute('data-status', 'reconnecting');
    await expect(offer.getByTestId('softphone-call-connection-lost')).toBeVisible();
    await expectAudio(agent);
    expect(await rtpPacketsTo(caller.mediaPort, 2000), 'the agent still reaches the caller').toBeGreaterThan(
      40,
    );
    expect((await interaction(admin, interactionId)).state).toBe('ANSWERED');

    // back: registered again over a new connection; the call, checked with Asterisk, is still on
    cable().plug();
    await expect(line).toHaveAttribute('data-status', 'registered', { timeout: 60_000 });
    expect(cable().connections).toBe(1);
    await expect(offer.getByTestId('softphone-call-connection-lost')).toHaveCount(0);
    await expectAudio(agent);
    await expect(offer).toHaveAttribute('data-state', 'talking');

    // the hang-up goes over the new connection: sipp gets the BYE long before its own hang-up
    await offer.getByTestId('softphone-hangup').click();
    const result = await caller.done;
    expect(result.code, result.output).toBe(0);
    expect(await ended(admin, interactionId)).toBe('AGENT_HANGUP');
  } finally {
    caller.stop();
    await cleanup();
  }
});

test('the caller hangs up while the connection is lost: once back, the softphone ends the call, opens its wrap-up, and the agent is free (AGT-02, AGT-05)', async ({
  openPage,
}) => {
  test.setTimeout(240_000);
  const { admin, agent, setup, cable, cleanup } = await scene(openPage, 'E2E network caller');
  // sipp hangs up 25 s after the number answers: the agent answers and the network goes before that
  const caller = call(setup.e164, SHARED_NUMBER, 25_000);
  try {
    const { offer, interactionId } = await answered(agent, caller);
    cable().unplug();
    await expect(agent.getByTestId('softphone-line')).toHaveAttribute('data-status', 'reconnecting');

    // Asterisk answers the caller's BYE; its own BYE to the agent cannot get through
    const result = await caller.done;
    expect(result.code, result.output).toBe(0);
    expect(await ended(admin, interactionId)).toBe('CALLER_HANGUP');
    await expect(offer, 'the browser cannot know yet').toHaveAttribute('data-state', 'talking');

    // back: the softphone asks Asterisk about the call, learns it is over, and opens the wrap-up
    cable().plug();
    await expect(agent.getByTestId('softphone-line')).toHaveAttribute('data-status', 'registered', {
      timeout: 60_000,
    });
    await expect(agent.getByTestId('softphone-wrap-up')).toHaveAttribute('data-interaction', interactionId!, {
      timeout: 15_000,
    });
    await expect(agent.getByTestId('softphone-call')).toHaveCount(0, { timeout: 15_000 });
    await expect
      .poll(
        async () =>
          (await apiJson<{ state: string }>(agent, 'GET', '/api/cc/presence/me', undefined, DEMO_TENANT_ID))
            .body.state,
      )
      .toBe('AVAILABLE');
  } finally {
    caller.stop();
    await cleanup();
  }
});

test('a call arriving while the connection is lost rings once it is back; hanging up while it is lost releases the caller (AGT-02)', async ({
  openPage,
}) => {
  test.setTimeout(240_000);
  const { admin, agent, setup, cable, cleanup } = await scene(openPage, 'E2E network queue');
  const line = agent.getByTestId('softphone-line');
  cable().unplug();
  await expect(line).toHaveAttribute('data-status', 'reconnecting');
  const caller = call(setup.e164, SHARED_NUMBER, 150_000);
  try {
    // the caller waits in the queue: the routing engine offers the call, but the agent's phone cannot be
    // reached, which the interaction records; nothing rings
    const waiting = async () => {
      const list = await apiJson<{ items: { id: string; tenantNumber: string }[] }>(
        admin,
        'GET',
        '/api/cc/interactions?size=50',
        undefined,
        DEMO_TENANT_ID,
      );
      const mine = list.body.items.find((i) => i.tenantNumber === setup.e164);
      if (!mine) return 'no call yet';
      const detail = await interaction(admin, mine.id);
      return `${detail.state === 'ENDED' ? 'ended' : 'open'}: ${detail.events.map((e) => e.type).join(',')}`;
    };
    await expect.poll(waiting, { timeout: 30_000 }).toMatch(/^open: .*FAILED/);
    await expect(agent.getByTestId('softphone-call')).toHaveCount(0);

    // back: the routing engine offers the waiting call again, and it rings
    cable().plug();
    await expect(line).toHaveAttribute('data-status', 'registered', { timeout: 60_000 });
    const { offer, interactionId } = await answered(agent, caller);

    // lost again, the agent hangs up: no BYE can leave the browser, so cc-core ends the agent's leg
    cable().unplug();
    await expect(line).toHaveAttribute('data-status', 'reconnecting');
    await offer.getByTestId('softphone-hangup').click();
    const result = await caller.done;
    expect(result.code, result.output).toBe(0);
    expect(await ended(admin, interactionId)).toBe('AGENT_HANGUP');
    await expect(agent.getByTestId('softphone-wrap-up')).toHaveAttribute('data-interaction', interactionId!);

    cable().plug();
    await expect(line).toHaveAttribute('data-status', 'registered', { timeout: 60_000 });
  } finally {
    caller.stop();
    await cleanup();
  }
});
