import { base64url, pkceChallenge, randomValue } from './pkce';

describe('PKCE helper', () => {
  it('computes the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('is base64url(sha256(verifier)) for any verifier', async () => {
    const verifier = randomValue();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    expect(await pkceChallenge(verifier)).toBe(base64url(digest));
  });

  it('makes 43-character verifiers of the unreserved alphabet, different each time', () => {
    const a = randomValue();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomValue()).not.toBe(a);
  });

  it('encodes without padding and with the URL-safe alphabet', () => {
    expect(base64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(base64url(new Uint8Array([]))).toBe('');
  });
});
