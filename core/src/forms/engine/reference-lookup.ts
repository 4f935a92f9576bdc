import type { ReferenceLookup, ReferenceStatus } from './engine-types.js';
import { rowMatchValue } from './reference-filter.js';

/** One row of a reference data set. */
export interface ReferenceRow {
  id: string;
  label: string;
  /** ISO date (or date-time) from which the row may be chosen. */
  validFrom?: string;
  /** ISO date: the last day the row may be chosen (a date-time: the instant it is retired). */
  validTo?: string;
  /** Workflow ids the row is limited to; absent means every workflow. */
  flags?: string[];
  /** Id of the parent row in the same set, for trees. */
  parent?: string;
  /** Set-specific facts (a terminal's `port`, a team's `command`). */
  attributes?: Readonly<Record<string, string | number | boolean>>;
}

/** Reference sets keyed by set name, as plain data (from the database or fetched by the shell). */
export type ReferenceSets = Readonly<Record<string, readonly ReferenceRow[]>>;

/**
 * Builds a ReferenceLookup over plain rows. A row past its `validTo` is 'retired'; an id not
 * in the set, not yet valid, or limited to other workflows is 'unknown'.
 */
export function createReferenceLookup(sets: ReferenceSets): ReferenceLookup {
  const index = new Map<string, Map<string, { row: ReferenceRow; from: number; to: number }>>();
  for (const [set, rows] of Object.entries(sets)) {
    const byId = new Map<string, { row: ReferenceRow; from: number; to: number }>();
    for (const row of rows) {
      byId.set(row.id, {
        row,
        from: row.validFrom ? Date.parse(row.validFrom) : -Infinity,
        to: row.validTo ? retiredAt(row.validTo) : Infinity,
      });
    }
    index.set(set, byId);
  }
  return {
    status(set, id, opts): ReferenceStatus {
      const entry = index.get(set)?.get(id);
      if (!entry) return 'unknown';
      const at = opts.at.getTime();
      if (entry.row.flags && (!opts.workflow || !entry.row.flags.includes(opts.workflow))) return 'unknown';
      if (at < entry.from) return 'unknown';
      if (at >= entry.to) return 'retired';
      return 'valid';
    },
    label(set, id) {
      return index.get(set)?.get(id)?.row.label;
    },
    matchValue(set, id, match) {
      const entry = index.get(set)?.get(id);
      return entry ? rowMatchValue(entry.row, match) : undefined;
    },
  };
}

/** A date-only `validTo` is inclusive: the row retires at the start of the next day (UTC). */
function retiredAt(validTo: string): number {
  const at = Date.parse(validTo);
  return /^\d{4}-\d{2}-\d{2}$/.test(validTo) ? at + 86_400_000 : at;
}
