/**
 * The plugin SDK: the only part of the core a plugin may import.
 * Plugins also use `typeorm` decorators for their entities and `@nestjs/common` for optional modules.
 */
export { definePlugin, SDK_VERSION } from './manifest.js';
export type {
  CaseSnapshot,
  OutboundEvent,
  SubmitContext,
  TransitionContext,
  PluginContext,
  PluginHooks,
  DemoCases,
  PluginManifest,
  PluginMigration,
  PluginReport,
  RelatedCase,
  ReportData,
  ReportParameterDefinition,
  ReportQueryContext,
  ReportReferenceRow,
  TransactionalContext,
} from './manifest.js';
export { ROLES, isRole } from './roles.js';
export type { Role } from './roles.js';
export type {
  TaskPriority,
  TaskTemplate,
  WorkflowAction,
  WorkflowDefinition,
  WorkflowRoute,
  WorkflowState,
} from './workflow.js';
export { pluginSchema } from './schema.js';
export type { FormDefinition, TermDefinition } from '../forms/engine/index.js';
export { answerDateTime, answerInstant, answersOf } from './answers.js';
export { monthBounds, ukMidnight } from './reporting.js';
export { AnswerError } from './errors.js';
export type {
  AggregateQuery,
  AggregateRow,
  Breakdown,
  Filter,
  FilterCondition,
  ItemQueries,
  Measure,
  Period,
  ReportCases,
  ReportSummary,
  RowsQuery,
  SummaryMeasure,
} from './report-cases.types.js';
export type { ReportPeriod } from '../read-model/report-period.js';
