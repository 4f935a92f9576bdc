import { cursorRows } from './cursor-rows.js';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { EnvConfig } from '../config/env.config.js';
import { compileForm, type CompiledField, type FormDefinition } from '../forms/engine/index.js';
import type { FormCatalogue } from '../forms/form-catalogue.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import { termDictionary } from '../terms/term-dictionary.js';
import type { ReportData, ReportQueryContext } from '../sdk/manifest.js';
import { CONFIG, FORMS, LOGGER, PLUGIN_REGISTRY, REFERENCE } from '../tokens.js';
import type { ReferenceCatalogue } from '../terms/reference-catalogue.js';
import type { ReportCases } from '../sdk/report-cases.types.js';
import { labellerFor } from '../read-model/read-model-labels.js';
import { ReadModelQueries, ReportQueryError } from '../read-model/report-cases.js';
import { reportPeriod } from '../read-model/report-period.js';
import {
  renderReportPdf,
  type RenderResult,
  type ReportMeta,
  type ReportParameter,
  type ReportProgress,
} from './pipeline/index.js';
import type { ReportDefinition } from './report-definition.js';
import { ReportDatabase } from './report-database.js';
import { startFormId } from '../plugins/start-form.js';

/** What one render needs besides the report: validated parameters, scope and who asked. */
export interface RenderRequest {
  parameters: Record<string, string>;
  printed: ReportParameter[];
  /** Teams whose data the report reads; null for all. */
  scopeTeams: string[] | null;
  generatedBy: string;
  generatedAt: Date;
}

/**
 * Runs a report's query inside one REPEATABLE READ, read-only transaction (so both rendering
 * passes see the same rows) and renders the PDF into `out`.
 */
