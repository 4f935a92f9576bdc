import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AttachmentRecord, AttachmentStatus } from './attachment.types.js';

const COLUMNS = `a.id, a.plugin_id AS "pluginId", a.form_id AS "formId", a.field, a.draft_id AS "draftId",
  a.case_id AS "caseId", a.attached, a.uploaded_by AS "uploadedBy", a.name, a.content_type AS "contentType",
  a.size::float8 AS size, a.sha256, a.status, a.signature, a.scan_attempts AS "scanAttempts",
  a.scanned_at AS "scannedAt", a.created_at AS "createdAt"`;

/** A new upload's row, before its bytes arrive. */
export interface NewAttachment {
  pluginId: string;
  formId: string;
  field: string;
  draftId: string | null;
  caseId: string | null;
  uploadedBy: string;
  name: string;
  contentType: string;
}

/** The rows of core.attachment; the bytes are the store's (attachment-store.ts). */
@Injectable()
export class AttachmentsRepository {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  async create(a: NewAttachment): Promise<string> {
    const rows = (await this.dataSource.query(
      `INSERT INTO core.attachment (plugin_id, form_id, field, draft_id, case_id, uploaded_by, name, content_type)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [a.pluginId, a.formId, a.field, a.draftId, a.caseId, a.uploadedBy, a.name, a.contentType],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  /**
   * The bytes are all stored: record what they are and where the scan stands. False when the row
   * went while they arrived (its draft deleted, say): its id is then queued for the store to
   * delete what was written after the row went.
   */
  async stored(id: string, size: number, sha256: string, status: AttachmentStatus): Promise<boolean> {
    const [, updated] = (await this.dataSource.query(
      `UPDATE core.attachment SET size = $2, sha256 = $3, status = $4, scan_after = CASE WHEN $4 = 'pending' THEN now() END
       WHERE id = $1`,
      [id, size, sha256, status],
    )) as [unknown, number];
    if (updated === 0) await this.markBytesGone(undefined, id);
    return updated > 0;
  }

  async find(id: string, manager?: EntityManager): Promise<AttachmentRecord | undefined> {
    const rows = (await (manager ?? this.dataSource.manager).query(
      `SELECT ${COLUMNS} FROM core.attachment a WHERE a.id = $1`,
      [id],
    )) as AttachmentRecord[];
    return rows[0];
  }

  /** The caller's uploads to a draft, oldest first (not those still arriving). */
  async forDraft(userId: string, draftId: string): Promise<AttachmentRecord[]> {
    return (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM core.attachment a
        WHERE a.uploaded_by = $1 AND a.draft_id = $2 AND a.case_id IS NULL AND a.status <> 'uploading'
        ORDER BY a.created_at, a.id`,
      [userId, draftId],
    )) as AttachmentRecord[];
  }

