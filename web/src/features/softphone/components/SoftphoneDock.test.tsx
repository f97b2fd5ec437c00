import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_ID, HEALTH_ID, operator } from '@/test/fixtures';
import type { RecordedCall } from '@/test/render';
import { renderApp } from '@/test/render';
import { softphone } from '../engine';

// AGT-02, AGT-04, TEN-03: the softphone as the operator sees it. JsSIP (a third-party library) is
// replaced by a stand-in that records what the softphone asks of it and lets the test raise its
// events; the real JsSIP, Asterisk and a SIP caller run in e2e/softphone.spec.ts.
const jssip = vi.hoisted(() => {
  type Handler = (event: unknown) => void;
  class Emitter {
    private readonly handlers = new Map<string, Handler[]>();
    on(name: string, handler: Handler) {
      this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
      return this;
    }
    emit(name: string, event: unknown = {}) {
      for (const handler of this.handlers.get(name) ?? []) handler(event);
    }
  }
  class Session extends Emitter {
    answered: unknown = null;
    terminated: unknown = null;
    muted = false;
    held = false;
    connection = null;
    dtmf: string[] = [];
    remote_identity: { uri: { user: string } };
    constructor(number: string) {
      super();
      this.remote_identity = { uri: { user: number } };
    }
    answer(options: unknown) {
      this.answered = options;
    }
    terminate(options: unknown = {}) {
      this.terminated = options;
      this.emit('ended', { cause: 'Terminated' });
    }
    isMuted() {
      return { audio: this.muted };
    }
    mute() {
      this.muted = true;
      this.emit('muted');
    }
    unmute() {
      this.muted = false;
      this.emit('unmuted');
    }
    isOnHold() {
      return { local: this.held };
    }
    hold() {
      this.held = true;
      this.emit('hold');
    }
    unhold() {
      this.held = false;
      this.emit('unhold');
    }
    sendDTMF(digits: string) {
      this.dtmf.push(digits);
    }
    renegotiations = 0;
    renegotiate() {
      this.renegotiations += 1;
      return true;
    }
  }
  class UA extends Emitter {
    static all: UA[] = [];
    started = false;
    stopped = false;
    registers = 0;
    connected = true;
    constructor(readonly config: Record<string, unknown>) {
      super();
      UA.all.push(this);
    }
    start() {
      this.started = true;
    }
    stop() {
      this.stopped = true;
    }
    register() {
      this.registers += 1;
    }
    isConnected() {
      return this.connected;
    }
    /** JsSIP's WebSocket went away: it says so, then tries again on its own. */
    lose() {
      this.connected = false;
      this.emit('disconnected', { error: true });
    }
    /** It is back and registered again. */
    restore() {
      this.connected = true;
      this.emit('connected');
      this.emit('registered');
    }
  }
  class WebSocketInterface {
    constructor(readonly url: string) {}
  }
  return { UA, Session, WebSocketInterface };
});
vi.mock('jssip', () => ({ default: { UA: jssip.UA, WebSocketInterface: jssip.WebSocketInterface } }));

/** The operator of both demo tenants, allowed to see and note clients in each (agents are). */
const deskOperator = {
  ...operator,
  memberships: operator.memberships.map((m) => ({
    ...m,
    permissions: [...m.permissions, 'clients.view', 'clients.manage'],
  })),
};

function credentials(call: RecordedCall) {
  const tenantId = call.headers['X-Linea-Tenant'];
  const user = tenantId === DEMO_ID ? 'agdemo000001' : 'aghealth0001';
  return {
    status: 201,
    body: {
      tenantId,
      agentId: `agent-${user}`,
      displayName: 'Olena',
      sipUsername: user,
      password: 'secret-secret-secret',
      realm: 'linea',
      sipDomain: 'sip.example.test',
      wssUrl: 'wss://sip.example.test:8089/ws',
    },
  };
}

const routes = {
  'POST /api/cc/softphone/credentials': credentials,
  'GET /api/cc/clients/identify': (call: RecordedCall) =>
    call.headers['X-Linea-Tenant'] === HEALTH_ID && call.search.get('phone') === '+37369000001'
      ? [{ id: 'c-petro', firstName: 'Petro', lastName: 'Shevchenko', organisation: null, externalId: 'H-1' }]
      : [],
};

