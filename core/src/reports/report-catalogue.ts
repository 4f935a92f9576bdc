import type { Logger } from 'pino';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import type { Role } from '../sdk/roles.js';
import type { ReportDefinition } from './report-definition.js';
import { compilePluginReports, loadCrossWorkflowReports } from './report-templates.js';

/**
 * Every report this instance can run, built once at boot from the usable plugins' templates
 * and the cross-workflow reports. A plugin's reports are offered only while it is enabled.
 */
export class ReportCatalogue {
  private readonly byKey: Map<string, ReportDefinition>;

  constructor(
    definitions: ReportDefinition[],
    private readonly registry: PluginRegistry,
  ) {
    this.byKey = new Map(definitions.map((d) => [d.key, d]));
  }

  /** Builds the catalogue after the plugin checks (templates of usable plugins already compile). */
  static async load(registry: PluginRegistry, logger: Logger): Promise<ReportCatalogue> {
    const definitions: ReportDefinition[] = [];
    for (const plugin of registry.usable()) {
      // Compiled by the boot checks; compiled here only for a plugin that skipped them (tests).
      const check = plugin.reports
        ? { ok: true as const, reports: plugin.reports }
        : await compilePluginReports(plugin);
      if (check.ok) definitions.push(...check.reports);
      else registry.quarantine(plugin, check.reason);
    }
    definitions.push(...(await loadCrossWorkflowReports(logger.child({ context: 'reports' }))));
    return new ReportCatalogue(definitions, registry);
  }

  /** The report if it exists and its plugin is enabled. */
  get(key: string): ReportDefinition | undefined {
    const definition = this.byKey.get(key);
    if (!definition) return undefined;
    return definition.pluginId === null || this.registry.isEnabled(definition.pluginId) ? definition : undefined;
  }

  /** Reports any of these roles may run, cross-workflow first, then by plugin. */
  runnableBy(roles: readonly Role[]): ReportDefinition[] {
    return this.all().filter((d) => mayRun(d, roles));
  }

  /** Every available report (enabled plugins only). */
  all(): ReportDefinition[] {
    return [...this.byKey.keys()]
      .map((key) => this.get(key))
      .filter((d): d is ReportDefinition => d !== undefined)
      .sort((a, b) => Number(a.pluginId !== null) - Number(b.pluginId !== null) || a.key.localeCompare(b.key));
  }
}

/** Whether any of the roles may run the report; admins may run every report. */
export function mayRun(definition: ReportDefinition, roles: readonly Role[]): boolean {
  return roles.includes('admin') || roles.some((role) => definition.report.roles.includes(role));
}
