import type { FormDefinition } from '../forms/engine/index.js';
import type { UsablePlugin } from '../plugins/plugin-registry.js';
import { termDictionary } from '../terms/term-dictionary.js';
import { readModelOf, type ReadModelDefinition } from './read-model.definition.js';
import { startFormId } from '../plugins/start-form.js';

/**
 * The read model a plugin's forms describe: its start form's fields marked for reporting, with
 * the fields its action forms also answer. Undefined when it marks none; throws ReadModelError
 * when a marked field cannot be kept.
 */
export function readModelFor(plugin: UsablePlugin): ReadModelDefinition | undefined {
  const id = startFormId(plugin.manifest, plugin.forms);
  const form = plugin.forms.find((f) => (f.definition as FormDefinition).id === id)?.definition as
    FormDefinition | undefined;
  const actionFormIds = new Set((plugin.manifest.workflow?.actions ?? []).map((a) => a.form).filter(Boolean));
  const actionForms = plugin.forms
    .map((f) => f.definition as FormDefinition)
    .filter((f) => actionFormIds.has(f.id) && f.id !== id);
  return form ? readModelOf(plugin.id, form, termDictionary, actionForms) : undefined;
}
