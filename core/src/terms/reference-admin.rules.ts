import type { FieldError } from '../common/errors.js';
import { isIsoDate } from './reference-data/validate.js';

/**
 * The rules for rows admins add and change at runtime (plain TypeScript, tested alone): the same
 * structural checks a plugin's seed passes (reference-data/validate.ts), as field-level errors.
 */

/** Ids as the seeded sets write them: letters and digits in hyphenated runs (`cannabis-resin`, `GBR`). */
export const ROW_ID = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
/** Attribute names as the seeded sets write them (`defaultUnit`, `unlocode`). */
export const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
export const MAX_ID = 60;
export const MAX_LABEL = 200;
export const MAX_ATTRIBUTES = 20;
export const MAX_ATTRIBUTE_TEXT = 500;

/** What the rules need to know about the set. */
export interface SetFacts {
  /** Whether each workflow claims the rows it uses, so an admin's row names its workflows. */
  perWorkflow: boolean;
  /** Why its rows may not be changed here, if they may not. */
  locked?: string;
  /** Workflows whose manifests claim rows of the set (`reference.uses`). */
  workflows: readonly string[];
  /** Every row of the set, retired ones included. */
  rows: ReadonlyMap<string, { label: string }>;
}

/** A new row as the admin sent it (after the DTO's own checks). */
export interface NewRow {
  id: string;
  label: string;
  parent?: string;
  attributes?: Record<string, unknown>;
  validFrom?: string;
  validTo?: string;
  workflows?: string[];
}

/** A row as stored, for a change. */
export interface StoredRow {
  source: 'seed' | 'admin';
  validFrom: string;
  /** The release's own end date of a seeded row. */
  seedValidTo: string | null;
}

/** A change as the admin sent it: `validTo: null` takes the end date away. */
export interface RowChange {
  label?: string;
  validTo?: string | null;
  workflows?: string[];
}

/** Problems with a new row; `validFrom` defaults to `today`. Empty when it may be added. */
export function newRowProblems(row: NewRow, set: SetFacts, today: string): FieldError[] {
  if (set.locked) return [{ path: 'set', message: set.locked }];
  const errors: FieldError[] = [...idProblems(row.id, set), ...labelProblems(row.label)];
  if (row.parent !== undefined && !set.rows.has(row.parent))
    errors.push({ path: 'parent', message: `There is no row ${row.parent} in this set to be the parent` });
  const validFrom = row.validFrom ?? today;
  if (!isIsoDate(validFrom)) errors.push({ path: 'validFrom', message: 'The start date must be a real date' });
  if (row.validTo !== undefined) errors.push(...endDateProblems(row.validTo, validFrom));
  errors.push(...workflowProblems(row.workflows, set));
  errors.push(...attributeProblems(row.attributes));
  return errors;
}

/** Problems with a change to a row; a seeded row may only be end-dated (or have that undone). */
export function changeProblems(change: RowChange, row: StoredRow, set: SetFacts): FieldError[] {
  if (set.locked) return [{ path: 'set', message: set.locked }];
  if (change.label === undefined && change.validTo === undefined && change.workflows === undefined)
    return [{ path: '', message: 'Send a new label, end date or workflows' }];
  const errors: FieldError[] = [];
  if (row.source === 'seed') {
    if (change.label !== undefined)
      errors.push({
        path: 'label',
        message:
          'This row comes with the platform, so its label cannot be changed here: end-date it and add a row with the new label',
      });
    if (change.workflows !== undefined)
      errors.push({
        path: 'workflows',
        message: 'Which workflows use a row that comes with the platform is set in their manifests',
      });
  } else {
    if (change.label !== undefined) errors.push(...labelProblems(change.label));
    if (change.workflows !== undefined) errors.push(...workflowProblems(change.workflows, set));
  }
  if (typeof change.validTo === 'string') {
    const problems = endDateProblems(change.validTo, row.validFrom);
    errors.push(...problems);
    if (problems.length === 0 && row.source === 'seed' && row.seedValidTo !== null && change.validTo > row.seedValidTo)
      errors.push({
        path: 'validTo',
        message: `The release already ends this row on ${longDate(row.seedValidTo)}, so the end date can only be that or earlier`,
      });
  }
  return errors;
}

/** 2026-04-12 → "12 April 2026", as GOV.UK writes dates. */
function longDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

function idProblems(id: string, set: SetFacts): FieldError[] {
  const problem = (message: string) => [{ path: 'id', message }];
  if (!id) return problem('Enter an id');
  if (id.length > MAX_ID) return problem(`The id must be ${MAX_ID} characters or fewer`);
  if (!ROW_ID.test(id)) return problem('The id must be letters, numbers and hyphens, like cannabis-resin');
  const existing = set.rows.get(id);
  return existing ? problem(`The set already has a row with the id ${id} (${existing.label})`) : [];
}

function labelProblems(label: string): FieldError[] {
  if (!label) return [{ path: 'label', message: 'Enter a label' }];
  if (label.length > MAX_LABEL)
    return [{ path: 'label', message: `The label must be ${MAX_LABEL} characters or fewer` }];
  return [];
}

function endDateProblems(validTo: string, validFrom: string): FieldError[] {
  if (!isIsoDate(validTo)) return [{ path: 'validTo', message: 'The end date must be a real date' }];
  if (isIsoDate(validFrom) && validTo < validFrom)
    return [
      { path: 'validTo', message: `The end date must be the same as or after the start date (${longDate(validFrom)})` },
    ];
  return [];
}

function workflowProblems(workflows: string[] | undefined, set: SetFacts): FieldError[] {
  if (!set.perWorkflow) {
    return workflows === undefined
      ? []
      : [{ path: 'workflows', message: 'Every workflow may use the rows of this set, so leave out the workflows' }];
  }
  if (workflows === undefined || workflows.length === 0)
    return [{ path: 'workflows', message: 'Select the workflows whose forms offer this row' }];
  return workflows.flatMap((id, i) =>
    set.workflows.includes(id)
      ? workflows.indexOf(id) === i
        ? []
        : [{ path: `workflows[${i}]`, message: `${id} is listed twice` }]
      : [{ path: `workflows[${i}]`, message: `${id} is not a workflow that uses this set` }],
  );
}

function attributeProblems(attributes: Record<string, unknown> | null | undefined): FieldError[] {
  // `null` passes @IsOptional() like a missing field: no attributes.
  if (attributes === undefined || attributes === null) return [];
  const entries = Object.entries(attributes);
  if (entries.length > MAX_ATTRIBUTES)
    return [{ path: 'attributes', message: `A row can have at most ${MAX_ATTRIBUTES} attributes` }];
  return entries.flatMap(([name, value]): FieldError[] => {
    const path = `attributes.${name}`;
    if (!ATTRIBUTE_NAME.test(name) || name.length > 60)
      return [
        { path, message: 'An attribute name must be letters and digits, starting with a letter, like defaultUnit' },
      ];
    if (typeof value === 'string')
      return value.length > MAX_ATTRIBUTE_TEXT
        ? [{ path, message: `An attribute must be ${MAX_ATTRIBUTE_TEXT} characters or fewer` }]
        : [];
    if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') return [];
    return [{ path, message: 'An attribute must be text, a number, or true or false' }];
  });
}
