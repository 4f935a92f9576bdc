/**
 * Reference data: the lists that term-bound fields draw their values from.
 *
 * A row is valid from `validFrom` (inclusive) to `validTo` (inclusive, when present). Rows
 * are never deleted once used; they are end-dated so old submissions still resolve.
 */
export interface ReferenceRow {
  /** Stable, readable identifier: an official code where one exists, otherwise kebab-case. */
  id: string;
  /** What users see. */
  label: string;
  /** ISO date (YYYY-MM-DD) from which the row may be chosen. */
  validFrom: string;
  /** ISO date (YYYY-MM-DD) after which the row may no longer be chosen. */
  validTo?: string;
  /** Workflow ids this row is valid for; absent means valid for every workflow. */
  flags?: string[];
  /** Id of the parent row in the same set, for trees. */
  parent?: string;
  /** Set-specific extra data (codes, units, descriptions). */
  attributes?: Record<string, string | number | boolean>;
}

export interface ReferenceSetDefinition {
  id: string;
  label: string;
  description: string;
  /**
   * Whether each workflow chooses which of its rows it uses: a workflow may then pick a row only
   * if its manifest claims it (or one of its ancestors) under `reference.uses`.
   */
  perWorkflow?: boolean;
  /**
   * Why admins may not add or end-date this set's rows at runtime (GET/POST/PATCH
   * /api/reference/:set/rows), when they may not; absent: they may.
   */
  adminLocked?: string;
  rows: ReferenceRow[];
}

/**
 * Default start date for rows that were valid before the platform's records begin:
 * 1 March 2012, when Border Force became a separate law enforcement command.
 */
export const REFERENCE_EPOCH = '2012-03-01';
