/** The parts of an issuer's discovery document (OpenID Connect Discovery 1.0) the core uses. */
export interface OidcDiscovery {
  issuer: string;
  jwksUri: string;
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
  endSessionEndpoint?: string;
}

/**
 * Reads `<issuer>/.well-known/openid-configuration`, giving up after `timeoutMs`. The document
 * must name the configured issuer exactly (Discovery §4.3): one that names another was not
 * published by the issuer the core trusts, and its keys are not used.
 */
export async function fetchDiscovery(issuer: string, timeoutMs: number): Promise<OidcDiscovery> {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`, {
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'error',
  });
  if (!response.ok) throw new Error(`discovery answered ${response.status}`);
  const document = (await response.json()) as Record<string, unknown>;
  if (document.issuer !== issuer)
    throw new Error(`discovery names issuer ${JSON.stringify(document.issuer)}, not the configured ${issuer}`);
  const url = (name: string): string | undefined => {
    const value = document[name];
    return typeof value === 'string' && /^https?:\/\//.test(value) ? value : undefined;
  };
  const jwksUri = url('jwks_uri');
  if (!jwksUri) throw new Error('discovery has no jwks_uri');
  return {
    issuer,
    jwksUri,
    authorizationEndpoint: url('authorization_endpoint'),
    tokenEndpoint: url('token_endpoint'),
    endSessionEndpoint: url('end_session_endpoint'),
  };
}
