import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { ConflictError, NotFoundError } from '../common/errors.js';
import type { PgEvents } from '../database/pg-events.js';
import type { Role } from '../sdk/roles.js';
import { LOGGER, PG_EVENTS, PLUGIN_REGISTRY } from '../tokens.js';
import { PluginActivator } from './plugin-activator.js';
import { dependentsOf, requiredWorkflows } from './dependency-check.js';
import { PluginRegistry, type UsablePlugin } from './plugin-registry.js';
import { PluginStateRepository } from './plugin-state.repository.js';
import { toPluginView, toStatusView, type PluginStatusView, type PluginView } from './plugin.dto.js';

const CHANNEL = 'cop_plugin_state';

/** Discovery for the shell, status for admins, and enabling/disabling at runtime. */
@Injectable()
export class PluginsService implements OnApplicationBootstrap {
  constructor(
    @Inject(PLUGIN_REGISTRY) private readonly registry: PluginRegistry,
    private readonly states: PluginStateRepository,
    private readonly activator: PluginActivator,
    @Inject(PG_EVENTS) private readonly events: PgEvents,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Another instance changed a plugin's state: bring our cache in line with the database.
    // After the listener reconnects, every plugin's state is read again: a change another
    // instance announced meanwhile was not heard.
    await this.events.listen(
      CHANNEL,
      (pluginId) => {
        this.refresh(pluginId).catch((error: unknown) =>
          this.logger.error({ err: error, pluginId }, 'plugin state refresh failed'),
        );
      },
      async () => {
        for (const record of this.registry.all()) await this.refresh(record.id);
      },
    );
  }

  list(roles: readonly Role[]): PluginView[] {
    return this.registry.enabled().map((p) => toPluginView(p, roles));
  }

  status(): PluginStatusView[] {
    return this.registry.all().map((r) => toStatusView(r, process.cwd()));
  }

  async setEnabled(pluginId: string, enabled: boolean, actor: string): Promise<PluginStatusView> {
    const record = this.registry.get(pluginId);
    if (!record) throw new NotFoundError(`There is no plugin "${pluginId}"`);
    if (record.status === 'quarantined' || !record.manifest) {
      throw new ConflictError(
        `Plugin "${pluginId}" is quarantined and cannot be ${enabled ? 'enabled' : 'disabled'}: ${record.reason}`,
      );
    }
    const needed = enabled ? [] : dependentsOf(this.registry, pluginId);
    if (needed.length > 0)
      throw new ConflictError(
        `Plugin "${pluginId}" cannot be disabled while ${needed.map((id) => `"${id}"`).join(', ')} ${needed.length === 1 ? 'depends' : 'depend'} on it: disable ${needed.length === 1 ? 'it' : 'them'} first`,
        { dependents: needed },
      );
    const missing = enabled ? requiredWorkflows(record.manifest).filter((id) => !this.registry.isEnabled(id)) : [];
    if (missing.length > 0)
      throw new ConflictError(
        `Plugin "${pluginId}" needs ${missing.map((id) => `"${id}"`).join(', ')}: enable ${missing.length === 1 ? 'it' : 'them'} first`,
        { dependencies: missing },
      );
    if (enabled && record.status !== 'enabled') {
      const ok = await this.activator.activate(record as UsablePlugin);
      if (!ok) {
        throw new ConflictError(
          `Plugin "${pluginId}" could not be enabled: ${this.registry.get(pluginId)?.reason ?? 'unknown'}`,
        );
      }
    }
    await this.states.setEnabled(pluginId, enabled, actor);
    record.status = enabled ? 'enabled' : 'disabled';
    record.logger.info({ actor, enabled }, enabled ? 'plugin enabled' : 'plugin disabled');
    await this.events.notify(CHANNEL, pluginId);
    return toStatusView(record, process.cwd());
  }

  private async refresh(pluginId: string): Promise<void> {
    const record = this.registry.get(pluginId);
    if (!record || record.status === 'quarantined') return;
    const state = await this.states.find(pluginId);
    if (!state || state.enabled === (record.status === 'enabled')) return;
    if (!state.enabled) record.status = 'disabled';
    else await this.activator.activate(record as UsablePlugin);
  }
}
