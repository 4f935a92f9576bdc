import { createReferenceLookup } from '../forms/engine/index.js';
import type { ReferenceLookup } from '../forms/engine/index.js';
import type { ReferenceRow } from './reference-data/index.js';
import type { ReferenceDataRepository, ReferenceSetSummary } from './reference-data.repository.js';

export interface ReferenceQuery {
  q?: string;
  /** Only rows valid for this workflow. */
  flag?: string;
  /** Include rows past their validTo (for showing old cases). */
  includeRetired?: boolean;
  at: Date;
  limit: number;
}

/**
 * The instance's in-memory copy of reference data (a few thousand rows): label look-ups,
 * autocomplete search, and the form engine's ReferenceLookup. Loaded at boot from the database,
 * and again whenever an admin changes a row (on every instance: reference-admin.service.ts).
 */
export class ReferenceCatalogue {
  private sets = new Map<string, ReferenceRow[]>();
  private summaries: ReferenceSetSummary[] = [];
  private labels = new Map<string, Map<string, string>>();
  private engineLookup: ReferenceLookup = createReferenceLookup({});

  async load(repository: Pick<ReferenceDataRepository, 'loadAll' | 'loadSets'>): Promise<void> {
    const [sets, summaries] = await Promise.all([repository.loadAll(), repository.loadSets()]);
    this.sets = sets;
    this.summaries = summaries.filter((s) => sets.has(s.id));
    this.labels = new Map([...this.sets].map(([set, rows]) => [set, new Map(rows.map((r) => [r.id, r.label]))]));
    this.engineLookup = createReferenceLookup(Object.fromEntries(this.sets));
  }

  /** The engine's view: whether an id is valid, retired or unknown for a workflow at a time. */
  get lookup(): ReferenceLookup {
    return this.engineLookup;
  }

  label = (set: string, id: string): string | undefined => this.labels.get(set)?.get(id);

  /** Every row of a set, retired ones included. */
  rows(set: string): readonly ReferenceRow[] {
    return this.sets.get(set) ?? [];
  }

  has(set: string): boolean {
    return this.sets.has(set);
  }

  setIds(): string[] {
    return [...this.sets.keys()].sort();
  }

  /** Every set with rows: id, label, description and whether it is per-workflow, by label. */
  setSummaries(): readonly ReferenceSetSummary[] {
    return this.summaries;
  }

  /** One set's summary, or undefined when there is no such set. */
  summary(set: string): ReferenceSetSummary | undefined {
    return this.summaries.find((s) => s.id === set);
  }

  search(set: string, query: ReferenceQuery): ReferenceRow[] {
    const needle = query.q?.trim().toLowerCase();
    const at = query.at.toISOString().slice(0, 10);
    const found: ReferenceRow[] = [];
    for (const row of this.sets.get(set) ?? []) {
      if (row.validFrom > at) continue;
      if (!query.includeRetired && row.validTo !== undefined && row.validTo < at) continue;
      if (query.flag && row.flags && !row.flags.includes(query.flag)) continue;
      if (needle && !matches(row, needle)) continue;
      found.push(row);
      if (found.length >= query.limit) break;
    }
    return found;
  }
}

function matches(row: ReferenceRow, needle: string): boolean {
  if (row.label.toLowerCase().includes(needle) || row.id.toLowerCase() === needle) return true;
  return Object.values(row.attributes ?? {}).some((v) => typeof v === 'string' && v.toLowerCase() === needle);
}
