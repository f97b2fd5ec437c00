// OpenID Connect authorization code flow with PKCE for the public client `linea-web`. The
// gateway proxies /oauth2/** to the identity provider, so every endpoint is on our own origin.
import { challengeS256, createVerifier, randomToken } from './pkce';
import { clearTokens, decodeJwtPayload, readTokens, saveTokens } from './tokens';

export const CLIENT_ID = 'linea-web';
export const SCOPES = 'openid profile';
export const CALLBACK_PATH = '/auth/callback';

const PENDING_KEY = 'linea.pkce';
const ATTEMPTS_KEY = 'linea.login-attempts';
/** More redirects than this within a minute means the provider keeps failing: stop and tell the user. */
const MAX_ATTEMPTS_PER_MINUTE = 4;

interface PendingLogin {
  verifier: string;
  state: string;
  nonce: string;
  returnTo: string;
}

export class LoginError extends Error {
  constructor(
    readonly reason: string,
    readonly description?: string,
  ) {
    super(description ? `${reason}: ${description}` : reason);
  }
}

export function redirectUri(): string {
  return `${window.location.origin}${CALLBACK_PATH}`;
}

let redirecting = false;

export function isRedirecting(): boolean {
  return redirecting;
}

/** Builds the authorization request and remembers what the callback needs to finish it. */
export async function buildAuthorizeUrl(returnTo: string, uiLocale: string): Promise<string> {
  const pending: PendingLogin = {
    verifier: createVerifier(),
    state: randomToken(16),
    nonce: randomToken(16),
    returnTo,
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: redirectUri(),
    scope: SCOPES,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await challengeS256(pending.verifier),
    code_challenge_method: 'S256',
    ui_locales: uiLocale,
  });
  return `/oauth2/authorize?${params.toString()}`;
}

/**
 * Sends the browser to the identity provider. With a live provider session (the usual case after
 * a token expired or a 401) the provider answers at once and the user sees nothing but a reload.
 */
export async function startLogin(uiLocale: string, returnTo = currentLocation()): Promise<void> {
  if (redirecting) return;
  if (tooManyAttempts()) throw new LoginError('login_loop');
  redirecting = true;
  clearTokens();
  window.location.assign(await buildAuthorizeUrl(returnTo, uiLocale));
}

/** Exchanges the authorization code at /oauth2/token; returns where the user was going. */
export async function completeLogin(search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const error = params.get('error');
  if (error) throw new LoginError(error, params.get('error_description') ?? undefined);
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const pending = raw ? (JSON.parse(raw) as PendingLogin) : null;
  const code = params.get('code');
  if (!pending || !code || params.get('state') !== pending.state) throw new LoginError('invalid_state');

  const response = await fetch('/oauth2/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri(),
      client_id: CLIENT_ID,
      code_verifier: pending.verifier,
    }),
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok || typeof body.access_token !== 'string') {
    throw new LoginError(
      String(body.error ?? 'token_request_failed'),
      body.error_description as string | undefined,
    );
  }
  const idToken = typeof body.id_token === 'string' ? body.id_token : undefined;
  if (idToken && decodeJwtPayload(idToken)?.nonce !== pending.nonce) throw new LoginError('invalid_nonce');
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 300;
  saveTokens({ accessToken: body.access_token, idToken, expiresAt: Date.now() + expiresIn * 1000 });
  sessionStorage.removeItem(ATTEMPTS_KEY);
  return safeReturnPath(pending.returnTo);
}

/**
 * Ends the session at the provider too (RP-initiated logout). /logout is the provider's own form
 * (POST with CSRF), so the browser goes to /connect/logout, which needs the id token as a hint.
 * Without one (storage cleared, old tab) the fallback is the provider's GET /logout page, which
 * asks the user to confirm and then logs out.
 */
export function logout(): void {
  const idToken = readTokens()?.idToken;
  clearTokens();
  redirecting = true;
  if (!idToken) {
    window.location.assign('/logout');
    return;
  }
  const params = new URLSearchParams({
    id_token_hint: idToken,
    post_logout_redirect_uri: `${window.location.origin}/`,
    client_id: CLIENT_ID,
  });
  window.location.assign(`/connect/logout?${params.toString()}`);
}

function currentLocation(): string {
  const { pathname, search, hash } = window.location;
  return pathname === CALLBACK_PATH ? '/' : `${pathname}${search}${hash}`;
}

/** Only same-origin paths: a crafted returnTo must not turn the callback into an open redirect. */
export function safeReturnPath(path: string | undefined): string {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/';
  return path;
}

function tooManyAttempts(): boolean {
  const now = Date.now();
  const recent = (JSON.parse(sessionStorage.getItem(ATTEMPTS_KEY) ?? '[]') as number[]).filter(
    (at) => now - at < 60_000,
  );
  recent.push(now);
  sessionStorage.setItem(ATTEMPTS_KEY, JSON.stringify(recent));
  return recent.length > MAX_ATTEMPTS_PER_MINUTE;
}

/** For tests only. */
export function resetRedirectingForTests(): void {
  redirecting = false;
}
