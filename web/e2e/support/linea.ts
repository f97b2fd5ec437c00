import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { BASE_URL, DEMO_PASSWORD } from './env';
import { freshTotp } from './totp';

const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * TOTP secrets enrolled by earlier runs against the same platform, so a re-run against a platform
 * that keeps its data can sign in again (test-results/ is wiped by every run, so not there).
 */
const SECRETS_FILE = join(WEB_DIR, 'node_modules', '.cache', 'linea-e2e', 'mfa-secrets.json');

export const ro = JSON.parse(readFileSync(join(WEB_DIR, 'src', 'i18n', 'locales', 'ro.json'), 'utf8')) as {
  queues: { title: string };
  callbacks: { title: string };
  presence: { title: string; notAgentTitle: string };
  numberTypes: Record<'FREEPHONE' | 'MOBILE' | 'GEOGRAPHIC', string>;
  agents: { noCredentials: string; credentialsOnce: string; regenerateConfirm: string };
};

/**
 * `openPage()` gives a page in a fresh browser context (one per user, so sessions never mix).
 * On failure every such page is saved as a screenshot under web/test-results/.
 */
export interface PageOptions {
  /** Grant the (fake) microphone, and accept the telephony node's self-signed WSS certificate. */
  microphone?: boolean;
}

export const test = base.extend<{ openPage: (options?: PageOptions) => Promise<Page> }>({
  openPage: async ({ browser }, use, testInfo) => {
    const contexts: BrowserContext[] = [];
    const pages: Page[] = [];
    await use(async (options: PageOptions = {}) => {
      const context = await browser.newContext({
        baseURL: BASE_URL,
        locale: 'en-US',
        ignoreHTTPSErrors: true,
        permissions: options.microphone ? ['microphone'] : [],
      });
      contexts.push(context);
      const page = await context.newPage();
      pages.push(page);
      return page;
    });
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const [index, page] of pages.entries()) {
        await page
          .screenshot({ path: testInfo.outputPath(`failure-page-${index + 1}.png`), fullPage: true })
          .catch(() => undefined);
      }
    }
    for (const context of contexts) await context.close();
  },
});
export { expect };

function readSecrets(): Record<string, string> {
  return existsSync(SECRETS_FILE)
    ? (JSON.parse(readFileSync(SECRETS_FILE, 'utf8')) as Record<string, string>)
    : {};
}

function rememberSecret(username: string, secret: string) {
  mkdirSync(dirname(SECRETS_FILE), { recursive: true });
  writeFileSync(
    SECRETS_FILE,
    JSON.stringify({ ...readSecrets(), [`${BASE_URL} ${username}`]: secret }, null, 2),
  );
}

/** The identity provider's login form (tenant-service pages: ids/names username, password, code). */
export async function submitPassword(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/');
  await expect(page.locator('input[name="username"]')).toBeVisible();
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByTestId('login-submit').click();
}

type Step = 'app' | 'enrol' | 'mfa' | 'error';

async function nextStep(page: Page): Promise<Step> {
  const shell = page.getByTestId('app-shell');
  const secret = page.getByTestId('mfa-secret');
  const code = page.locator('input[name="code"]');
  const error = page.getByTestId('login-error');
  await expect(shell.or(secret).or(code).or(error).first()).toBeVisible({ timeout: 45_000 });
  if (await shell.isVisible()) return 'app';
  if (await secret.isVisible()) return 'enrol';
  if (await error.isVisible()) return 'error';
  return 'mfa';
}

async function submitCode(page: Page, secret: string) {
  await page.locator('input[name="code"]').fill(await freshTotp(secret));
  await page.getByTestId('mfa-submit').click();
}

/**
 * Signs in through the real OIDC flow: the app redirects to /oauth2/authorize, the provider shows
 * its login page, then (SEC-02) TOTP enrolment or a TOTP code if the policy asks for one, and the
 * browser comes back to /auth/callback and into the app shell.
 */
/** A new page (a fresh browser context) with `username` signed in. */
export async function signedIn(
  openPage: (options?: PageOptions) => Promise<Page>,
  username: string,
  options?: PageOptions,
): Promise<Page> {
  const page = await openPage(options);
  await signIn(page, username);
  return page;
}

export async function signIn(
  page: Page,
  username: string,
  password = DEMO_PASSWORD,
): Promise<{ enrolled: boolean }> {
  await submitPassword(page, username, password);
  let enrolled = false;
  for (let round = 0; round < 3; round++) {
    const step = await nextStep(page);
    if (step === 'app') break;
    if (step === 'error')
      throw new Error(`login failed: ${await page.getByTestId('login-error').innerText()}`);
    if (step === 'enrol') {
      const secret = (await page.getByTestId('mfa-secret').innerText()).replace(/\s+/g, '');
      rememberSecret(username, secret);
      await submitCode(page, secret);
      enrolled = true;
      await expect(page.getByTestId('mfa-secret')).toBeHidden({ timeout: 30_000 });
    } else {
      const secret = readSecrets()[`${BASE_URL} ${username}`];
      if (!secret) throw new Error(`${username} asks for a TOTP code but no enrolled secret is known`);
      await submitCode(page, secret);
      await expect(page.locator('input[name="code"]')).toBeHidden({ timeout: 30_000 });
    }
  }
  await expect(page.getByTestId('app-shell')).toBeVisible({ timeout: 45_000 });
  await expect(page).not.toHaveURL(/\/auth\/callback/);
  return { enrolled };
}

export async function switchTenant(page: Page, slug: string) {
  await page.getByTestId('tenant-switcher').click();
  await page.getByTestId(`tenant-option-${slug}`).click();
}

/**
 * Calls the platform API with the page's own token (for clean-up after a failed test); tenant APIs
 * need the tenant's id, sent as X-Linea-Tenant.
 */
export async function apiCall(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
  tenantId?: string,
): Promise<number> {
  return (await apiJson(page, method, path, body, tenantId)).status;
}

/** The id of what `action` creates: the 201 answer to a POST to `path`. */
export async function createdId(page: Page, path: string, action: () => Promise<void>): Promise<string> {
  const created = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === path && r.status() === 201,
  );
  await action();
  return ((await (await created).json()) as { id: string }).id;
}

export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}`;
}

/** Like apiCall, with the answer's JSON body (null when it has none or it is no JSON). */
export async function apiJson<T = unknown>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
  tenantId?: string,
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body, tenantId }) => {
      const tokens = JSON.parse(sessionStorage.getItem('linea.tokens') ?? '{}') as { accessToken?: string };
      const response = await fetch(path, {
        method,
        headers: {
          Authorization: `Bearer ${tokens.accessToken ?? ''}`,
          ...(tenantId ? { 'X-Linea-Tenant': tenantId } : {}),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = null;
      }
      return { status: response.status, body: json as T };
    },
    { method, path, body, tenantId },
  );
}
