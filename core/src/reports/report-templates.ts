import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import type { PluginRecord, PluginRegistry, UsablePlugin } from '../plugins/plugin-registry.js';
import type { PluginReport } from '../sdk/manifest.js';
import { compileReportTemplate, ReportTemplateError } from './pipeline/index.js';
import { reportsRoot } from './pipeline/report-assets.js';
import { reportKey, type ReportDefinition } from './report-definition.js';
import { withPeriodParameters } from '../read-model/report-period.js';
import type { ReadModelDefinition } from '../read-model/read-model.definition.js';
import { checkSummary, runSummary, summaryTemplate } from '../read-model/summary-report.js';
import { readModelFor } from '../read-model/read-model-for.js';

/** The outcome of compiling a plugin's report templates. */
export type PluginReportsCheck = { ok: true; reports: ReportDefinition[] } | { ok: false; reason: string };

/**
 * Pairs each manifest report with `reports/<id>.report.hbs` and compiles it (fields checked
 * when the report lists them). A missing template, a template no report declares, or one that
 * does not compile makes the whole check fail with the template and line named.
 */
export async function compilePluginReports(plugin: UsablePlugin): Promise<PluginReportsCheck> {
  const declared = plugin.manifest.reports ?? [];
  const templates = new Map(plugin.templates.map((t) => [t.id, t]));
  const problems: string[] = [];
  const reports: ReportDefinition[] = [];
  // Built at activation; at discovery (before it) derived here. A read model that cannot be
  // built is left to the activation, which names what is wrong with it.
  let readModel: ReadModelDefinition | undefined = plugin.readModel;
  if (!readModel) {
    try {
      readModel = readModelFor(plugin);
    } catch {
      readModel = undefined;
    }
  }
  for (const declaredReport of declared) {
    let report = declaredReport;
    const template = templates.get(report.id);
    if (report.summary) {
      const summary = report.summary;
      const found = report.query
        ? [`declares both a summary and a query: keep one`]
        : await checkSummary(summary, readModel);
      if (found.length > 0) {
        problems.push(...found.map((p) => `report "${report.id}": ${p}`));
        continue;
      }
      const generated = summaryTemplate(summary, readModel);
      report = { ...report, query: (ctx) => runSummary(summary, ctx), fields: report.fields ?? generated.fields };
      if (!template) {
        reports.push({
          key: reportKey(plugin.id, report.id),
          pluginId: plugin.id,
          report: withPeriodParameters(report),
          compiled: compileReportTemplate(generated.source, {
            name: `summary report "${report.id}"`,
            knownFields: generated.fields,
          }),
        });
        continue;
      }
    }
    if (!template) {
      problems.push(`report "${report.id}" has no template reports/${report.id}.report.hbs`);
      continue;
    }
    try {
      const compiled = compileReportTemplate(template.source, {
        name: `reports/${template.file}`,
        knownFields: report.fields,
      });
      reports.push({
        key: reportKey(plugin.id, report.id),
        pluginId: plugin.id,
        report: withPeriodParameters(report),
        compiled,
      });
    } catch (error: unknown) {
      problems.push(templateProblem(error, `reports/${template.file}`));
    }
  }
  const ids = new Set(declared.map((r) => r.id));
  for (const template of plugin.templates) {
    if (!ids.has(template.id)) problems.push(`reports/${template.file}:0: no report "${template.id}" in the manifest`);
  }
  return problems.length > 0 ? { ok: false, reason: problems.join('; ') } : { ok: true, reports };
}

/** Quarantines the plugin when its report templates do not check out; keeps them compiled otherwise. */
export async function checkPluginReports(registry: PluginRegistry, plugin: PluginRecord): Promise<void> {
  if (plugin.status === 'quarantined' || !plugin.manifest) return;
  const check = await compilePluginReports(plugin as UsablePlugin);
  if (check.ok) plugin.reports = check.reports;
  else registry.quarantine(plugin, check.reason);
}

/**
 * Loads the cross-workflow reports: every `<id>.report.hbs` in the shared reports folder with
 * its `<id>.report.ts` (or `.js`) exporting the definition. A broken one is logged and left out.
 */
export async function loadCrossWorkflowReports(logger: Logger, dir = reportsRoot()): Promise<ReportDefinition[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.report.hbs')).sort();
  const found: ReportDefinition[] = [];
  for (const file of files) {
    const id = basename(file, '.report.hbs');
    try {
      const moduleFile = [join(dir, `${id}.report.js`), join(dir, `${id}.report.ts`)].find((f) => existsSync(f));
      if (!moduleFile) throw new Error(`${file} has no ${id}.report.ts beside it`);
      const module = (await import(pathToFileURL(moduleFile).href)) as { default?: PluginReport };
      const report = module.default;
      if (!report || report.id !== id) throw new Error(`${id}.report.ts must export default a report with id "${id}"`);
      const source = await readFile(join(dir, file), 'utf8');
      const compiled = compileReportTemplate(source, { name: `reports/${file}`, knownFields: report.fields });
      found.push({ key: reportKey(null, id), pluginId: null, report: withPeriodParameters(report), compiled });
    } catch (error: unknown) {
      logger.error(
        { report: id, problem: templateProblem(error, `reports/${file}`) },
        'cross-workflow report left out',
      );
    }
  }
  return found;
}

function templateProblem(error: unknown, template: string): string {
  if (error instanceof ReportTemplateError) return error.message;
  return `${template}:0: ${error instanceof Error ? error.message : String(error)}`;
}
