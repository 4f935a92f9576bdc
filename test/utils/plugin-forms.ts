import { readFileSync } from 'node:fs';
import { createReferenceLookup, type FormDefinition, type ReferenceLookup } from '../../core/src/forms/engine/index.js';
import { referenceSets } from '../../core/src/terms/reference-data/index.js';

/** The reference data as seeded, for validating plugin forms in specs exactly as the core does. */
export const seededReference: ReferenceLookup = createReferenceLookup(
  Object.fromEntries(referenceSets.map((set) => [set.id, set.rows])),
);

/** Reads `forms/<file>` of the plugin whose spec is at `specUrl` (pass `import.meta.url`). */
export function loadPluginForm(specUrl: string, file: string): FormDefinition {
  return JSON.parse(readFileSync(new URL(`./forms/${file}`, specUrl), 'utf8')) as FormDefinition;
}
