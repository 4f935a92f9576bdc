import type { ReferenceCatalogue } from '../terms/reference-catalogue.js';
import type { WorkflowDefinition } from '../sdk/workflow.js';
import type { ReadModelColumn, ReadModelDefinition } from './read-model.definition.js';
import type { Labeller } from './report-cases.js';

const YES_NO: Record<string, string> = { true: 'Yes', false: 'No' };

/**
 * Labels for a read model's values: a field's option labels, its reference set's row labels
 * (retired rows too, so old cases still read), team names for `ownerTeam` and the workflow's
 * state labels for `state`; yes/no answers read Yes or No. A value without a label shows as stored.
 */
export function labellerFor(
  def: ReadModelDefinition,
  workflow: WorkflowDefinition | undefined,
  reference: ReferenceCatalogue,
): Labeller {
  const byName = new Map<string, (value: string) => string | undefined>();
  const add = (c: ReadModelColumn) => {
    if (byName.has(c.field)) return;
    if (c.type === 'boolean') byName.set(c.field, (v) => YES_NO[v]);
    else if (c.options) byName.set(c.field, (v) => c.options!.get(v));
    else if (c.reference) byName.set(c.field, (v) => reference.label(c.reference!, v));
  };
  def.columns.forEach(add);
  def.groups.forEach((g) => g.columns.forEach(add));
  const states = new Map((workflow?.states ?? []).map((s) => [s.id, s.label]));
  byName.set('ownerTeam', (v) => reference.label('teams', v));
  byName.set('state', (v) => states.get(v));
  return (name, value) => byName.get(name)?.(value) ?? value;
}
