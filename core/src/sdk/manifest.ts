import type { Type } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EntityManager, MigrationInterface } from 'typeorm';
import type { TermDefinition } from '../forms/engine/engine-types.js';
import type { Role } from './roles.js';
import type { WorkflowDefinition } from './workflow.js';
import type { Filter, ReportCases, ReportSummary, SummaryMeasure } from './report-cases.types.js';
import type { ReportPeriod } from '../read-model/report-period.js';

/** Version of the plugin SDK this core provides; plugins declare the range they support. */
export const SDK_VERSION = '1.0.0';

/** What a plugin's hooks receive. */
export interface PluginContext {
  pluginId: string;
  /** A child logger bound to this plugin. */
  logger: Logger;
}

/** An event for a system outside the platform, delivered by the core's outbox after commit. */
export interface OutboundEvent {
  /** Where it goes, e.g. `cerberus.outcome`. */
  topic: string;
  /** Unique per logical event; sent as the Idempotency-Key so the receiver can drop repeats. */
  key: string;
  payload: Record<string, unknown>;
}

/** Passed to hooks that run inside the action's database transaction. */
export interface TransactionalContext extends PluginContext {
  /** Entity manager bound to the transaction; writes commit or roll back with the action. */
  manager: EntityManager;
  /** Queues an outbound event in the same transaction (the transactional outbox). */
  emit(event: OutboundEvent): Promise<void>;
}

/** The case a hook is acting on. */
export interface CaseSnapshot {
  id: string;
  /** Business key such as `BF-20261124-17`. */
  businessKey: string;
  pluginId: string;
  formId: string;
  formVersion: number;
  state: string;
  /** The case's version after this action (1 on submission). */
  version: number;
  teamId: string | null;
  createdBy: string;
  createdAt: Date;
  /**
   * The answers of the starting form, as validated and stored: read them as the type `npm run
   * forms:types` generates beside the form (`ctx.case.answers as HotDebriefAnswers`).
   */
  answers: Record<string, unknown>;
}

/** Another case, as the user acting may see it (a case this one follows from, say). */
export interface RelatedCase {
  id: string;
  businessKey: string;
  pluginId: string;
  state: string;
  teamId: string | null;
  answers: Record<string, unknown>;
}

/** Passed to `onSubmit`: the case has just been created, in the same transaction. */
export interface SubmitContext extends TransactionalContext {
  case: CaseSnapshot;
  /** Cases this one follows from (the submission's `linkedTo`), as the officer may see them. */
  linked: RelatedCase[];
  /**
   * The case filed from an inbound integration message, e.g. `received('cerberus.target', targetId)`,
   * if the submitting officer may see it; undefined otherwise (whether it exists or not).
   */
  received(message: string, id: string): Promise<RelatedCase | undefined>;
  /**
   * Links a case the officer may see to this one, as if it had been in `linkedTo`: a workflow
   * action of that case declared `startsCase: <this plugin>` is then taken in this transaction.
   */
  link(caseId: string): Promise<void>;
}

/** Passed to `onTransition`: the case is moving between states, in the same transaction. */
export interface TransitionContext extends TransactionalContext {
  case: CaseSnapshot;
  action: { id: string; from: string; to: string };
  /** Answers of the action's form, when the action has one. */
  actionAnswers: Record<string, unknown> | null;
}

export interface PluginHooks {
  /** Runs once at boot after migrations; throwing quarantines the plugin. */
  onLoad?(ctx: PluginContext): void | Promise<void>;
  /**
   * Runs inside the submission's transaction after the case row is written: write the plugin's
   * typed records with `ctx.manager`. Throwing rolls the whole submission back (the officer sees
   * a clear error and nothing is stored).
   */
  onSubmit?(ctx: SubmitContext): void | Promise<void>;
  /** Runs inside the transition's transaction; throwing rolls the action back. */
  onTransition?(ctx: TransitionContext): void | Promise<void>;
}

/** A parameter a manager chooses before running a report. */
export interface ReportParameterDefinition {
  name: string;
  label: string;
  /** date: yyyy-mm-dd; month: yyyy-mm; team / command / port: an id from that reference data. */
  type: 'date' | 'month' | 'team' | 'command' | 'port' | 'select';
  required?: boolean;
  hint?: string;
  options?: { value: string; label: string }[];
}

