import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ReferenceRow, ReferenceSetDefinition } from './reference-data/index.js';

/** A set as stored: what it is, without its rows. */
export interface ReferenceSetSummary {
  id: string;
  label: string;
  description: string;
  /** Whether each workflow claims the rows it uses (an admin's row names its workflows). */
  perWorkflow: boolean;
}

interface RowRecord {
  set_id: string;
  id: string;
  label: string;
  valid_from: string;
  valid_to: string | null;
  flags: string[] | null;
  parent: string | null;
  attributes: Record<string, string | number | boolean> | null;
}

/** Reference data sets and rows in core.reference_set / core.reference_row. */
export class ReferenceDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Brings each set in line with the seed: rows are inserted or updated, never deleted
   * (old cases still name them; retire a row by giving it a validTo). Sets whose seed is
   * unchanged since the last boot are skipped by checksum.
   *
   * What admins changed at runtime survives (migration 1764130092000): a row an admin added is
   * never updated by the seed, even if a release later brings a row with its id (it is returned
   * in `kept`, for the log), and an end date an admin gave a seeded row stays in force unless the
   * release moves the row's start past it.
   */
  async applySeed(sets: ReferenceSetDefinition[]): Promise<{ changed: string[]; kept: string[] }> {
    const stored = new Map(
      (
        (await this.dataSource.query('SELECT id, checksum FROM core.reference_set')) as {
          id: string;
          checksum: string;
        }[]
      ).map((r) => [r.id, r.checksum]),
    );
    const changed: string[] = [];
    const kept: string[] = [];
    for (const set of sets) {
      const checksum = createHash('sha256').update(JSON.stringify(set)).digest('hex');
      if (stored.get(set.id) === checksum) continue;
      await this.dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO core.reference_set (id, label, description, per_workflow, checksum) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (id) DO UPDATE SET label = $2, description = $3, per_workflow = $4, checksum = $5, updated_at = now()`,
          [set.id, set.label, set.description, set.perWorkflow === true, checksum],
        );
        await manager.query(
          `INSERT INTO core.reference_row AS o (set_id, id, label, valid_from, valid_to, seed_valid_to, flags, parent, attributes)
           SELECT $1, r.id, r.label, r."validFrom", r."validTo", r."validTo", r.flags, r.parent, r.attributes
             FROM jsonb_to_recordset($2::jsonb) AS r(id text, label text, "validFrom" date, "validTo" date, flags text[], parent text, attributes jsonb)
           ON CONFLICT (set_id, id) DO UPDATE SET label = EXCLUDED.label, valid_from = EXCLUDED.valid_from,
             seed_valid_to = EXCLUDED.seed_valid_to,
             valid_to = CASE WHEN o.admin_valid_to >= EXCLUDED.valid_from
               THEN LEAST(EXCLUDED.valid_to, o.admin_valid_to) ELSE EXCLUDED.valid_to END,
             admin_valid_to = CASE WHEN o.admin_valid_to >= EXCLUDED.valid_from THEN o.admin_valid_to END,
             flags = EXCLUDED.flags, parent = EXCLUDED.parent, attributes = EXCLUDED.attributes
           WHERE o.source = 'seed'`,
          [set.id, JSON.stringify(set.rows)],
        );
        const clashes = (await manager.query(
          `SELECT id FROM core.reference_row WHERE set_id = $1 AND source = 'admin' AND id = ANY($2) ORDER BY id`,
          [set.id, set.rows.map((r) => r.id)],
        )) as { id: string }[];
        kept.push(...clashes.map((r) => `${set.id}/${r.id}`));
      });
      changed.push(set.id);
    }
    return { changed, kept };
  }

  /** Every row of every set, grouped by set. */
  async loadAll(): Promise<Map<string, ReferenceRow[]>> {
    const rows = (await this.dataSource.query(
      `SELECT set_id, id, label, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to,
              flags, parent, attributes FROM core.reference_row ORDER BY set_id, label`,
    )) as RowRecord[];
    const sets = new Map<string, ReferenceRow[]>();
    for (const r of rows) {
      const list = sets.get(r.set_id) ?? [];
      list.push({
        id: r.id,
        label: r.label,
        validFrom: r.valid_from,
        ...(r.valid_to ? { validTo: r.valid_to } : {}),
        ...(r.flags ? { flags: r.flags } : {}),
        ...(r.parent ? { parent: r.parent } : {}),
        ...(r.attributes ? { attributes: r.attributes } : {}),
      });
      sets.set(r.set_id, list);
    }
    return sets;
  }

  /** Every set's id, label, description and whether it is per-workflow, by label. */
  async loadSets(): Promise<ReferenceSetSummary[]> {
    return (await this.dataSource.query(
      `SELECT id, label, description, per_workflow AS "perWorkflow" FROM core.reference_set ORDER BY label, id`,
    )) as ReferenceSetSummary[];
  }
}