  /** A case's uploads: the attached ones, or the caller's not yet attached ones for an action form. */
  async forCase(
    caseId: string,
    opts: { attached: true } | { uploadedBy: string; formId: string },
  ): Promise<AttachmentRecord[]> {
    const params: unknown[] = [caseId];
    const which =
      'attached' in opts
        ? 'a.attached'
        : `NOT a.attached AND a.uploaded_by = $${params.push(opts.uploadedBy)} AND a.form_id = $${params.push(opts.formId)}`;
    return (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM core.attachment a
        WHERE a.case_id = $1 AND a.status <> 'uploading' AND ${which}
        ORDER BY a.created_at, a.id`,
      params,
    )) as AttachmentRecord[];
  }

  /**
   * How many live uploads (not infected, not abandoned) the caller holds for a question: of a
   * draft, or of a case's action form not yet used by a taken action.
   */
  async countForField(
    where: { draftId: string; uploadedBy: string } | { caseId: string; formId: string; uploadedBy: string },
    field: string,
  ): Promise<number> {
    const params: unknown[] = [field, where.uploadedBy];
    const owner =
      'draftId' in where
        ? `a.draft_id = $${params.push(where.draftId)} AND a.case_id IS NULL`
        : `a.case_id = $${params.push(where.caseId)} AND a.form_id = $${params.push(where.formId)} AND NOT a.attached`;
    const rows = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM core.attachment a WHERE a.field = $1 AND a.uploaded_by = $2 AND ${owner} AND a.status <> 'infected'
         AND NOT (a.status = 'uploading' AND a.created_at < now() - interval '1 hour')`,
      params,
    )) as { n: number }[];
    return rows[0]!.n;
  }

  /**
   * At submission, in its transaction: the draft's uploads the answers use move to the case,
   * attached; the rest of the draft's uploads (removed from the answers, never used) go.
   */
  static async claimDraft(
    manager: EntityManager,
    draft: { draftId: string; uploadedBy: string },
    caseId: string,
    used: string[],
  ): Promise<void> {
    await manager.query(
      `UPDATE core.attachment SET case_id = $3, attached = true
        WHERE draft_id = $1 AND uploaded_by = $2 AND case_id IS NULL AND id = ANY($4::uuid[])`,
      [draft.draftId, draft.uploadedBy, caseId, used],
    );
    await manager.query('DELETE FROM core.attachment WHERE draft_id = $1 AND uploaded_by = $2 AND case_id IS NULL', [
      draft.draftId,
      draft.uploadedBy,
    ]);
  }

  /** When an action is taken, in its transaction: the uploads its answers use become the case's. */
  static async attachToCase(manager: EntityManager, caseId: string, used: string[]): Promise<void> {
    if (used.length === 0) return;
    await manager.query('UPDATE core.attachment SET attached = true WHERE case_id = $1 AND id = ANY($2::uuid[])', [
      caseId,
      used,
    ]);
  }

  /** Whose a saved draft is (undefined while a draft is kept only on the officer's device). */
  async draftOwner(draftId: string): Promise<{ userId: string; pluginId: string } | undefined> {
    const rows = (await this.dataSource.query(
      'SELECT user_id AS "userId", plugin_id AS "pluginId" FROM core.draft WHERE id = $1',
      [draftId],
    )) as { userId: string; pluginId: string }[];
    return rows[0];
  }

  /** Removes an upload and its bytes. */
  async remove(id: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query('DELETE FROM core.attachment WHERE id = $1', [id]);
  }

  /** A draft's uploads go with the draft. */
  async removeForDraft(userId: string, draftId: string): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM core.attachment WHERE uploaded_by = $1 AND draft_id = $2 AND case_id IS NULL',
      [userId, draftId],
    );
  }

  /** The scan's verdict. An infected file's bytes are removed at once; its row stays, to tell the officer. */
  async recordVerdict(
    id: string,
    verdict: { status: 'clean' } | { status: 'infected'; signature: string },
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE core.attachment SET status = $2, signature = $3, scanned_at = now(), scan_after = NULL, scan_lease_until = NULL,
           scan_attempts = scan_attempts + 1 WHERE id = $1`,
        [id, verdict.status, verdict.status === 'infected' ? verdict.signature : null],
      );
      if (verdict.status === 'infected') {
        await manager.query('DELETE FROM core.attachment_chunk WHERE attachment_id = $1', [id]);
        await manager.query('DELETE FROM core.attachment_thumbnail WHERE attachment_id = $1', [id]);
        await this.markBytesGone(manager, id);
      }
    });
  }

  /** Queues a file's bytes for the store to delete (a removed row's are queued by a trigger). */
  async markBytesGone(manager: EntityManager | undefined, id: string): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      'INSERT INTO core.attachment_bytes_gone (attachment_id) VALUES ($1) ON CONFLICT DO NOTHING',
      [id],
    );
  }

  /** Claims, in the caller's transaction, files whose bytes are to be deleted from the store, oldest first. */
  async claimBytesGone(manager: EntityManager, limit: number): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT attachment_id AS id FROM core.attachment_bytes_gone ORDER BY gone_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** The store has deleted these files' bytes. */
  async forgetBytesGone(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query('DELETE FROM core.attachment_bytes_gone WHERE attachment_id = ANY($1::uuid[])', [ids]);
  }

  /** Whether any file's bytes are in core.attachment_chunk (kept there before the store was switched to S3). */
  async hasChunks(): Promise<boolean> {
    const rows = (await this.dataSource.query('SELECT EXISTS (SELECT 1 FROM core.attachment_chunk) AS found')) as {
      found: boolean;
    }[];
    return rows[0]!.found;
  }

  /** The photo's kept thumbnail, if one was made. */
  async thumbnail(id: string): Promise<Buffer | undefined> {
    const rows = (await this.dataSource.query('SELECT image FROM core.attachment_thumbnail WHERE attachment_id = $1', [
      id,
    ])) as { image: Buffer }[];
    return rows[0]?.image;
  }

  /** Keeps a photo's thumbnail (the first one made wins when two requests make it at once). */
  async keepThumbnail(id: string, image: Buffer): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO core.attachment_thumbnail (attachment_id, image)
       SELECT id, $2 FROM core.attachment WHERE id = $1 ON CONFLICT (attachment_id) DO NOTHING`,
      [id, image],
    );
  }

  /** clamd could not give a verdict: try again after `delayMs`. */
  async postponeScan(id: string, delayMs: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE core.attachment SET scan_attempts = scan_attempts + 1, scan_lease_until = NULL,
         scan_after = now() + make_interval(secs => $2::float8 / 1000) WHERE id = $1 AND status = 'pending'`,
      [id, delayMs],
    );
  }

  /** Gives claimed scans back at once (the scanner is down: the next tick tries them). */
  async releaseScans(ids: string[]): Promise<void> {
    await this.dataSource.query('UPDATE core.attachment SET scan_lease_until = NULL WHERE id = ANY($1::uuid[])', [ids]);
  }

  /**
   * Claims files whose scan is due, for this instance, for `leaseMs` (another instance takes
   * them after that if this one dies).
   */
  async claimDueScans(limit: number, leaseMs: number): Promise<AttachmentRecord[]> {
    const [rows] = (await this.dataSource.query(
      `UPDATE core.attachment a SET scan_lease_until = now() + make_interval(secs => $2::float8 / 1000)
        WHERE a.id IN (
          SELECT id FROM core.attachment
           WHERE status = 'pending' AND scan_after <= now() AND (scan_lease_until IS NULL OR scan_lease_until < now())
           ORDER BY scan_after LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING ${COLUMNS}`,
      [limit, leaseMs],
    )) as [AttachmentRecord[], number];
    return rows;
  }

  /**
   * Uploads that never finished (a crash mid-upload) are removed after an hour; uploads to a
   * draft that was never saved nor submitted (a form abandoned on the device) after 30 days.
   */
  async sweepAbandoned(): Promise<number> {
    const unfinished = (await this.dataSource.query(
      `DELETE FROM core.attachment WHERE status = 'uploading' AND created_at < now() - interval '1 hour' RETURNING id`,
    )) as [unknown[], number];
    const abandoned = (await this.dataSource.query(
      `DELETE FROM core.attachment a
        WHERE a.case_id IS NULL AND a.created_at < now() - interval '30 days'
          AND NOT EXISTS (SELECT 1 FROM core.draft d WHERE d.id = a.draft_id)
        RETURNING id`,
    )) as [unknown[], number];
    return unfinished[1] + abandoned[1];
  }
}