/** What a report query may read, and for whom it runs. */
export interface ReportQueryContext extends PluginContext {
  /** A REPEATABLE READ, read-only transaction: both rendering passes see the same rows. */
  manager: EntityManager;
  /** The validated parameters. */
  parameters: Record<string, string>;
  /** Teams whose data the manager may see (their command); `all` for admins. */
  scope: { teams: string[]; all: boolean };
  /**
   * Rows of a query read through a server-side cursor in this transaction, a batch at a time:
   * for `ReportData.rows`, so a long table never sits in memory whole.
   */
  stream(sql: string, params?: unknown[]): AsyncIterable<Record<string, unknown>>;
  /**
   * Labels of a field's options (value → label) in the current version of one of the plugin's
   * forms (its start form unless `formId` is given), found in repeating groups too; empty if
   * the field has no inline options. Read from the loaded form, not the database.
   */
  optionLabels(field: string, formId?: string): Map<string, string>;
  /**
   * The plugin's cases as its read model keeps them (the start form's fields marked
   * `"report": true`, plus reference, state, owning team and times), always within the report's
   * scope, with labels applied. Throws if the plugin marks no field for reporting.
   */
  cases: ReportCases;
  /** Another plugin's cases, for the platform's cross-workflow reports (reports/). */
  casesOf(pluginId: string): ReportCases;
  /** The period the report's month or from/to parameters name (UK time); undefined without them. */
  period?: ReportPeriod;
  /**
   * A reference set's rows by id, retired ones included (e.g. a team's branch is the `parent`
   * of its row in `organisation`, its port `attributes.port`). Empty for an unknown set.
   */
  reference(setId: string): ReadonlyMap<string, ReportReferenceRow>;
}

/** A reference row as a report sees it. */
export interface ReportReferenceRow {
  id: string;
  label: string;
  parent?: string;
  attributes?: Readonly<Record<string, string | number | boolean>>;
}

/** A report's data: figures for the template, and optionally a streamed table (re-iterable). */
export interface ReportData {
  data: Record<string, unknown>;
  rows?: () => AsyncIterable<Record<string, unknown>>;
}

/**
 * A report the plugin ships: declared as a `summary`, or a `query` with its template
 * `reports/<id>.report.hbs` (docs/reports.md). A template without a query gets counts of the
 * plugin's cases by state.
 */
export interface PluginReport {
  id: string;
  title: string;
  description: string;
  roles: Role[];
  /**
   * The period the report covers, as parameters the core adds first: `month` (a required
   * month) or `dates` (required from and to dates), then an optional team of the caller's
   * command (unless `teamFilter` is false). The query gets it as `ctx.period`.
   */
  period?: 'month' | 'dates';
  /** Whether a `period` report offers the team filter (default true). */
  teamFilter?: boolean;
  /** Further parameters, after the period's. */
  parameters?: ReportParameterDefinition[];
  /** Field paths the template may use (checked at load); derived from a sample when omitted. */
  fields?: string[];
  query?(ctx: ReportQueryContext): Promise<ReportData>;
  /**
   * The report declared, not written: the core runs its queries over the read model and lays
   * it out, so it needs neither `query` nor a template (a template beside it, if any, lays out
   * the same data instead). docs/reports.md, "Summary reports".
   */
  summary?: ReportSummary;
  /** Cron expression (UK time) for a scheduled run, e.g. `0 6 1 * *`. */
  schedule?: string;
  /**
   * Tiles on the managers' dashboard (docs/reports.md, "Dashboard"), each linking back to this
   * report. A summary report gets one from its headline figure and first breakdown unless this
   * says `false`.
   */
  dashboard?: DashboardTileDeclaration[] | false;
}

/** A dashboard tile: one figure this month against last month and the same month last year, over a read model. */
export interface DashboardTileDeclaration {
  /** Unique within the report. */
  id: string;
  title: string;
  /** The workflow whose cases are counted: the report's plugin by default (required in a cross-workflow report). */
  workflow?: string;
  /** The headline figure and its label; a count of the cases by default. */
  measure?: SummaryMeasure;
  /** A part of the headline shown as its share, e.g. `{ label: 'With an outcome', where: { state: 'outcome-recorded' } }`. */
  share?: { label: string; where: Filter };
  /** Only cases matching this are counted. */
  where?: Filter;
  /** A name to chart the headline by for the month (the busiest eight), e.g. `port`. */
  by?: string;
  /** The chart's heading for `by` (the name humanised by default). */
  byLabel?: string;
  /**
   * Counts the items of this repeating group (joined to their cases: `where` and `within` are the
   * case's) instead of the cases, e.g. `items` for the items seized; `by` may name an item field.
   */
  items?: string;
  /**
   * A figure no count gives (a median, hours between two cases), from the report's own query for
   * one month: the tile shows it for the three months instead of `measure` and `share`; `null`
   * when there is nothing to measure. Runs in the dashboard's snapshot, in the caller's scope.
   */
  figure?: (context: ReportQueryContext, month: ReportPeriod) => Promise<number | null>;
  /** How the figure reads: a count by default, or hours to one decimal place. */
  unit?: 'count' | 'hours';
}

/** The start-form fields a profile workflow records each officer's profile in (`officerProfile`). */
export interface OfficerProfileFields {
  grade?: string;
  team?: string;
  location?: string;
  lineManagerName?: string;
  lineManagerEmail?: string;
  /** A repeating group; items whose `until` (yyyy-mm-dd) has passed are left out. */
  delegates?: string;
}

/** What each `officerProfile` field feeds. */
export const OFFICER_PROFILE_FIELDS = [
  'grade',
  'team',
  'location',
  'lineManagerName',
  'lineManagerEmail',
  'delegates',
] as const satisfies readonly (keyof OfficerProfileFields)[];

