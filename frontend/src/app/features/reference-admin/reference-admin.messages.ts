import { ApiError, commonMessage } from '../../core/api/api-error';

/** Every message the reference data page shows. */
export const REFERENCE_ADMIN_MESSAGES = {
  setsFailed: 'The reference data sets could not be loaded. Refresh the page to try again.',
  rowsFailed: 'The rows could not be loaded. Refresh the page to try again.',
  noSuchSet: 'There is no such reference data set. Choose one from the list.',
  setRequired: 'Select a reference data set',
  labelRequired: 'Enter a label',
  labelTooLong: 'The label must be 200 characters or fewer',
  idRequired: 'Enter an id',
  idTooLong: 'The id must be 60 characters or fewer',
  idFormat: 'The id must be letters, numbers and hyphens, like cannabis-resin',
  workflowsRequired: 'Select the workflows whose forms offer this row',
  attributeLine: (line: number) =>
    `Line ${line} of the attributes must be a name, an equals sign and a value, like defaultUnit = kg`,
  endRowRequired: 'Select the row to end-date',
  endDateRequired: 'Enter the last day the row can be chosen',
  mustInclude: (subject: string, missing: string) => `${subject} must include ${missing}`,
  yearDigits: (subject: string) => `${subject}: year must include 4 numbers`,
  realDate: (subject: string) => `${subject} must be a real date`,
  addFailed: 'The row could not be added. Try again.',
  endFailed: 'The row could not be end-dated. Try again.',
  gone: 'That row no longer exists. The list has been refreshed.',
  added: (label: string, set: string) => `${label} was added to ${set}`,
  ended: (label: string, last: string) => `${label} can be chosen until ${last}, and not after`,
} as const;

/** Longest id and label, as the core allows them. */
export const ID_MAX = 60;
export const LABEL_MAX = 200;

/** Ids of the page's inputs; dates are parts `<id>-day`, `<id>-month`, `<id>-year`. */
export const ROW_FIELDS = {
  set: 'reference-set',
  label: 'row-label',
  id: 'row-id',
  parent: 'row-parent',
  workflows: 'row-workflows',
  validFrom: 'row-from',
  validTo: 'row-to',
  attributes: 'row-attributes',
  endRow: 'end-row',
  endTo: 'end-to',
} as const;

/** GOV.UK tag wording and colour for a row's status today. */
export const STATUS_TAGS = {
  current: { label: 'Current', colour: 'govuk-tag--green' },
  retired: { label: 'Retired', colour: 'govuk-tag--grey' },
  future: { label: 'Not started', colour: 'govuk-tag--blue' },
} as const;

/** The message for a failed load. */
export function loadErrorMessage(error: ApiError, fallback: string): string {
  if (error.status === 404) return REFERENCE_ADMIN_MESSAGES.noSuchSet;
  return commonMessage(error) ?? fallback;
}

/** The message for a failed add or end-date that is not about a field. */
export function changeErrorMessage(error: ApiError, fallback: string): string {
  if (error.status === 404) return REFERENCE_ADMIN_MESSAGES.gone;
  return commonMessage(error) ?? error.message ?? fallback;
}