/** An offer as cc-core sends it: the INVITE's X-Linea headers (names percent-encoded). */
function offer(ua: InstanceType<typeof jssip.UA>, headers: Record<string, string>, number = '+37369000001') {
  const session = new jssip.Session(number);
  act(() =>
    ua.emit('newRTCSession', {
      originator: 'remote',
      session,
      request: { getHeader: (name: string) => headers[name] },
    }),
  );
  return session;
}

function allowMicrophone(allowed: boolean) {
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: {
      getUserMedia: allowed
        ? vi.fn(async () => ({ getTracks: () => [] }))
        : vi.fn(async () => Promise.reject(new DOMException('denied', 'NotAllowedError'))),
    },
  });
}

async function connect() {
  const user = userEvent.setup();
  await user.click(await screen.findByTestId('softphone-toggle'));
  await user.click(screen.getByTestId('softphone-start'));
  await waitFor(() => expect(jssip.UA.all).toHaveLength(2));
  return user;
}

/** A Health Line offer of interaction `id`, answered and connected. */
async function talkingHealthCall(user: ReturnType<typeof userEvent.setup>, id: string) {
  const health = jssip.UA.all.find((ua) => String(ua.config.uri).includes('aghealth'))!;
  const session = offer(health, {
    'X-Linea-Interaction': id,
    'X-Linea-Tenant': HEALTH_ID,
    'X-Linea-Tenant-Name': 'Health%20Line',
    'X-Linea-Direction': 'INBOUND',
  });
  await user.click(await screen.findByTestId('softphone-answer'));
  act(() => session.emit('confirmed'));
  return session;
}

