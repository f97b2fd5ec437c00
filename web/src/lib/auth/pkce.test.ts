import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { mockApi } from '@/test/render';
import { buildAuthorizeUrl, completeLogin, LoginError } from './oidc';
import { challengeS256, createVerifier, sha256 } from './pkce';
import { readTokens } from './tokens';

// SEC-01: the web app signs in with the authorization code flow and PKCE (S256), by hand.
describe('PKCE', () => {
  it('computes the RFC 7636 appendix B challenge', async () => {
    expect(await challengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('uses a 43-character base64url verifier whose challenge is S256 of it', async () => {
    const verifier = createVerifier();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await challengeS256(verifier)).toBe(createHash('sha256').update(verifier).digest('base64url'));
    expect(createVerifier()).not.toBe(verifier);
  });

  it('falls back to its own SHA-256 where Web Crypto is missing (plain-http origins)', () => {
    for (const text of ['', 'abc', 'x'.repeat(55), 'y'.repeat(64), 'z'.repeat(1000)]) {
      expect(Buffer.from(sha256(new TextEncoder().encode(text))).toString('hex')).toBe(
        createHash('sha256').update(text).digest('hex'),
      );
    }
  });
});

describe('authorization request and code exchange', () => {
  it('asks /oauth2/authorize for a code with S256, the client, scopes, redirect and UI language', async () => {
    const url = new URL(await buildAuthorizeUrl('/queues', 'ro'), 'http://localhost');
    const p = url.searchParams;
    expect(url.pathname).toBe('/oauth2/authorize');
    expect(p.get('response_type')).toBe('code');
    expect(p.get('client_id')).toBe('linea-web');
    expect(p.get('scope')).toBe('openid profile');
    expect(p.get('redirect_uri')).toBe(`${window.location.origin}/auth/callback`);
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('ui_locales')).toBe('ro');
    const pending = JSON.parse(sessionStorage.getItem('linea.pkce') ?? '{}') as {
      verifier: string;
      state: string;
    };
    expect(p.get('state')).toBe(pending.state);
    expect(p.get('code_challenge')).toBe(createHash('sha256').update(pending.verifier).digest('base64url'));
  });

  it('exchanges the code with the verifier and stores the tokens in sessionStorage', async () => {
    const url = new URL(await buildAuthorizeUrl('/queues', 'en'), 'http://localhost');
    const state = url.searchParams.get('state');
    const nonce = url.searchParams.get('nonce');
    const idToken = `h.${Buffer.from(JSON.stringify({ nonce })).toString('base64url')}.s`;
    const api = mockApi({
      'POST /oauth2/token': { access_token: 'at', id_token: idToken, expires_in: 300, token_type: 'Bearer' },
    });
    vi.spyOn(Date, 'now').mockReturnValue(1_000_000);

    expect(await completeLogin(`?code=abc&state=${state}`)).toBe('/queues');

    const form = new URLSearchParams(api.calls[0]?.body as string);
    const pending = form.get('code_verifier') ?? '';
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('code')).toBe('abc');
    expect(form.get('client_id')).toBe('linea-web');
    expect(pending).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createHash('sha256').update(pending).digest('base64url')).toBe(
      url.searchParams.get('code_challenge'),
    );
    expect(readTokens()).toEqual({ accessToken: 'at', idToken, expiresAt: 1_300_000 });
  });

  it('refuses a callback whose state does not match', async () => {
    await buildAuthorizeUrl('/', 'en');
    await expect(completeLogin('?code=abc&state=forged')).rejects.toBeInstanceOf(LoginError);
  });

  it('does not turn the callback into an open redirect', async () => {
    const url = new URL(await buildAuthorizeUrl('//evil.example/x', 'en'), 'http://localhost');
    const nonce = url.searchParams.get('nonce');
    mockApi({
      'POST /oauth2/token': {
        access_token: 'at',
        id_token: `h.${Buffer.from(JSON.stringify({ nonce })).toString('base64url')}.s`,
        expires_in: 300,
      },
    });
    expect(await completeLogin(`?code=abc&state=${url.searchParams.get('state')}`)).toBe('/');
  });
});
