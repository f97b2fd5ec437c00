// The browser softphone (AGT-02): one JsSIP user agent per tenant the operator serves (TEN-03), each
// registered over WSS to the agent's own Asterisk endpoint with DTLS-SRTP media. Framework-free: the
// React dock subscribes to its state. JsSIP is loaded on first start, so it is not in the initial JS.
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { UA } from 'jssip/lib/UA';

/** What POST /api/cc/softphone/credentials answers for one tenant. */
export interface SoftphoneCredentials {
  tenantId: string;
  agentId: string;
  displayName: string;
  sipUsername: string;
  password: string;
  realm: string;
  sipDomain: string;
  wssUrl: string;
}

/** `reconnecting`: the connection to Asterisk was lost and JsSIP is trying again (1 s, backing off to 15 s). */
export type LineStatus = 'connecting' | 'registered' | 'reconnecting' | 'disconnected' | 'failed';

/** One tenant's registration. */
export interface Line {
  tenantId: string;
  tenantName: string;
  status: LineStatus;
}

export type CallState = 'ringing' | 'connecting' | 'talking' | 'ended';

export interface PhoneCall {
  id: string;
  tenantId: string;
  tenantName: string;
  /** The line (tenant) whose registration carries the call's signalling. */
  lineTenantId: string;
  direction: 'INBOUND' | 'OUTBOUND';
  /** The interaction the routing engine created, from the INVITE's X-Linea-Interaction header. */
  interactionId: string | null;
  queueName: string | null;
  /** The agent who hands this call over (a transfer or consultation, AGT-03), from X-Linea-Transfer-From. */
  transferFrom: string | null;
  /** When the caller joined the queue (epoch ms), for the wait shown with the offer. */
  waitingSince: number | null;
  remoteNumber: string;
  state: CallState;
  muted: boolean;
  held: boolean;
  startedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  /** JsSIP's cause when the call ended or failed. */
  cause: string | null;
}

/** A client of the call's tenant whose phone matches the caller (screen pop, AGT-04). */
export interface MatchedClient {
  id: string;
  firstName: string | null;
  lastName: string | null;
  organisation: string | null;
  externalId: string | null;
}

/** A call the agent talked on that ended: categories, a note and the client wait for them (AGT-05). */
export interface WrapUp {
  id: string;
  tenantId: string;
  tenantName: string;
  interactionId: string;
  remoteNumber: string;
  endedAt: number;
}

export interface SoftphoneState {
  started: boolean;
  lines: Line[];
  calls: PhoneCall[];
  wrapUps: WrapUp[];
  /** The browser refused the microphone: calls cannot be answered until the person allows it. */
  microphoneDenied: boolean;
}

/** Bytes of audio the browser sent and received on a call, from its WebRTC statistics. */
export interface MediaStats {
  bytesSent: number;
  bytesReceived: number;
  packetsLost: number;
}

type JsSip = typeof import('jssip');

const INITIAL: SoftphoneState = {
  started: false,
  lines: [],
  calls: [],
  wrapUps: [],
  microphoneDenied: false,
};
/** Ended calls stay on screen this long, so the person sees how a call ended. */
const ENDED_KEPT_MS = 4000;
/** Credentials are pushed to Asterisk just after they are issued: a first refusal is retried. */
const REGISTER_RETRIES = 5;

/** What the softphone asks of cc-core itself, for what SIP cannot carry while the connection is lost. */
export interface SoftphoneServer {
  /** Ends the agent's own leg of the call (POST /api/cc/calls/{id}/hangup in the call's tenant). */
  hangup(tenantId: string, interactionId: string): Promise<unknown>;
}