@Injectable()
export class ReportRenderer {
  constructor(
    private readonly database: ReportDatabase,
    @Inject(CONFIG) private readonly config: EnvConfig,
    @Inject(PLUGIN_REGISTRY) private readonly registry: PluginRegistry,
    @Inject(FORMS) private readonly forms: FormCatalogue,
    @Inject(REFERENCE) private readonly reference: ReferenceCatalogue,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async render(
    definition: ReportDefinition,
    request: RenderRequest,
    out: NodeJS.WritableStream,
    onProgress?: ReportProgress,
  ): Promise<RenderResult> {
    return this.withReportData(definition, request, (data) =>
      renderReportPdf(
        definition.compiled,
        { data: data.data, rows: data.rows, meta: this.metaOf(definition, request) },
        out,
        onProgress,
      ),
    );
  }

  /** What the PDF prints about the run (title, who, when, parameters, marking); the downloads print the same. */
  metaOf(definition: ReportDefinition, request: RenderRequest): ReportMeta {
    return {
      title: definition.report.title,
      subject: definition.report.description,
      author: 'Border Force',
      generatedBy: request.generatedBy,
      generatedAt: request.generatedAt,
      parameters: request.printed,
      marking: this.config.SECURITY_MARKING,
    };
  }

  /**
   * Runs the report's query in one REPEATABLE READ, read-only transaction and hands its data to
   * `work` inside it (its rows stay readable until `work` settles): the PDF, CSV and XLSX all
   * come from here.
   */
  async withReportData<T>(
    definition: ReportDefinition,
    request: Pick<RenderRequest, 'parameters' | 'scopeTeams'>,
    work: (data: ReportData) => Promise<T>,
  ): Promise<T> {
    // The replica when one is configured and current (report-database.ts), else the primary.
    const runner = (await this.database.source()).createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      const context = await this.queryContext(definition, request, runner.manager);
      const data = definition.report.query
        ? await definition.report.query(context)
        : await caseCounts(context, definition.pluginId);
      const result = await work(data);
      await runner.commitTransaction();
      return result;
    } catch (error: unknown) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * What a report's query receives, on `manager`'s transaction (REPEATABLE READ, read only):
   * the scope is set for the read models' surface views before anything is read.
   */
  async queryContext(
    definition: ReportDefinition,
    request: Pick<RenderRequest, 'parameters' | 'scopeTeams'>,
    manager: EntityManager,
  ): Promise<ReportQueryContext> {
    // The read models' surface views show only the cases in this scope.
    await manager.query("SELECT set_config('cop.scope_all', $1, true), set_config('cop.scope_teams', $2, true)", [
      request.scopeTeams === null ? 'on' : 'off',
      pgTextArray(request.scopeTeams ?? []),
    ]);
    const logger =
      (definition.pluginId && this.registry.get(definition.pluginId)?.logger) ||
      this.logger.child({ context: 'reports' });
    const casesOf = (pluginId: string): ReportCases => {
      const plugin = this.registry.get(pluginId);
      if (!plugin?.readModel)
        throw new ReportQueryError(`plugin "${pluginId}" marks no field of its start form for reporting`);
      const label = labellerFor(plugin.readModel, plugin.manifest?.workflow, this.reference);
      return new ReadModelQueries(
        manager,
        plugin.readModel,
        label,
        (sql, params) => cursorRows(manager, sql, params),
        request.scopeTeams,
      );
    };
    const context: ReportQueryContext = {
      pluginId: definition.pluginId ?? 'core',
      logger,
      manager: manager,
      parameters: request.parameters,
      scope: { teams: request.scopeTeams ?? [], all: request.scopeTeams === null },
      stream: (sql, params) => cursorRows(manager, sql, params),
      optionLabels: (field, formId) => this.optionLabels(definition.pluginId, field, formId),
      get cases() {
        return casesOf(definition.pluginId ?? '');
      },
      casesOf: (pluginId) => casesOf(pluginId),
      period: reportPeriod(definition.report.parameters ?? [], request.parameters),
      reference: (setId) => new Map(this.reference.rows(setId).map((row) => [row.id, row])),
    };
    return context;
  }

  private optionLabels(pluginId: string | null, field: string, formId?: string): Map<string, string> {
    const plugin = pluginId ? this.registry.get(pluginId) : undefined;
    const id = formId ?? (plugin?.manifest ? startFormId(plugin.manifest, plugin.forms) : undefined);
    const form = plugin && id ? this.forms.currentForm(plugin.id, id) : undefined;
    return form ? fieldOptions(form, field) : new Map();
  }
}

/** Compiled forms by definition: a loaded form never changes, so each is compiled once, not on every report run. */
const compiledForms = new WeakMap<FormDefinition, ReturnType<typeof compileForm>>();

/** Labels of a field's inline options in the current version of a plugin's form (its start form by default). */
function fieldOptions(form: FormDefinition, field: string): Map<string, string> {
  const find = (fields: CompiledField[]): CompiledField | undefined => {
    for (const f of fields) {
      const found = f.name === field ? f : f.children && find(f.children.fields);
      if (found) return found;
    }
    return undefined;
  };
  let compiled = compiledForms.get(form);
  if (!compiled) compiledForms.set(form, (compiled = compileForm(form, termDictionary)));
  return new Map(find(compiled.root.fields)?.options ?? []);
}

/** The data a report without a query gets: its plugin's cases in scope, by state. */
async function caseCounts(
  context: ReportQueryContext & { manager: EntityManager },
  pluginId: string | null,
): Promise<ReportData> {
  const params: unknown[] = [pluginId];
  const where = ['c.plugin_id = $1'];
  if (!context.scope.all) where.push(`c.team_id = ANY($${params.push(context.scope.teams)})`);
  if (context.parameters.from)
    where.push(
      `c.created_at >= ($${params.push(context.parameters.from)}::date::timestamp AT TIME ZONE 'Europe/London')`,
    );
  if (context.parameters.to)
    where.push(
      `c.created_at < (($${params.push(context.parameters.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/London')`,
    );
  const byState = (await context.manager.query(
    `SELECT c.state, count(*)::int AS count FROM core.case c WHERE ${where.join(' AND ')} GROUP BY c.state ORDER BY c.state`,
    params,
  )) as { state: string; count: number }[];
  return {
    data: {
      period: { from: context.parameters.from ?? null, to: context.parameters.to ?? null },
      total: byState.reduce((sum, s) => sum + s.count, 0),
      byState,
    },
  };
}

/** A PostgreSQL text[] literal for set_config (which takes text). */
function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
