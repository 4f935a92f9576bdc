import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A sign-in session ended before its access tokens expired (sign-out, or a reused refresh token). */
@Entity({ schema: 'core', name: 'session_revocation' })
export class SessionRevocationEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  /** `signed-out` or `refresh-reused`. */
  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'revoked_at', type: 'timestamptz', default: () => 'now()' })
  revokedAt!: Date;

  /** After this no access token of the session can still be valid; the row may then be removed. */
  @Index('session_revocation_expires_idx')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
