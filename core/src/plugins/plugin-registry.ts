import type { ReportDefinition } from '../reports/report-definition.js';
import type { Logger } from 'pino';
import type { NamedMigration } from '../database/migration-runner.js';
import type { ReadModelDefinition } from '../read-model/read-model.definition.js';
import type { PluginManifest } from '../sdk/manifest.js';

export type PluginStatus = 'enabled' | 'disabled' | 'quarantined';

/** One plugin as the host knows it. */
export interface PluginRecord {
  id: string;
  dir: string;
  status: PluginStatus;
  /** Why the plugin is quarantined. */
  reason?: string;
  /** Present unless the manifest itself was unusable. */
  manifest?: PluginManifest;
  migrations: NamedMigration[];
  forms: { file: string; definition: unknown }[];
  templates: { file: string; id: string; source: string }[];
  logger: Logger;
  /** What the core keeps of its cases for reports, when its start form marks fields for reporting. */
  readModel?: ReadModelDefinition;
  /** Its reports, compiled once by the boot checks, for the report catalogue. */
  reports?: ReportDefinition[];
}

/** A plugin whose manifest passed its checks. */
export type UsablePlugin = PluginRecord & { manifest: PluginManifest };

/**
 * The plugins this instance knows and their state. PostgreSQL holds the enabled flag;
 * this is the instance's cache of it, refreshed on change notifications.
 */
export class PluginRegistry {
  private readonly records = new Map<string, PluginRecord>();
  /** Plugins without a usable id, kept for the status API. */
  private readonly anonymous: PluginRecord[] = [];

  add(record: PluginRecord): void {
    if (this.records.has(record.id)) this.anonymous.push(record);
    else this.records.set(record.id, record);
  }

  get(id: string): PluginRecord | undefined {
    return this.records.get(id);
  }

  /** Every plugin, quarantined ones included, in discovery order. */
  all(): PluginRecord[] {
    return [...this.records.values(), ...this.anonymous];
  }

  /** Plugins that passed their checks (enabled or disabled). */
  usable(): UsablePlugin[] {
    return [...this.records.values()].filter(
      (r): r is UsablePlugin => r.status !== 'quarantined' && r.manifest !== undefined,
    );
  }

  enabled(): UsablePlugin[] {
    return this.usable().filter((r) => r.status === 'enabled');
  }

  /** Whether the plugin exists here and is enabled. */
  isEnabled(id: string): boolean {
    return this.records.get(id)?.status === 'enabled';
  }

  quarantine(record: PluginRecord, reason: string): void {
    record.status = 'quarantined';
    record.reason = reason;
    record.logger.error({ reason }, 'plugin quarantined');
  }
}
