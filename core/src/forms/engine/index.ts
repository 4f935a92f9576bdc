/**
 * The form engine: plain TypeScript shared by the server and the Angular shell.
 * One form declaration drives validation, rendering, the OpenAPI answer schema,
 * check-your-answers pages and case PDFs. See docs/forms.md.
 */
export type * from './form-types.js';
export type * from './engine-types.js';
export type { CompiledField, CompiledFilter, CompiledForm, CompiledPage, FieldKind, Scope } from './compiled-types.js';
export { compileForm } from './compile.js';
export { checkFormDefinition } from './check-definition.js';
export { withFormDefaults } from './form-defaults.js';
export { validateAnswers, validateSubmission, validateDraft, DEFAULT_LIMITS } from './validate.js';
export { summarise, displayAnswer, type SummaryRow, type SummariseOptions } from './summarise.js';
export { prefill, readonlyFields, readonlyPrefill, type PrefillContext, type PrefillUser } from './prefill.js';
export { PREFILL_SOURCES, prefillShape, type PrefillShape } from './prefill-sources.js';
export { filteredRows, rowMatchValue } from './reference-filter.js';
export { formatText, FORMAT_RULES } from './format.js';
export { DEFINITION_KEYS } from './definition-keys.js';
export { pageHeading } from './check-definition.js';
export { answerJsonSchema, type JsonSchema } from './json-schema.js';
export { termValues, type TermValue } from './term-values.js';
export { canonicalTermValue, normaliseTermValue } from './normalise.js';
export { createReferenceLookup, type ReferenceRow, type ReferenceSets } from './reference-lookup.js';
export {
  visiblePages,
  nextPageId,
  pageIdForPath,
  validatePage,
  sectionStatuses,
  type SectionStatus,
} from './navigation.js';
export {
  formSteps,
  groupOfPage,
  homeStep,
  hubSpokes,
  pageGroups,
  taskListSections,
  type PageGroup,
  type TaskListSection,
} from './journey.js';
export {
  allTasksCompleted,
  markableTasks,
  taskStatuses,
  type TaskListState,
  type TaskState,
  type TaskStatus,
  type TaskStatusOptions,
} from './task-status.js';
export {
  actionDestination,
  defaultActionLabel,
  pageActionOutcome,
  pageActions,
  type ActionOutcome,
  type NavigationOptions,
  type ResolvedAction,
} from './page-actions.js';
export { typesForTerm } from './term-binding.js';
export { DEFAULT_MESSAGES } from './messages.js';
export { hasAnswer } from './conditions.js';
export { parsePath, readPath } from './paths.js';
export { compileAnswerCondition } from './evaluate.js';
export {
  FILE_TYPES,
  DEFAULT_FILE_LIMITS,
  MAX_FILE_SIZE_MB,
  MAX_FILES,
  acceptedTypesText,
  fileSizeText,
} from './files.js';
export type { FileLimits } from './compiled-types.js';
