import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PluginStateEntity } from './plugin-state.entity.js';

/**
 * Persists each plugin's enabled flag and installed version in core.plugin_state. A Nest provider;
 * the boot also builds one on its data source before Nest starts (core/src/app.ts).
 */
@Injectable()
export class PluginStateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(PluginStateEntity);
  }

  async all(): Promise<PluginStateEntity[]> {
    return this.repo.find();
  }

  async find(pluginId: string): Promise<PluginStateEntity | null> {
    return this.repo.findOneBy({ pluginId });
  }

  /** Records the plugin as installed at this version, keeping its enabled flag (new plugins start enabled). */
  async recordInstalled(pluginId: string, version: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO core.plugin_state (plugin_id, enabled, installed_version) VALUES ($1, true, $2)
       ON CONFLICT (plugin_id) DO UPDATE SET installed_version = EXCLUDED.installed_version, updated_at = now()`,
      [pluginId, version],
    );
  }

  async setEnabled(pluginId: string, enabled: boolean, actor: string): Promise<void> {
    await this.repo.update({ pluginId }, { enabled, updatedAt: new Date(), updatedBy: actor });
  }
}
