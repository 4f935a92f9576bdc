import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ReferenceRow, ReferenceSetDefinition } from './reference-data/index.js';

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
   */
  async applySeed(sets: ReferenceSetDefinition[]): Promise<string[]> {
    const stored = new Map(
      (
        (await this.dataSource.query('SELECT id, checksum FROM core.reference_set')) as {
          id: string;
          checksum: string;
        }[]
      ).map((r) => [r.id, r.checksum]),
    );
    const changed: string[] = [];
    for (const set of sets) {
      const checksum = createHash('sha256').update(JSON.stringify(set)).digest('hex');
      if (stored.get(set.id) === checksum) continue;
      await this.dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO core.reference_set (id, label, description, checksum) VALUES ($1, $2, $3, $4)
           ON CONFLICT (id) DO UPDATE SET label = $2, description = $3, checksum = $4, updated_at = now()`,
          [set.id, set.label, set.description, checksum],
        );
        await manager.query(
          `INSERT INTO core.reference_row (set_id, id, label, valid_from, valid_to, flags, parent, attributes)
           SELECT $1, r.id, r.label, r."validFrom", r."validTo", r.flags, r.parent, r.attributes
             FROM jsonb_to_recordset($2::jsonb) AS r(id text, label text, "validFrom" date, "validTo" date, flags text[], parent text, attributes jsonb)
           ON CONFLICT (set_id, id) DO UPDATE SET label = EXCLUDED.label, valid_from = EXCLUDED.valid_from,
             valid_to = EXCLUDED.valid_to, flags = EXCLUDED.flags, parent = EXCLUDED.parent, attributes = EXCLUDED.attributes`,
          [set.id, JSON.stringify(set.rows)],
        );
      });
      changed.push(set.id);
    }
    return changed;
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
}
