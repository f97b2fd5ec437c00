export const BASE_URL = (process.env.LINEA_URL ?? 'http://localhost:8080').replace(/\/$/, '');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // the softphone's microphone: a generated tone, no real device (permission is granted per context)
  '--use-fake-device-for-media-stream',
];
/** The browser tests' Asterisk node (`./linea test` starts it), as host:port of its SIP UDP transport. */
export const E2E_SIP = process.env.LINEA_E2E_SIP ?? '127.0.0.1:15060';
/** Password of every seeded demo login (docs/architecture.md, "Demo data"). */
export const DEMO_PASSWORD = process.env.LINEA_DEMO_PASSWORD ?? 'Linea-2026!';
export const DEMO_TENANT_ID = 'd0000000-0000-4000-8000-000000000001';
export const HEALTH_TENANT_ID = 'd0000000-0000-4000-8000-000000000002';
