import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers carrying a Cerberus request signature (docs/cerberus.md). */
export const TIMESTAMP_HEADER = 'x-cerberus-timestamp';
export const SIGNATURE_HEADER = 'x-cerberus-signature';

/** `sha256=` + hex HMAC-SHA256 of `<timestamp>.<raw body>` with the shared secret. */
export function sign(secret: string, timestamp: number, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

export type SignatureVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Checks a signed request: timestamp present and within the replay window, and the signature
 * made with any of the accepted secrets (more than one during a rotation).
 */
export function verify(
  secrets: string[],
  headers: { timestamp?: string; signature?: string },
  body: Buffer,
  windowSeconds: number,
  now = Date.now(),
): SignatureVerdict {
  if (!headers.timestamp || !headers.signature) return { ok: false, reason: 'missing signature headers' };
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp)) return { ok: false, reason: 'timestamp is not a whole number of seconds' };
  if (Math.abs(now / 1000 - timestamp) > windowSeconds)
    return { ok: false, reason: 'timestamp outside the replay window' };
  const given = Buffer.from(headers.signature);
  for (const secret of secrets) {
    const expected = Buffer.from(sign(secret, timestamp, body));
    if (expected.length === given.length && timingSafeEqual(expected, given)) return { ok: true };
  }
  return { ok: false, reason: 'signature does not match' };
}
