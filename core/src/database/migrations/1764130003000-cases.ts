import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Cases1764130003000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // Business keys: one sequence for all, numbered per day from that day's base (see case-key.ts).
    await q.query('CREATE SEQUENCE core.case_key_seq');
    await q.query(`
      CREATE TABLE core.case_key_day (
        day date PRIMARY KEY,
        base bigint NOT NULL
      )`);
    await q.query(`
      CREATE TABLE core.case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_key text NOT NULL UNIQUE,
        plugin_id text NOT NULL,
        form_id text NOT NULL,
        form_version integer NOT NULL,
        answers jsonb NOT NULL,
        state text NOT NULL,
        team_id text,
        assignee_id uuid REFERENCES core.app_user(id),
        created_by uuid NOT NULL REFERENCES core.app_user(id),
        idempotency_key text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_idempotency UNIQUE (created_by, idempotency_key)
      )`);
    await q.query('CREATE INDEX case_plugin_created_idx ON core.case (plugin_id, created_at DESC, id DESC)');
    await q.query('CREATE INDEX case_team_created_idx ON core.case (team_id, created_at DESC, id DESC)');
    await q.query('CREATE INDEX case_creator_created_idx ON core.case (created_by, created_at DESC, id DESC)');
    await q.query(`
      CREATE TABLE core.case_term (
        case_id uuid NOT NULL REFERENCES core.case(id) ON DELETE CASCADE,
        term text NOT NULL,
        path text NOT NULL,
        value text NOT NULL,
        normalised text NOT NULL,
        PRIMARY KEY (case_id, path)
      )`);
    await q.query('CREATE INDEX case_term_lookup_idx ON core.case_term (term, normalised)');
    await q.query(`
      CREATE TABLE core.case_link (
        from_case uuid NOT NULL REFERENCES core.case(id) ON DELETE CASCADE,
        to_case uuid NOT NULL REFERENCES core.case(id) ON DELETE CASCADE,
        kind text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (from_case, to_case, kind)
      )`);
    await q.query('CREATE INDEX case_link_to_idx ON core.case_link (to_case)');
    await q.query(`
      CREATE TABLE core.case_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES core.case(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES core.app_user(id),
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX case_comment_case_idx ON core.case_comment (case_id, created_at)');
    // Every version of every form ever loaded, so old cases render with the form they were made against.
    await q.query(`
      CREATE TABLE core.form_definition (
        plugin_id text NOT NULL,
        form_id text NOT NULL,
        version integer NOT NULL,
        definition jsonb NOT NULL,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (plugin_id, form_id, version)
      )`);
    await q.query(`
      CREATE TABLE core.draft (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES core.app_user(id) ON DELETE CASCADE,
        plugin_id text NOT NULL,
        form_id text NOT NULL,
        form_version integer NOT NULL,
        answers jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX draft_user_idx ON core.draft (user_id, updated_at DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'draft',
      'form_definition',
      'case_comment',
      'case_link',
      'case_term',
      'case',
      'case_key_day',
    ]) {
      await q.query(`DROP TABLE core.${table}`);
    }
    await q.query('DROP SEQUENCE core.case_key_seq');
  }
}
