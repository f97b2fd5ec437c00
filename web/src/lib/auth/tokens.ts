// Tokens live in sessionStorage: they die with the tab, and a new tab gets new ones silently from
// the identity provider's session cookie.

const TOKENS_KEY = 'linea.tokens';
/** Seconds before the real expiry at which a token counts as expired, so a request never races it. */
const EXPIRY_SKEW_SECONDS = 30;

export interface Tokens {
  accessToken: string;
  idToken?: string;
  /** epoch milliseconds */
  expiresAt: number;
}

export function saveTokens(tokens: Tokens): void {
  sessionStorage.setItem(TOKENS_KEY, JSON.stringify(tokens));
}

export function readTokens(): Tokens | null {
  const raw = sessionStorage.getItem(TOKENS_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<Tokens>;
    if (typeof parsed.accessToken !== 'string' || typeof parsed.expiresAt !== 'number') return null;
    return parsed as Tokens;
  } catch {
    return null;
  }
}

/** The access token if it is still valid, else null. */
export function getAccessToken(now = Date.now()): string | null {
  const tokens = readTokens();
  if (!tokens) return null;
  return tokens.expiresAt - EXPIRY_SKEW_SECONDS * 1000 > now ? tokens.accessToken : null;
}

export function clearTokens(): void {
  sessionStorage.removeItem(TOKENS_KEY);
}

/** The payload of a JWT, without verifying it (the gateway and services verify; we only read claims). */
export function decodeJwtPayload(jwt: string): Record<string, unknown> | null {
  const part = jwt.split('.')[1];
  if (!part) return null;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return null;
  }
}