/**
 * Everything a plugin declares. Forms (`forms/*.form.json`), migrations (`migrations/*.ts`)
 * and report templates (`reports/*.report.hbs`) are found by folder convention beside
 * `plugin.ts`; everything else is declared here.
 */
export interface PluginManifest {
  /** Kebab-case id, unique across the platform; the plugin's schema is `plugin_<id with _>`. */
  id: string;
  title: string;
  /** Semantic version of the plugin. */
  version: string;
  description: string;
  /** Semver range of the core SDK this plugin supports, e.g. `^1.0.0`. */
  sdk: string;
  /** Dashboard group, e.g. "Frontline", "Intelligence", "Staff". */
  category?: string;
  /** TypeORM entity classes, all in the plugin's own schema. */
  entities?: Type<unknown>[];
  /** Id of the form that starts a case (defaults to the form with the plugin's id, else the only form). */
  startForm?: string;
  /**
   * Start-form field whose answer (a team id) owns the case, e.g. a target's receiving team.
   * Defaults to the submitting officer's shift team.
   */
  teamFrom?: string;
  /**
   * This workflow records officers' profiles: the start-form fields that say each officer's grade,
   * team, usual location, line manager and delegates (a repeating group with `until`). Forms
   * anywhere pre-fill `user.location`, `user.lineManagerName` … from the officer's latest case
   * of it (docs/forms.md, "Pre-fill"). One plugin at most may declare it.
   */
  officerProfile?: OfficerProfileFields;
  /**
   * Inbound integration messages this plugin turns into cases, e.g. `['cerberus.target']`: the
   * integration validates each message with the start form and files it here.
   */
  receives?: string[];
  /** Roles that may start a case (defaults to officer). */
  startRoles?: Role[];
  /** Reference data the plugin brings, and the rows of shared sets it uses (docs/plugins.md). */
  reference?: PluginReferenceData;
  /**
   * Data terms the plugin brings (docs/plugins.md, "Terms"): a form field binds one with
   * `"term": "<id>"` and inherits its label, type, format, limits and messages, and its values
   * are indexed so one search finds them across workflows. Ids are dotted camelCase and must
   * not be a standard term's or another plugin's; another plugin binding one lists this plugin
   * in `dependsOn.workflows`.
   */
  terms?: TermDefinition[];
  /**
   * What the plugin needs besides the core, checked at every start: a missing, quarantined or
   * disabled dependency quarantines this plugin with the reason, and a plugin others depend on
   * cannot be disabled while they are enabled (409 naming them). Workflows its actions start
   * (`startsCase`) and reference sets its forms name are checked without being listed here.
   */
  dependsOn?: {
    /** Workflows this one links to or follows from (a target's outcome needs the target). */
    workflows?: string[];
    /** Shared reference sets its code reads beyond those its forms name. */
    reference?: string[];
  };
  workflow?: WorkflowDefinition;
  reports?: PluginReport[];
  /** Optional NestJS module; its routes are mounted under `/api/plugins/<id>/`. */
  module?: Type<unknown>;
  hooks?: PluginHooks;
  /**
   * Sample cases for the demo (the embedded default): submitted through the real submission
   * path, as the named demo user, the first time the platform starts on an empty database.
   */
  demo?: DemoCases[];
}

/** A reference data set a plugin ships: rows with validity dates, optionally a tree (`parent`). */
export interface PluginReferenceSet {
  /** Unique across the platform; the plugin's id as a prefix keeps it so (`seized-vehicle-log-reasons`). */
  id: string;
  label: string;
  description: string;
  rows: {
    id: string;
    label: string;
    /** yyyy-mm-dd; the platform's records begin 2012-03-01, used when left out. */
    validFrom?: string;
    validTo?: string;
    parent?: string;
    attributes?: Record<string, string | number | boolean>;
  }[];
}

export interface PluginReferenceData {
  /** Sets of the plugin's own, seeded with the core's and managed the same way. */
  sets?: PluginReferenceSet[];
  /**
   * Rows of shared per-workflow sets this workflow uses, by set: e.g. `{ outcomes: ['seizure',
   * 'negative'] }`. Claiming a row of a tree claims its descendants too; `'all'` claims every row.
   */
  uses?: Record<string, string[] | 'all'>;
}

/** `count` sample submissions by one demo user. */
export interface DemoCases {
  /** A demo account (see the README), e.g. `officer`. */
  username: string;
  count: number;
  /**
   * The answers of the `index`th sample (0-based) as the officer would give them, relative to
   * `now` (the SDK's `answerDateTime(date)` writes a date-time answer).
   */
  answers(index: number, now: Date): Record<string, unknown>;
}

/** A migration a plugin ships in migrations/: TypeORM's interface, run in the plugin's schema. */
export type PluginMigration = MigrationInterface;

/** Declares a plugin. The host validates the manifest; this only gives it a type. */
export function definePlugin(manifest: PluginManifest): PluginManifest {
  return manifest;
}
