import type { PluginReferenceSet } from '../sdk/manifest.js';
import type { PluginRegistry, UsablePlugin } from '../plugins/plugin-registry.js';
import { REFERENCE_EPOCH, type ReferenceRow, type ReferenceSetDefinition } from './reference-data/types.js';
import { findProblems } from './reference-data/validate.js';

/**
 * The reference data to seed: the core's sets, each usable plugin's own sets, and the rows of
 * per-workflow sets flagged for the plugins that claim them. A plugin whose sets or claims do
 * not check out (a duplicate set or row, bad dates, an unknown parent, a claim on a row or set
 * that does not exist) is quarantined with the reason; the others' data is seeded.
 */
export function referenceSeed(
  core: readonly ReferenceSetDefinition[],
  registry: PluginRegistry,
): ReferenceSetDefinition[] {
  const sets = new Map(core.map((s) => [s.id, s]));
  const owner = new Map<string, string>();
  for (const plugin of registry.usable()) {
    const problems: string[] = [];
    const own = (plugin.manifest.reference?.sets ?? []).map(toDefinition);
    for (const set of own) {
      const taken = sets.has(set.id) ? 'the core' : owner.get(set.id);
      if (taken) problems.push(`reference set "${set.id}" is already provided by ${taken}`);
      else problems.push(...findProblems(set).map((p) => `reference set ${p}`));
    }
    problems.push(...claimProblems(plugin, sets));
    if (problems.length > 0) {
      registry.quarantine(plugin, problems.join('; '));
      continue;
    }
    for (const set of own) {
      sets.set(set.id, set);
      owner.set(set.id, plugin.id);
    }
  }
  return [...sets.values()].map((set) => (set.perWorkflow ? withClaims(set, registry.usable()) : set));
}

function toDefinition(set: PluginReferenceSet): ReferenceSetDefinition {
  return {
    id: set.id,
    label: set.label,
    description: set.description,
    rows: set.rows.map((r): ReferenceRow => ({
      id: r.id,
      label: r.label,
      validFrom: r.validFrom ?? REFERENCE_EPOCH,
      ...(r.validTo ? { validTo: r.validTo } : {}),
      ...(r.parent ? { parent: r.parent } : {}),
      ...(r.attributes ? { attributes: r.attributes } : {}),
    })),
  };
}

function claimProblems(plugin: UsablePlugin, sets: ReadonlyMap<string, ReferenceSetDefinition>): string[] {
  const problems: string[] = [];
  for (const [setId, rowIds] of Object.entries(plugin.manifest.reference?.uses ?? {})) {
    const set = sets.get(setId);
    if (!set) problems.push(`reference.uses names set "${setId}", which does not exist`);
    else if (!set.perWorkflow)
      problems.push(`reference.uses names set "${setId}", whose rows every workflow may use already`);
    else {
      const ids = new Set(set.rows.map((r) => r.id));
      const unknown = rowIds === 'all' ? [] : rowIds.filter((id) => !ids.has(id));
      if (unknown.length > 0)
        problems.push(`reference.uses.${setId} names rows it does not have: ${unknown.join(', ')}`);
    }
  }
  return problems;
}

/** A per-workflow set with each row flagged for the plugins claiming it or an ancestor (none: no workflow). */
function withClaims(set: ReferenceSetDefinition, plugins: readonly UsablePlugin[]): ReferenceSetDefinition {
  const parent = new Map(set.rows.map((r) => [r.id, r.parent]));
  const claimsOf = (rowId: string): string[] => {
    const ids: string[] = [];
    for (let id: string | undefined = rowId, depth = 0; id && depth < 20; id = parent.get(id), depth++) ids.push(id);
    return plugins
      .filter((p) => {
        const claimed = p.manifest.reference?.uses?.[set.id];
        return claimed === 'all' || ids.some((id) => claimed?.includes(id));
      })
      .map((p) => p.id);
  };
  return {
    ...set,
    rows: set.rows.map((r) => ({ ...r, flags: claimsOf(r.id).sort() })),
  };
}
