import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ReferenceDataRepository } from './reference-data.repository.js';

/** A row of core.reference_row as the admin page sees it. */
export interface AdminRowRecord {
  id: string;
  label: string;
  validFrom: string;
  validTo: string | null;
  /** The release's own end date of a seeded row (an admin's may be earlier). */
  seedValidTo: string | null;
  parent: string | null;
  attributes: Record<string, string | number | boolean> | null;
  flags: string[] | null;
  source: 'seed' | 'admin';
  addedBy: string | null;
  addedAt: Date | null;
}

/** A row an admin adds. */
export interface NewRowRecord {
  setId: string;
  id: string;
  label: string;
  validFrom: string;
  validTo: string | null;
  parent: string | null;
  attributes: Record<string, string | number | boolean> | null;
  flags: string[] | null;
  addedBy: string;
}

const COLUMNS = `r.id, r.label, to_char(r.valid_from, 'YYYY-MM-DD') AS "validFrom",
  to_char(r.valid_to, 'YYYY-MM-DD') AS "validTo", to_char(r.seed_valid_to, 'YYYY-MM-DD') AS "seedValidTo",
  r.parent, r.attributes, r.flags, r.source, u.username AS "addedBy", r.added_at AS "addedAt"`;

/** Rows admins add and end-date at runtime, beside the seeded ones (migration 1764130092000). */
@Injectable()
export class ReferenceAdminRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The catalogue's source, to reload it after a change. */
  catalogueSource(): ReferenceDataRepository {
    return new ReferenceDataRepository(this.dataSource);
  }

  /** Every row of a set, retired ones included, by label. */
  async rows(setId: string): Promise<AdminRowRecord[]> {
    return (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM core.reference_row r LEFT JOIN core.app_user u ON u.id = r.added_by
       WHERE r.set_id = $1 ORDER BY r.label, r.id`,
      [setId],
    )) as AdminRowRecord[];
  }

  /** One row, or undefined. */
  async row(
    setId: string,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AdminRowRecord | undefined> {
    const [row] = (await manager.query(
      `SELECT ${COLUMNS} FROM core.reference_row r LEFT JOIN core.app_user u ON u.id = r.added_by
       WHERE r.set_id = $1 AND r.id = $2`,
      [setId, id],
    )) as AdminRowRecord[];
    return row;
  }

  /** One row, locked for the rest of the transaction. */
  async lockRow(manager: EntityManager, setId: string, id: string): Promise<AdminRowRecord | undefined> {
    const [row] = (await manager.query(
      `SELECT ${COLUMNS} FROM core.reference_row r LEFT JOIN core.app_user u ON u.id = r.added_by
       WHERE r.set_id = $1 AND r.id = $2 FOR UPDATE OF r`,
      [setId, id],
    )) as AdminRowRecord[];
    return row;
  }

  /** Adds the row; false when the set already has a row with its id (added meanwhile). */
  async insert(manager: EntityManager, row: NewRowRecord): Promise<boolean> {
    const inserted = (await manager.query(
      `INSERT INTO core.reference_row (set_id, id, label, valid_from, valid_to, parent, attributes, flags, source, added_by, added_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'admin', $9, now())
       ON CONFLICT (set_id, id) DO NOTHING RETURNING id`,
      [
        row.setId,
        row.id,
        row.label,
        row.validFrom,
        row.validTo,
        row.parent,
        row.attributes === null ? null : JSON.stringify(row.attributes),
        row.flags,
        row.addedBy,
      ],
    )) as unknown[];
    return inserted.length === 1;
  }

  /** Sets a row an admin added: its label, end date and workflows. */
  async updateAdminRow(
    manager: EntityManager,
    setId: string,
    id: string,
    row: { label: string; validTo: string | null; flags: string[] | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE core.reference_row SET label = $3, valid_to = $4, flags = $5 WHERE set_id = $1 AND id = $2 AND source = 'admin'`,
      [setId, id, row.label, row.validTo, row.flags],
    );
  }

  /**
   * Gives a seeded row an admin's end date, or takes it away (null): the row then ends when its
   * release says (seed_valid_to), and a re-seed keeps whichever is in force.
   */
  async endSeedRow(manager: EntityManager, setId: string, id: string, validTo: string | null): Promise<void> {
    await manager.query(
      `UPDATE core.reference_row SET admin_valid_to = $3::date, valid_to = LEAST(seed_valid_to, $3::date)
       WHERE set_id = $1 AND id = $2 AND source = 'seed'`,
      [setId, id, validTo],
    );
  }

  /** Marks the set changed, so every instance's catalogue reloads (`version`). */
  async touch(manager: EntityManager, setId: string): Promise<void> {
    await manager.query('UPDATE core.reference_set SET updated_at = clock_timestamp() WHERE id = $1', [setId]);
  }

  /**
   * Changes whenever any set does (seeded at boot or changed by an admin): a digest of every
   * set's time of change, so a change that commits after a later-stamped one still counts.
   */
  async version(): Promise<string> {
    const [row] = (await this.dataSource.query(
      `SELECT coalesce(md5(string_agg(id || '@' || updated_at::text, ',' ORDER BY id)), '') AS version
       FROM core.reference_set`,
    )) as { version: string }[];
    return row!.version;
  }
}
