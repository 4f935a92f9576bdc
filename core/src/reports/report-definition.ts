import type { PluginReport } from '../sdk/manifest.js';
import type { CompiledReport } from './pipeline/index.js';

/** A report the core can run: a plugin's, or a cross-workflow one from top-level `reports/`. */
export interface ReportDefinition {
  /** Unique across the platform: `<plugin id>.<report id>`, or the bare id for cross-workflow reports. */
  key: string;
  /** Owning plugin, or null for a cross-workflow report. */
  pluginId: string | null;
  report: PluginReport;
  compiled: CompiledReport;
}

/** The platform-wide key of a plugin's report. */
export function reportKey(pluginId: string | null, reportId: string): string {
  return pluginId ? `${pluginId}.${reportId}` : reportId;
}