function header(session: RTCSession, request: unknown, name: string): string | null {
  const message = request as { getHeader?: (n: string) => string | undefined } | undefined;
  const value = message?.getHeader?.(name) ?? null;
  void session;
  if (!value) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export class SoftphoneEngine {
  private state: SoftphoneState = INITIAL;
  private readonly listeners = new Set<() => void>();
  private readonly agents = new Map<string, UA>();
  private readonly sessions = new Map<string, RTCSession>();
  private readonly audio = new Map<string, HTMLAudioElement>();
  private sequence = 0;
  private outputDevice: string | null = null;
  private inputDevice: string | null = null;
  private server: SoftphoneServer | null = null;
  /** Lines whose connection was lost since they last registered: their calls are checked on return. */
  private readonly lost = new Set<string>();

  constructor(private readonly load: () => Promise<JsSip> = () => import('jssip')) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): SoftphoneState => this.state;

  private set(change: Partial<SoftphoneState>) {
    this.state = { ...this.state, ...change };
    this.listeners.forEach((l) => l());
  }

  private setLine(tenantId: string, status: LineStatus) {
    this.set({ lines: this.state.lines.map((l) => (l.tenantId === tenantId ? { ...l, status } : l)) });
  }

  private setCall(id: string, change: Partial<PhoneCall>) {
    this.set({ calls: this.state.calls.map((c) => (c.id === id ? { ...c, ...change } : c)) });
  }

  /**
   * Registers one line per tenant; tenantNames gives the name shown with each line and offer; server ends
   * calls the agent hangs up while the connection to Asterisk is lost.
   */
  async start(
    credentials: SoftphoneCredentials[],
    tenantNames: Record<string, string>,
    server: SoftphoneServer | null = null,
  ): Promise<void> {
    this.stop();
    this.server = server;
    const loaded = await this.load();
    // a CommonJS package: its exports are the namespace's default in some bundlers
    const JsSIP = ((loaded as unknown as { default?: JsSip }).default ?? loaded) as JsSip;
    this.set({
      started: true,
      lines: credentials.map((c) => ({
        tenantId: c.tenantId,
        tenantName: tenantNames[c.tenantId] ?? c.tenantId,
        status: 'connecting' as const,
      })),
    });
    for (const c of credentials) {
      const ua = new JsSIP.UA({
        sockets: [new JsSIP.WebSocketInterface(c.wssUrl)],
        uri: `sip:${c.sipUsername}@${c.sipDomain}`,
        authorization_user: c.sipUsername,
        password: c.password,
        realm: c.realm,
        display_name: c.displayName,
        register: true,
        register_expires: 300,
        session_timers: false,
        // reconnect after a network loss, quickly at first
        connection_recovery_min_interval: 1,
        connection_recovery_max_interval: 15,
        user_agent: 'Linea softphone',
      });
      let refusals = 0;
      ua.on('registered', () => {
        refusals = 0;
        this.setLine(c.tenantId, 'registered');
        if (this.lost.delete(c.tenantId)) this.recheck(c.tenantId);
      });
      ua.on('unregistered', () => this.setLine(c.tenantId, 'disconnected'));
      ua.on('disconnected', () => {
        if (this.agents.get(c.tenantId) !== ua) return; // stopped
        this.lost.add(c.tenantId);
        this.setLine(c.tenantId, 'reconnecting');
        this.dropOffers(c.tenantId);
      });
      ua.on('connected', () => {
        if (this.state.lines.find((l) => l.tenantId === c.tenantId)?.status !== 'registered')
          this.setLine(c.tenantId, 'connecting');
      });
      ua.on('registrationFailed', () => {
        refusals += 1;
        if (refusals <= REGISTER_RETRIES) {
          this.setLine(c.tenantId, 'connecting');
          window.setTimeout(() => this.agents.get(c.tenantId) === ua && ua.register(), 400 * refusals);
        } else {
          this.setLine(c.tenantId, 'failed');
        }
      });
      ua.on('newRTCSession', (event: { originator: string; session: RTCSession; request: unknown }) =>
        this.track(c.tenantId, event.session, event.request, event.originator === 'remote'),
      );
      this.agents.set(c.tenantId, ua);
      ua.start();
    }
  }

  stop(): void {
    this.lost.clear();
    for (const session of this.sessions.values()) {
      try {
        session.terminate();
      } catch {
        // already ended
      }
    }
    const agents = [...this.agents.values()];
    this.agents.clear();
    agents.forEach((ua) => ua.stop());
    this.sessions.clear();
    this.audio.forEach((a) => a.remove());
    this.audio.clear();
    this.set({ ...INITIAL, wrapUps: this.state.wrapUps });
  }

  private track(tenantId: string, session: RTCSession, request: unknown, incoming: boolean) {
    const id = `call-${++this.sequence}`;
    const direction = (header(session, request, 'X-Linea-Direction') ?? 'INBOUND') as 'INBOUND' | 'OUTBOUND';
    const since = header(session, request, 'X-Linea-Waiting-Since');
    const call: PhoneCall = {
      id,
      tenantId: header(session, request, 'X-Linea-Tenant') ?? tenantId,
      tenantName:
        header(session, request, 'X-Linea-Tenant-Name') ??
        this.state.lines.find((l) => l.tenantId === tenantId)?.tenantName ??
        '',
      lineTenantId: tenantId,
      direction,
      interactionId: header(session, request, 'X-Linea-Interaction'),
      queueName: header(session, request, 'X-Linea-Queue'),
      transferFrom: header(session, request, 'X-Linea-Transfer-From'),
      waitingSince: since ? Number(since) : null,
      remoteNumber: session.remote_identity?.uri?.user ?? '',
      state: incoming ? 'ringing' : 'connecting',
      muted: false,
      held: false,
      startedAt: Date.now(),
      answeredAt: null,
      endedAt: null,
      cause: null,
    };
    this.sessions.set(id, session);
    this.set({ calls: [...this.state.calls, call] });
    session.on('peerconnection', (e: { peerconnection: RTCPeerConnection }) =>
      this.attachAudio(id, e.peerconnection),
    );
    session.on('confirmed', () => {
      this.setCall(id, { state: 'talking', answeredAt: Date.now() });
      const pc = session.connection;
      if (pc) this.attachAudio(id, pc);
    });
    session.on('hold', () => this.setCall(id, { held: true }));
    session.on('unhold', () => this.setCall(id, { held: false }));
    session.on('muted', () => this.setCall(id, { muted: true }));
    session.on('unmuted', () => this.setCall(id, { muted: false }));
    const finished = (e: { cause?: string }) => {
      if (e.cause === 'User Denied Media Access') this.set({ microphoneDenied: true });
      const talked = this.state.calls.find((c) => c.id === id);
      this.setCall(id, { state: 'ended', endedAt: Date.now(), cause: e.cause ?? null });
      if (talked?.answeredAt && talked.interactionId && talked.state !== 'ended')
        this.set({
          wrapUps: [
            ...this.state.wrapUps,
            {
              id,
              tenantId: talked.tenantId,
              tenantName: talked.tenantName,
              interactionId: talked.interactionId,
              remoteNumber: talked.remoteNumber,
              endedAt: Date.now(),
            },
          ],
        });
      this.sessions.delete(id);
      this.audio.get(id)?.remove();
      this.audio.delete(id);
      window.setTimeout(
        () => this.set({ calls: this.state.calls.filter((c) => c.id !== id) }),
        ENDED_KEPT_MS,
      );
    };
    session.on('ended', finished);
    session.on('failed', finished);
    // a call the agent placed (keypad, client card) reaches the browser first: answer it at once
    if (incoming && direction === 'OUTBOUND') this.answer(id);
  }

  /**
   * The connection came back: a call Asterisk ended meanwhile (the caller hung up, its BYE could not reach
   * this browser) must not stay on screen. A re-INVITE on each call asks; Asterisk answers 481 for a call
   * it no longer has, and JsSIP then ends the call here (cause "Dialog Error"), which opens its wrap-up.
   */
  private recheck(tenantId: string) {
    for (const call of this.state.calls) {
      if (call.lineTenantId !== tenantId || call.state !== 'talking') continue;
      this.sessions.get(call.id)?.renegotiate();
    }
  }

  /**
   * Offers that rang when the connection was lost cannot be answered any more: Asterisk's INVITE failed
   * with the connection, and the routing engine offers the call again once this line is back.
   */
  private dropOffers(tenantId: string) {
    for (const call of this.state.calls) {
      if (call.lineTenantId !== tenantId || call.state !== 'ringing') continue;
      try {
        this.sessions.get(call.id)?.terminate({ cause: 'Connection Error' });
      } catch {
        // already ended
      }
    }
  }

  private attachAudio(id: string, pc: RTCPeerConnection) {
    const play = (stream: MediaStream) => {
      let element = this.audio.get(id);
      if (!element) {
        element = document.createElement('audio');
        element.autoplay = true;
        element.dataset.testid = 'softphone-audio';
        element.hidden = true;
        document.body.appendChild(element);
        this.audio.set(id, element);
        if (this.outputDevice) void this.applyOutput(element, this.outputDevice);
      }
      if (element.srcObject !== stream) element.srcObject = stream;
    };
    pc.addEventListener('track', (event) => {
      const stream = event.streams[0] ?? new MediaStream([event.track]);
      play(stream);
    });
    const receivers = pc.getReceivers().filter((r) => r.track);
    if (receivers.length > 0) play(new MediaStream(receivers.map((r) => r.track)));
  }

  private async applyOutput(element: HTMLAudioElement, deviceId: string) {
    const sink = element as HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };
    if (sink.setSinkId) await sink.setSinkId(deviceId).catch(() => undefined);
  }

  answer(id: string): void {
    const session = this.sessions.get(id);
    if (!session) return;
    this.set({ microphoneDenied: false });
    this.setCall(id, { state: 'connecting' });
    session.answer({
      mediaConstraints: {
        audio: this.inputDevice ? { deviceId: { exact: this.inputDevice } } : true,
        video: false,
      },
      pcConfig: { iceServers: [] },
    });
  }

  reject(id: string): void {
    this.sessions.get(id)?.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
  }

  /**
   * Hangs up. While the line's connection is lost the BYE cannot reach Asterisk, so cc-core ends the
   * agent's leg instead and the caller is not left on a silent line.
   */
  hangup(id: string): void {
    const call = this.state.calls.find((c) => c.id === id);
    if (call?.interactionId && this.server && this.agents.get(call.lineTenantId)?.isConnected() === false)
      void this.server.hangup(call.tenantId, call.interactionId).catch(() => undefined);
    this.sessions.get(id)?.terminate();
  }

  toggleMute(id: string): void {
    const session = this.sessions.get(id);
    if (!session) return;
    if (session.isMuted().audio) session.unmute({ audio: true });
    else session.mute({ audio: true });
  }

  /** Hold: Asterisk plays the queue's music on hold to the caller until the call is resumed. */
  toggleHold(id: string): void {
    const session = this.sessions.get(id);
    if (!session) return;
    if (session.isOnHold().local) session.unhold();
    else session.hold();
  }

  /** The agent saved or skipped the wrap-up of a call. */
  finishWrapUp(id: string): void {
    this.set({ wrapUps: this.state.wrapUps.filter((w) => w.id !== id) });
  }

  dtmf(id: string, digits: string): void {
    // RFC 4733 events in the media (JsSIP's C.DTMF_TRANSPORT.RFC2833), as Asterisk expects from WebRTC
    this.sessions.get(id)?.sendDTMF(digits, { transportType: 'RFC2833' as never });
  }

  /** Where calls are heard and which microphone they use (AGT-02). */
  async selectDevices(input: string | null, output: string | null): Promise<void> {
    this.inputDevice = input;
    this.outputDevice = output;
    if (output) await Promise.all([...this.audio.values()].map((a) => this.applyOutput(a, output)));
  }

  /** The audio bytes of a call so far, from the browser's own WebRTC statistics. */
  async stats(id: string): Promise<MediaStats | null> {
    const pc = this.sessions.get(id)?.connection;
    if (!pc) return null;
    const result: MediaStats = { bytesSent: 0, bytesReceived: 0, packetsLost: 0 };
    (await pc.getStats()).forEach((report: { type: string; kind?: string } & Record<string, unknown>) => {
      if (report.type === 'outbound-rtp' && report.kind === 'audio')
        result.bytesSent += Number(report.bytesSent ?? 0);
      if (report.type === 'inbound-rtp' && report.kind === 'audio') {
        result.bytesReceived += Number(report.bytesReceived ?? 0);
        result.packetsLost += Number(report.packetsLost ?? 0);
      }
    });
    return result;
  }
}

/** The one softphone of this browser tab. */
export const softphone = new SoftphoneEngine();

declare global {
  interface Window {
    /** Diagnostics for support and the browser tests: the call state and its WebRTC statistics. */
    lineaSoftphone?: SoftphoneEngine;
  }
}
window.lineaSoftphone = softphone;
// closing or leaving the tab unregisters the lines (otherwise they expire within register_expires)
window.addEventListener('pagehide', () => softphone.stop());
