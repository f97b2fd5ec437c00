import { connect, createServer, type Server, type Socket } from 'node:net';
import type { Page } from '@playwright/test';

/**
 * The network between a browser and the Asterisk node's secure WebSocket, as a TCP relay a test can unplug
 * and plug in again. TLS passes through untouched; unplugged, every open connection is cut (Asterisk and
 * the browser both see it close) and new ones are refused until it is plugged in again. Media (ICE over
 * UDP) does not pass through it: only the SIP signalling is lost, as when a proxy or Wi-Fi drops a
 * long-lived connection.
 */
export class Cable {
  private readonly sockets = new Set<Socket>();
  private plugged = true;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async to(host: string, port: number): Promise<Cable> {
    const relays: ((browser: Socket) => void)[] = [];
    const server = createServer((browser) => relays[0]!(browser));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const cable = new Cable(server, address.port);
    relays.push((browser) => cable.relay(browser, host, port));
    return cable;
  }

  private relay(browser: Socket, host: string, port: number) {
    if (!this.plugged) {
      browser.destroy();
      return;
    }
    const node = connect(port, host);
    for (const [socket, other] of [
      [browser, node],
      [node, browser],
    ] as const) {
      this.sockets.add(socket);
      socket.on('error', () => other.destroy());
      socket.on('close', () => {
        this.sockets.delete(socket);
        other.destroy();
      });
    }
    browser.pipe(node);
    node.pipe(browser);
  }

  /** Cuts every connection through it and refuses new ones. */
  unplug(): void {
    this.plugged = false;
    for (const socket of this.sockets) socket.destroy();
  }

  plug(): void {
    this.plugged = true;
  }

  /** Connections open through it now. */
  get connections(): number {
    return this.sockets.size / 2;
  }

  async close(): Promise<void> {
    this.unplug();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/**
 * Sends the page's softphone through a cable: the credentials cc-core hands out name the node's WSS URL,
 * which the page is told is the cable's port instead.
 */
export async function throughCable(page: Page): Promise<() => Cable> {
  let cable: Cable | undefined;
  await page.route('**/api/cc/softphone/credentials', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { wssUrl: string };
    const url = new URL(body.wssUrl);
    cable ??= await Cable.to(url.hostname, Number(url.port));
    url.port = String(cable.port);
    await route.fulfill({ response, json: { ...body, wssUrl: url.toString() } });
  });
  return () => {
    if (!cable) throw new Error('the softphone has not asked for credentials yet');
    return cable;
  };
}
