import { countries } from './countries.js';
import { eventTypes, outcomes, transportModes } from './events.js';
import { itemCategories, itemsSet, units } from './items.js';
import { languages } from './languages.js';
import { concealmentMethods, detectionMethods, searchTypes } from './methods.js';
import { organisation, teams } from './organisation.js';
import { documentTypes, sex } from './person-and-documents.js';
import { ports } from './ports.js';
import { grades, restraintTechniques } from './staff.js';
import { handlingConditions, indicators, targetCategories, warnings } from './targeting.js';
import type { ReferenceSetDefinition } from './types.js';

export type { ReferenceRow, ReferenceSetDefinition } from './types.js';
export { REFERENCE_EPOCH } from './types.js';

/** Every seeded reference data set. */
export const referenceSets: ReferenceSetDefinition[] = [
  ports,
  countries,
  sex,
  documentTypes,
  itemCategories,
  itemsSet,
  units,
  concealmentMethods,
  detectionMethods,
  searchTypes,
  outcomes,
  eventTypes,
  transportModes,
  targetCategories,
  handlingConditions,
  indicators,
  warnings,
  restraintTechniques,
  grades,
  languages,
  organisation,
  teams,
];

/** The set with the given id, or undefined. */
export function findReferenceSet(id: string): ReferenceSetDefinition | undefined {
  return referenceSets.find((set) => set.id === id);
}
