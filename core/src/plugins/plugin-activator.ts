import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PLUGIN_REGISTRY } from '../tokens.js';
import { activatePlugin } from './plugin-host.js';
import type { PluginRegistry, UsablePlugin } from './plugin-registry.js';
import { PluginStateRepository } from './plugin-state.repository.js';

/**
 * Activates a plugin while the core runs (an admin enables it, or another instance did): its
 * stored forms checked, its migrations and read model applied in its own schema, the install
 * recorded and onLoad run, as at boot (`activatePlugin`). What fails quarantines the plugin.
 */
@Injectable()
export class PluginActivator {
  constructor(
    @Inject(PLUGIN_REGISTRY) private readonly registry: PluginRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly states: PluginStateRepository,
  ) {}

  /** Whether the plugin is now enabled; false when it was quarantined (the reason is on its record). */
  activate(plugin: UsablePlugin): Promise<boolean> {
    return activatePlugin(this.registry, plugin, this.dataSource, this.states);
  }
}
