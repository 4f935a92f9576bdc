import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What the shell needs to run the authorization code flow (with PKCE) against the issuer. */
export class OidcClientView {
  @ApiProperty() issuer!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty() authorizationEndpoint!: string;
  @ApiProperty() tokenEndpoint!: string;
  @ApiPropertyOptional() endSessionEndpoint?: string;
}

/** `GET /api/auth/config`: `oidc` is null when only local accounts sign in (or the issuer cannot be reached). */
export class AuthConfigView {
  @ApiProperty({ type: () => OidcClientView, nullable: true }) oidc!: OidcClientView | null;
  @ApiPropertyOptional({ description: 'Why the issuer is not offered, when it cannot be reached' }) error?: string;
}
