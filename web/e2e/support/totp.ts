// RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits) and RFC 4648 base32, with Node's crypto:
// the browser tests compute the codes an authenticator app would show (SEC-02).
import { createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export interface TotpOptions {
  /** epoch milliseconds */
  time?: number;
  stepSeconds?: number;
  digits?: number;
}

/** RFC 4226 HOTP of the time step (RFC 6238). `secret` is base32 text or raw key bytes. */
export function totp(
  secret: string | Buffer,
  { time = Date.now(), stepSeconds = 30, digits = 6 }: TotpOptions = {},
): string {
  const key = typeof secret === 'string' ? base32Decode(secret) : secret;
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(time / 1000 / stepSeconds)));
  const hmac = createHmac('sha1', key).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0x0f;
  const binary = (hmac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(binary).padStart(digits, '0');
}

/** Seconds until the current code expires. */
export function secondsLeft(time = Date.now(), stepSeconds = 30): number {
  return stepSeconds - ((time / 1000) % stepSeconds);
}

/** The last time step a code was used for, per secret: the provider refuses a code used twice (replay). */
const usedSteps = new Map<string, number>();

/**
 * A code that stays valid for at least `margin` seconds and was not used before in this run (waits
 * for the next step if needed: two sign-ins of one user within 30 s would otherwise replay a code).
 */
export async function freshTotp(secret: string, margin = 5): Promise<string> {
  const step = () => Math.floor(Date.now() / 1000 / 30);
  const left = secondsLeft();
  if (left < margin || (usedSteps.get(secret) ?? -1) >= step()) {
    await new Promise((resolve) => setTimeout(resolve, (left + 0.5) * 1000));
  }
  usedSteps.set(secret, step());
  return totp(secret);
}