describe('softphone (AGT-02, TEN-03)', () => {
  beforeEach(() => {
    jssip.UA.all = [];
    allowMicrophone(true);
  });
  afterEach(() =>
    act(() => {
      softphone.stop();
      softphone.getState().wrapUps.forEach((w) => softphone.finishWrapUp(w.id));
    }),
  );

  it('registers one line per tenant the operator serves, each with its own endpoint', async () => {
    const { api } = renderApp({ path: '/', me: operator, routes });
    await connect();

    const asked = api.calls.filter((c) => c.path === '/api/cc/softphone/credentials');
    expect(asked.map((c) => c.headers['X-Linea-Tenant']).sort()).toEqual([DEMO_ID, HEALTH_ID].sort());
    const [demo, health] = [...jssip.UA.all].sort((a, b) =>
      String(a.config.uri).localeCompare(String(b.config.uri)),
    );
    expect(demo!.config).toMatchObject({
      uri: 'sip:agdemo000001@sip.example.test',
      authorization_user: 'agdemo000001',
      password: 'secret-secret-secret',
      register: true,
    });
    expect(health!.config.uri).toBe('sip:aghealth0001@sip.example.test');
    expect(jssip.UA.all.every((ua) => ua.started)).toBe(true);

    const lines = screen.getAllByTestId('softphone-line');
    expect(lines.map((l) => l.getAttribute('data-status'))).toEqual(['connecting', 'connecting']);
    act(() => jssip.UA.all.forEach((ua) => ua.emit('registered')));
    await waitFor(() =>
      expect(screen.getAllByTestId('softphone-line').map((l) => l.getAttribute('data-status'))).toEqual([
        'registered',
        'registered',
      ]),
    );
    expect(screen.getByTestId('softphone-toggle')).toHaveTextContent('2/2');
    expect(screen.getAllByTestId('softphone-line').map((l) => l.textContent)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Demo Energy'),
        expect.stringContaining('Health Line'),
      ]),
    );
  });

  it('retries a refused registration (credentials reach Asterisk just after they are issued), then gives up', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      renderApp({ path: '/', me: operator, routes });
      await connect();
      const ua = jssip.UA.all[0]!;
      for (let refusal = 1; refusal <= 5; refusal++) {
        act(() => ua.emit('registrationFailed', { cause: 'Authentication Error' }));
        await act(async () => vi.advanceTimersByTimeAsync(400 * refusal));
        expect(ua.registers).toBe(refusal);
      }
      act(() => ua.emit('registrationFailed', { cause: 'Authentication Error' }));
      await waitFor(() =>
        expect(screen.getAllByTestId('softphone-line').map((l) => l.getAttribute('data-status'))).toContain(
          'failed',
        ),
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows an offer with its own tenant, queue and matching clients, and handles it by keyboard and buttons', async () => {
    const { api } = renderApp({ path: '/', me: deskOperator, routes });
    const user = await connect();
    const health = jssip.UA.all.find((ua) => String(ua.config.uri).includes('aghealth'))!;
    const session = offer(health, {
      'X-Linea-Interaction': '11111111-2222-4333-8444-555555555555',
      'X-Linea-Tenant': HEALTH_ID,
      'X-Linea-Tenant-Name': 'Health%20Line',
      'X-Linea-Queue': 'Hotline%20%C8%99i%20urgen%C8%9Be',
      'X-Linea-Waiting-Since': String(Date.now() - 65_000),
      'X-Linea-Direction': 'INBOUND',
    });

    const card = await screen.findByTestId('softphone-call');
    expect(card).toHaveAttribute('data-state', 'ringing');
    expect(card).toHaveAttribute('data-interaction', '11111111-2222-4333-8444-555555555555');
    expect(within(card).getByTestId('softphone-call-tenant')).toHaveTextContent('Health Line');
    expect(within(card).getByTestId('softphone-call-queue')).toHaveTextContent('Queue Hotline și urgențe');
    expect(within(card).getByTestId('softphone-call-queue')).toHaveTextContent(/waited 1:0[4-6]/);
    // screen pop in the offer's tenant, never the active one (TEN-03)
    expect(await within(card).findByTestId('screen-pop-client')).toHaveTextContent('Petro Shevchenko');
    const identify = api.calls.find((c) => c.path === '/api/cc/clients/identify')!;
    expect(identify.headers['X-Linea-Tenant']).toBe(HEALTH_ID);

    await user.keyboard('{Alt>}a{/Alt}');
    expect(session.answered).toMatchObject({ mediaConstraints: { audio: true, video: false } });
    act(() => session.emit('confirmed'));
    await waitFor(() =>
      expect(screen.getByTestId('softphone-call')).toHaveAttribute('data-state', 'talking'),
    );

    await user.click(screen.getByTestId('softphone-hold'));
    expect(session.held).toBe(true);
    await waitFor(() => expect(screen.getByTestId('softphone-call')).toHaveAttribute('data-held', 'true'));
    expect(screen.getByTestId('softphone-hold')).toHaveTextContent('Resume');
    await user.keyboard('{Alt>}o{/Alt}');
    expect(session.held).toBe(false);
    await user.keyboard('{Alt>}m{/Alt}');
    expect(session.muted).toBe(true);

    await user.click(screen.getByTestId('softphone-keypad'));
    await user.click(within(screen.getByTestId('softphone-keys')).getByText('5'));
    expect(session.dtmf).toEqual(['5']);

    await user.keyboard('{Alt>}h{/Alt}');
    expect(session.terminated).toEqual({});
    await waitFor(() => expect(screen.getByTestId('softphone-call')).toHaveAttribute('data-state', 'ended'));
  });

  it('rejects an offer as busy, and answers a call the agent placed by itself', async () => {
    renderApp({ path: '/', me: operator, routes });
    const user = await connect();
    const demo = jssip.UA.all.find((ua) => String(ua.config.uri).includes('agdemo'))!;
    const inbound = offer(demo, { 'X-Linea-Tenant-Name': 'Demo%20Energy' });
    // without clients.view in the offer's tenant there is no screen pop
    expect(await screen.findByTestId('softphone-call')).toBeInTheDocument();
    expect(screen.queryByTestId('screen-pop')).toBeNull();
    await user.click(await screen.findByTestId('softphone-reject'));
    expect(inbound.terminated).toEqual({ status_code: 486, reason_phrase: 'Busy Here' });

    const placed = offer(
      demo,
      { 'X-Linea-Direction': 'OUTBOUND', 'X-Linea-Tenant-Name': 'Demo%20Energy' },
      '+37322000000',
    );
    expect(placed.answered).not.toBeNull();
  });

  it('transfers a call to a colleague of the call’s own client after consulting them (AGT-03)', async () => {
    const id = '11111111-2222-4333-8444-555555555555';
    let transfer = { state: 'RINGING', agentId: 'a-ivan', agentName: 'Ivan' };
    const { api } = renderApp({
      path: '/',
      me: deskOperator,
      routes: {
        ...routes,
        'GET /api/cc/presence/colleagues': (call: RecordedCall) =>
          call.headers['X-Linea-Tenant'] === HEALTH_ID
            ? [
                { agentId: 'a-ivan', displayName: 'Ivan', state: 'AVAILABLE' },
                { agentId: 'a-zoe', displayName: 'Zoe', state: 'ON_CALL' },
              ]
            : [{ agentId: 'a-demo', displayName: 'Demo colleague', state: 'AVAILABLE' }],
        [`GET /api/cc/calls/${id}/transfer`]: () => transfer,
        [`POST /api/cc/calls/${id}/transfer`]: { status: 202, body: undefined },
        [`POST /api/cc/calls/${id}/transfer/complete`]: { status: 204, body: undefined },
      },
    });
    const user = await connect();
    await talkingHealthCall(user, id);
    await user.click(await screen.findByTestId('softphone-transfer'));

    // only the call's client's agents, live state shown; a favourite comes first
    const names = async () =>
      (await screen.findAllByTestId('transfer-target')).map((row) => row.textContent ?? '');
    expect(await names()).toEqual([expect.stringContaining('Ivan'), expect.stringContaining('Zoe')]);
    expect((await screen.findAllByTestId('transfer-target'))[1]).toHaveAttribute('data-state', 'ON_CALL');
    await user.click(screen.getByRole('button', { name: 'Favourite: Zoe' }));
    expect(await names()).toEqual([expect.stringContaining('Zoe'), expect.stringContaining('Ivan')]);
    await user.type(
      screen.getByRole('textbox', { name: 'Search colleagues and queues, or type a number' }),
      'iv',
    );
    expect(await names()).toEqual([expect.stringContaining('Ivan')]);
    await user.type(
      screen.getByRole('textbox', { name: 'Search colleagues and queues, or type a number' }),
      'x',
    );
    expect(await screen.findByTestId('transfer-empty')).toHaveTextContent('Nobody matches');
    await user.clear(screen.getByRole('textbox', { name: 'Search colleagues and queues, or type a number' }));

    const ivan = (await screen.findAllByTestId('transfer-target')).find((r) =>
      r.textContent?.includes('Ivan'),
    )!;
    await user.click(within(ivan).getByTestId('transfer-consult-start'));
    const asked = api.calls.find((c) => c.path === `/api/cc/calls/${id}/transfer`)!;
    expect(asked.headers['X-Linea-Tenant']).toBe(HEALTH_ID);
    expect(asked.body).toEqual({ agentId: 'a-ivan', mode: 'ATTENDED' });
    expect(await screen.findByTestId('transfer-consult')).toHaveTextContent('Calling Ivan');
    expect(screen.getByTestId('transfer-complete')).toBeDisabled();

    transfer = { ...transfer, state: 'TALKING' };
    await waitFor(
      () => expect(screen.getByTestId('transfer-consult')).toHaveAttribute('data-answered', 'true'),
      {
        timeout: 4000,
      },
    );
    expect(screen.getByTestId('transfer-consult')).toHaveTextContent('You are talking to Ivan');
    await user.click(screen.getByTestId('transfer-complete'));
    await waitFor(() =>
      expect(api.calls.some((c) => c.path === `/api/cc/calls/${id}/transfer/complete`)).toBe(true),
    );
  });

  it('hands a call to a queue of the call’s own client, with each queue’s live state, or to a typed number (AGT-03)', async () => {
    const id = '11111111-2222-4333-8444-777777777777';
    const { api } = renderApp({
      path: '/',
      me: deskOperator,
      routes: {
        ...routes,
        'GET /api/cc/presence/colleagues': [],
        'GET /api/cc/queues': (call: RecordedCall) => ({
          items:
            call.headers['X-Linea-Tenant'] === HEALTH_ID
              ? [
                  { id: 'q-triage', name: 'Triage', enabled: true },
                  { id: 'q-old', name: 'Old line', enabled: false },
                  { id: 'q-nurse', name: 'Nurse advice', enabled: true },
                ]
              : [{ id: 'q-demo', name: 'Demo billing', enabled: true }],
        }),
        'GET /api/cc/queues/q-triage/live': { waiting: 2, available: 0 },
        'GET /api/cc/queues/q-nurse/live': { waiting: 0, available: 3 },
        [`POST /api/cc/calls/${id}/transfer-to-queue`]: { status: 202, body: undefined },
        [`POST /api/cc/calls/${id}/transfer-to-number`]: { status: 202, body: undefined },
      },
    });
    const user = await connect();
    await talkingHealthCall(user, id);
    await user.click(await screen.findByTestId('softphone-transfer'));

    // the call's client's enabled queues only, each with who waits and who is free
    const rows = await screen.findAllByTestId('transfer-queue');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('Triage'),
      expect.stringContaining('Nurse advice'),
    ]);
    await waitFor(() =>
      expect(screen.getAllByTestId('transfer-queue-live').map((l) => l.textContent)).toEqual([
        'waiting: 2 · free: 0',
        'waiting: 0 · free: 3',
      ]),
    );
    expect(screen.queryByTestId('transfer-empty')).toBeNull();
    await user.type(
      screen.getByRole('textbox', { name: 'Search colleagues and queues, or type a number' }),
      'nurse',
    );
    expect(screen.getAllByTestId('transfer-queue')).toHaveLength(1);

    await user.click(screen.getByTestId('transfer-queue-start'));
    await waitFor(() =>
      expect(api.calls.some((c) => c.path === `/api/cc/calls/${id}/transfer-to-queue`)).toBe(true),
    );
    const sent = api.calls.find((c) => c.path === `/api/cc/calls/${id}/transfer-to-queue`)!;
    expect(sent.headers['X-Linea-Tenant']).toBe(HEALTH_ID);
    expect(sent.body).toEqual({ queueId: 'q-nurse' });

    // a typed phone number can be sent there instead (blind, through the client's carrier)
    const search = screen.getByRole('textbox', { name: 'Search colleagues and queues, or type a number' });
    await user.clear(search);
    expect(screen.queryByTestId('transfer-number')).toBeNull();
    await user.type(search, '+373 69 000 111');
    expect(screen.queryAllByTestId('transfer-queue')).toHaveLength(0);
    expect(screen.queryByTestId('transfer-empty')).toBeNull();
    expect(await screen.findByTestId('transfer-number')).toHaveTextContent('External number+373 69 000 111');
    await user.click(screen.getByTestId('transfer-number-start'));
    await waitFor(() =>
      expect(api.calls.some((c) => c.path === `/api/cc/calls/${id}/transfer-to-number`)).toBe(true),
    );
    const forwarded = api.calls.find((c) => c.path === `/api/cc/calls/${id}/transfer-to-number`)!;
    expect(forwarded.headers['X-Linea-Tenant']).toBe(HEALTH_ID);
    expect(forwarded.body).toEqual({ number: '+373 69 000 111' });
  });

  it('keeps a call through a lost connection, checks it once the line is back, and hangs up through cc-core while it is lost (AGT-02)', async () => {
    const id = '11111111-2222-4333-8444-666666666666';
    const { api } = renderApp({
      path: '/',
      me: operator,
      routes: { ...routes, [`POST /api/cc/calls/${id}/hangup`]: { status: 204, body: undefined } },
    });
    const user = await connect();
    act(() => jssip.UA.all.forEach((ua) => ua.emit('registered')));
    const health = jssip.UA.all.find((ua) => String(ua.config.uri).includes('aghealth'))!;
    const demo = jssip.UA.all.find((ua) => String(ua.config.uri).includes('agdemo'))!;
    const session = await talkingHealthCall(user, id);
    const ringing = offer(demo, { 'X-Linea-Tenant-Name': 'Demo%20Energy' });
    const status = () =>
      screen.getAllByTestId('softphone-line').map((l) => [l.textContent, l.getAttribute('data-status')]);

    // Health Line's connection goes: its line reconnects, its call goes on with a notice
    act(() => health.lose());
    expect(status()).toEqual(
      expect.arrayContaining([
        [expect.stringContaining('Health Line'), 'reconnecting'],
        [expect.stringContaining('Demo Energy'), 'registered'],
      ]),
    );
    expect(screen.getByTestId('softphone-toggle')).toHaveTextContent('1/2');
    const call = () =>
      screen.getAllByTestId('softphone-call').find((c) => c.getAttribute('data-interaction') === id)!;
    expect(call()).toHaveAttribute('data-state', 'talking');
    expect(within(call()).getByTestId('softphone-call-connection-lost')).toHaveTextContent(
      'Connection lost, reconnecting',
    );
    expect(ringing.terminated, 'the other line’s offer is untouched').toBeNull();
    expect(session.renegotiations).toBe(0);

    // back: the call is checked with Asterisk (a re-INVITE), the notice goes
    act(() => health.restore());
    expect(session.renegotiations).toBe(1);
    await waitFor(() => expect(within(call()).queryByTestId('softphone-call-connection-lost')).toBeNull());
    // registering again later (every 5 minutes) does not check again
    act(() => health.emit('registered'));
    expect(session.renegotiations).toBe(1);

    // an offer ringing when the connection goes cannot be answered any more: it ends here
    const demoCall = () =>
      screen.getAllByTestId('softphone-call').find((c) => c.getAttribute('data-interaction') !== id)!;
    act(() => demo.lose());
    expect(ringing.terminated).toEqual({ cause: 'Connection Error' });
    await waitFor(() => expect(demoCall()).toHaveAttribute('data-state', 'ended'));

    // hanging up while the connection is lost: cc-core ends the agent's leg, in the call's tenant
    act(() => health.lose());
    expect(api.calls.some((c) => c.path.endsWith('/hangup'))).toBe(false);
    await user.click(within(call()).getByTestId('softphone-hangup'));
    await waitFor(() => expect(api.calls.some((c) => c.path === `/api/cc/calls/${id}/hangup`)).toBe(true));
    expect(api.calls.find((c) => c.path.endsWith('/hangup'))!.headers['X-Linea-Tenant']).toBe(HEALTH_ID);
    expect(session.terminated).toEqual({});
    await waitFor(() => expect(call()).toHaveAttribute('data-state', 'ended'));
  });

  it('places a call from the keypad with the chosen number of the chosen client as caller ID (AGT-02)', async () => {
    const { api } = renderApp({
      path: '/',
      me: operator,
      routes: {
        ...routes,
        'GET /api/cc/calls/caller-numbers': (call: RecordedCall) =>
          call.headers['X-Linea-Tenant'] === DEMO_ID
            ? [
                { id: 'n-free', e164: '+37380012345', type: 'FREEPHONE' },
                { id: 'n-mobile', e164: '+37369111222', type: 'MOBILE' },
              ]
            : [{ id: 'n-health', e164: '+37380099999', type: 'FREEPHONE' }],
        'POST /api/cc/calls': { status: 202, body: { interactionId: 'i-1' } },
      },
    });
    const user = await connect();
    act(() => jssip.UA.all.forEach((ua) => ua.emit('registered')));
    const dial = await screen.findByTestId('softphone-dial');
    await user.selectOptions(within(dial).getByTestId('softphone-dial-tenant'), 'Demo Energy');
    await waitFor(() =>
      expect(within(dial).getByTestId('softphone-dial-from')).toHaveTextContent('+37369111222'),
    );
    await user.selectOptions(within(dial).getByTestId('softphone-dial-from'), '+37369111222');
    await user.type(within(dial).getByTestId('softphone-dial-number'), '+37322000111{Enter}');

    await waitFor(() =>
      expect(api.calls.some((c) => c.path === '/api/cc/calls' && c.method === 'POST')).toBe(true),
    );
    const placed = api.calls.find((c) => c.path === '/api/cc/calls' && c.method === 'POST')!;
    expect(placed.headers['X-Linea-Tenant']).toBe(DEMO_ID);
    expect(placed.body).toEqual({ numberId: 'n-mobile', to: '+37322000111' });
  });

  it('wraps up a finished call in its own tenant: client, categories, note, intake form, countdown and ready (AGT-05, ACD-06, CRM-02)', async () => {
    const id = '22222222-2222-4333-8444-555555555555';
    const symptomForm = {
      id: 'form-symptoms',
      name: 'Symptoms',
      description: null,
      active: true,
      version: 0,
      fields: [{ key: 'symptom', label: 'Symptom', type: 'TEXT', required: true, options: [], position: 0 }],
    };
    let presence = { state: 'WRAP_UP', wrapUpUntil: new Date(Date.now() + 30_000).toISOString() };
    const { api } = renderApp({
      path: '/',
      me: deskOperator,
      routes: {
        ...routes,
        'GET /api/cc/presence/me': () => presence,
        'POST /api/cc/presence/me/ready': () => {
          presence = { state: 'AVAILABLE', wrapUpUntil: null as unknown as string };
          return presence;
        },
        'GET /api/cc/categories': (call: RecordedCall) =>
          call.headers['X-Linea-Tenant'] === HEALTH_ID
            ? [
                { id: 'cat-med', name: 'Medication', parentId: null, active: true, position: 0, version: 0 },
                { id: 'cat-dose', name: 'Dose', parentId: 'cat-med', active: true, position: 0, version: 0 },
              ]
            : [{ id: 'cat-demo', name: 'Tariffs', parentId: null, active: true, position: 0, version: 0 }],
        [`PUT /api/cc/interactions/${id}/categories`]: { categories: [] },
        'POST /api/cc/clients/c-petro/notes': { status: 201, body: { id: 'n-1' } },
        'GET /api/cc/forms': (call: RecordedCall) =>
          call.headers['X-Linea-Tenant'] === HEALTH_ID
            ? [symptomForm]
            : [{ ...symptomForm, id: 'form-demo', name: 'Meter reading' }],
        'GET /api/cc/form-answers': { items: [], page: 0, size: 50, total: 0 },
        [`POST /api/cc/interactions/${id}/forms`]: {
          status: 201,
          body: { id: 'ans-1', formId: 'form-symptoms', formName: 'Symptoms', fields: [], version: 0 },
        },
      },
    });
    const user = await connect();
    await talkingHealthCall(user, id);
    await user.click(await screen.findByTestId('softphone-hangup'));

    const card = await screen.findByTestId('softphone-wrap-up');
    expect(card).toHaveAttribute('data-interaction', id);
    await waitFor(() =>
      expect(within(card).getByTestId('softphone-wrap-up-countdown')).toHaveTextContent(/Wrap-up 0:(29|30)/),
    );
    // the one client matching the caller is chosen; the categories are the call's tenant's, with their path
    expect(await within(card).findByTestId('softphone-wrap-up-client')).toHaveDisplayValue(
      'Petro Shevchenko',
    );
    await user.click(within(card).getByTestId('softphone-wrap-up-categories'));
    await user.click(await screen.findByRole('option', { name: 'Medication › Dose', hidden: true }));
    expect(screen.queryByRole('option', { name: 'Tariffs', hidden: true })).toBeNull();
    await user.type(within(card).getByTestId('softphone-wrap-up-note'), 'Asked about the dose');

    // the call's tenant's intake forms (CRM-02), filled for the chosen client
    const formSelect = await within(card).findByTestId('fill-form-select');
    await waitFor(() => expect(formSelect).toBeEnabled());
    expect([...formSelect.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Choose a form…',
      'Symptoms',
    ]);
    await user.selectOptions(formSelect, 'form-symptoms');
    await user.click(within(card).getByTestId('fill-form-open'));
    await user.type(within(card).getByLabelText(/^Symptom/), 'Dizziness');
    await user.click(within(card).getByTestId('answer-save'));
    await waitFor(() => expect(within(card).queryByTestId('answer-form')).toBeNull());
    const filled = api.calls.find((c) => c.path === `/api/cc/interactions/${id}/forms`)!;
    expect(filled.headers['X-Linea-Tenant']).toBe(HEALTH_ID);
    expect(filled.body).toEqual({
      formId: 'form-symptoms',
      values: { symptom: 'Dizziness' },
      clientId: 'c-petro',
    });

    await user.click(within(card).getByTestId('softphone-ready'));
    await waitFor(() => expect(within(card).queryByTestId('softphone-ready')).toBeNull());
    await user.click(within(card).getByTestId('softphone-wrap-up-save'));

    await waitFor(() => expect(screen.queryByTestId('softphone-wrap-up')).toBeNull());
    const categories = api.calls.find((c) => c.path === `/api/cc/interactions/${id}/categories`)!;
    expect(categories.headers['X-Linea-Tenant']).toBe(HEALTH_ID);
    expect(categories.body).toEqual({ categoryIds: ['cat-dose'] });
    const note = api.calls.find((c) => c.path === '/api/cc/clients/c-petro/notes')!;
    expect(note.body).toEqual({ text: 'Asked about the dose', interactionId: id });
    expect(note.headers['X-Linea-Tenant']).toBe(HEALTH_ID);
  });

  it('changes the agent’s state and queue log-ins from the panel (AGT-06, ACD-05, ACD-11)', async () => {
    let presence = {
      state: 'AVAILABLE',
      queues: [
        { queueId: 'q-billing', name: 'Billing', loggedIn: true, selfLoginAllowed: true },
        { queueId: 'q-outages', name: 'Outages', loggedIn: false, selfLoginAllowed: false },
      ],
    };
    const { api } = renderApp({
      path: '/',
      me: operator,
      routes: {
        ...routes,
        'GET /api/cc/presence/me': () => presence,
        'PUT /api/cc/presence/me': (call: RecordedCall) => {
          presence = { ...presence, state: (call.body as { state: string }).state };
          return presence;
        },
        'POST /api/cc/presence/me/logout': () => {
          presence = { ...presence, queues: presence.queues.map((q) => ({ ...q, loggedIn: false })) };
          return presence;
        },
        'GET /api/cc/break-reasons': {
          items: [
            { id: 'r-lunch', name: 'Lunch', enabled: true },
            { id: 'r-old', name: 'Old reason', enabled: false },
          ],
          page: 0,
          size: 50,
          total: 2,
        },
      },
    });
    const user = await connect();
    const panel = await screen.findAllByTestId('softphone-presence');
    expect(panel[0]).toHaveAttribute('data-state', 'AVAILABLE');
    const queues = await within(panel[0]!).findAllByTestId('softphone-queue');
    // one block per line (two tenants here): the supervisor-only queue cannot be switched
    expect(queues.length).toBeGreaterThanOrEqual(2);
    const outages = within(panel[0]!).getAllByRole('switch', { name: /Outages/ })[0]!;
    expect(outages).toBeDisabled();

    const lunch = within(panel[0]!).getByTestId('softphone-break');
    expect([...lunch.querySelectorAll('option')].map((o) => o.textContent)).not.toContain('Old reason');
    await user.selectOptions(lunch, 'Lunch');
    await waitFor(() =>
      expect(api.calls.some((c) => c.method === 'PUT' && c.path === '/api/cc/presence/me')).toBe(true),
    );
    expect(api.calls.find((c) => c.method === 'PUT')!.body).toEqual({
      state: 'BREAK',
      breakReasonId: 'r-lunch',
    });
    await waitFor(() =>
      expect(screen.getAllByTestId('softphone-presence')[0]).toHaveAttribute('data-state', 'BREAK'),
    );

    await user.click(within(panel[0]!).getAllByRole('switch', { name: /Billing/ })[0]!);
    await waitFor(() => expect(api.calls.some((c) => c.path === '/api/cc/presence/me/logout')).toBe(true));
    expect(api.calls.find((c) => c.path === '/api/cc/presence/me/logout')!.body).toEqual({
      queueId: 'q-billing',
    });

    // logging out asks first
    await user.click(within(panel[0]!).getByTestId('softphone-logout'));
    expect(api.calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Log out' }));
    await waitFor(() => expect(api.calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    expect(api.calls.filter((c) => c.method === 'PUT')[1]!.body).toEqual({ state: 'LOGGED_OUT' });
  });

  it('explains a refused microphone, and a person who is no agent anywhere', async () => {
    allowMicrophone(false);
    renderApp({
      path: '/',
      me: operator,
      routes: {
        'POST /api/cc/softphone/credentials': {
          status: 404,
          body: { status: 404, code: 'resource.not-found' },
        },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('softphone-toggle'));
    await user.click(screen.getByTestId('softphone-start'));
    expect(await screen.findByTestId('softphone-mic-denied')).toHaveTextContent(/blocks the microphone/);
    expect(screen.getByTestId('softphone-no-agent')).toBeInTheDocument();
    expect(jssip.UA.all).toHaveLength(0);
  });
});
