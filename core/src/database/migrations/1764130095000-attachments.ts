import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files officers upload to a draft or a case: the row says whose, for which question, what the
 * bytes are and where the virus scan stands; the bytes are numbered chunks in PostgreSQL, the one
 * store every core instance shares. A draft's uploads carry the draft id without a reference to
 * core.draft, because a draft may be kept only on the officer's device until it is saved; a
 * case's are removed with the case (retention follows the case).
 */
export class Attachments1764130095000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plugin_id text NOT NULL,
        form_id text NOT NULL,
        field text NOT NULL,
        draft_id uuid,
        case_id uuid REFERENCES core.case(id) ON DELETE CASCADE,
        attached boolean NOT NULL DEFAULT false,
        uploaded_by uuid NOT NULL REFERENCES core.app_user(id) ON DELETE CASCADE,
        name text NOT NULL,
        content_type text NOT NULL,
        size bigint NOT NULL DEFAULT 0,
        sha256 text,
        status text NOT NULL DEFAULT 'uploading',
        signature text,
        scan_attempts integer NOT NULL DEFAULT 0,
        scan_after timestamptz,
        scan_lease_until timestamptz,
        scanned_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT attachment_status_check CHECK (status IN ('uploading', 'pending', 'clean', 'infected', 'not-scanned')),
        CONSTRAINT attachment_owner_check CHECK (draft_id IS NOT NULL OR case_id IS NOT NULL)
      )`);
    await q.query(
      'CREATE INDEX attachment_draft_idx ON core.attachment (uploaded_by, draft_id) WHERE draft_id IS NOT NULL',
    );
    await q.query('CREATE INDEX attachment_case_idx ON core.attachment (case_id) WHERE case_id IS NOT NULL');
    // The scan retry reads only what waits for the scanner; stale uploads are swept by age.
    await q.query(`CREATE INDEX attachment_waiting_idx ON core.attachment (scan_after) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX attachment_uploading_idx ON core.attachment (created_at) WHERE status = 'uploading'`);
    await q.query(`
      CREATE TABLE core.attachment_chunk (
        attachment_id uuid NOT NULL REFERENCES core.attachment(id) ON DELETE CASCADE,
        seq integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (attachment_id, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE core.attachment_chunk');
    await q.query('DROP TABLE core.attachment');
  }
}
