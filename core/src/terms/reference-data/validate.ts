import type { ReferenceSetDefinition } from './types.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Structural problems in one reference set: duplicate ids, parents that do not resolve or form
 * a cycle, and malformed or inverted dates. Empty when sound. (Which workflows may use a row of a
 * per-workflow set is not the row's to say: each workflow's manifest claims its rows.)
 */
export function findProblems(set: ReferenceSetDefinition): string[] {
  const problems: string[] = [];
  const byId = new Map<string, (typeof set.rows)[number]>();
  for (const row of set.rows) {
    if (!row.id.trim()) problems.push(`${set.id}: a row has an empty id`);
    if (!row.label.trim()) problems.push(`${set.id}/${row.id}: empty label`);
    if (byId.has(row.id)) problems.push(`${set.id}/${row.id}: duplicate id`);
    byId.set(row.id, row);
  }
  for (const row of set.rows) {
    const where = `${set.id}/${row.id}`;
    if (!isIsoDate(row.validFrom)) problems.push(`${where}: validFrom ${row.validFrom} is not an ISO date`);
    if (row.validTo !== undefined) {
      if (!isIsoDate(row.validTo)) problems.push(`${where}: validTo ${row.validTo} is not an ISO date`);
      else if (row.validTo < row.validFrom)
        problems.push(`${where}: validTo ${row.validTo} is before validFrom ${row.validFrom}`);
    }
    if (row.parent !== undefined) {
      if (!byId.has(row.parent)) problems.push(`${where}: parent ${row.parent} does not resolve`);
      const seen = new Set<string>([row.id]);
      let current = byId.get(row.parent);
      while (current) {
        if (seen.has(current.id)) {
          problems.push(`${where}: parent chain has a cycle`);
          break;
        }
        seen.add(current.id);
        current = current.parent === undefined ? undefined : byId.get(current.parent);
      }
    }
  }
  return problems;
}
