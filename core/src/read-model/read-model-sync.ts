import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import { PLUGIN_REGISTRY } from '../tokens.js';
import { syncReadModel } from './read-model.repository.js';

/**
 * Keeps each plugin's read model current: every change to a case (submission, workflow action,
 * newer answers, another owning team) calls `sync` inside its own transaction, so a report
 * always sees the case as it is.
 */
@Injectable()
export class ReadModelSync {
  constructor(@Inject(PLUGIN_REGISTRY) private readonly registry: PluginRegistry) {}

  async sync(manager: EntityManager, pluginId: string, caseId: string): Promise<void> {
    const def = this.registry.get(pluginId)?.readModel;
    if (def) await syncReadModel(manager, def, caseId);
  }
}
