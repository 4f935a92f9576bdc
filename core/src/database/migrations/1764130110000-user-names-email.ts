import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An officer's given name, family name and email address, which forms pre-fill (`user.givenName`,
 * `user.familyName`, `user.email`). An OIDC account takes them from its token's `given_name`,
 * `family_name` and `email` claims; accounts created before have none until they are set.
 */
export class UserNamesEmail1764130110000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE core.app_user ADD COLUMN given_name text, ADD COLUMN family_name text, ADD COLUMN email text',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE core.app_user DROP COLUMN email, DROP COLUMN family_name, DROP COLUMN given_name');
  }
}
