import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/errors.js';
import type { FormDefinition } from '../forms/engine/index.js';
import { FormCatalogue } from '../forms/form-catalogue.js';
import type { PluginRegistry, UsablePlugin } from '../plugins/plugin-registry.js';
import { FORMS, PLUGIN_REGISTRY } from '../tokens.js';
import { startFormId } from '../plugins/start-form.js';

/** Finds enabled plugins and their forms for the case services; a disabled plugin is "not found". */
@Injectable()
export class PluginLookup {
  constructor(
    @Inject(PLUGIN_REGISTRY) private readonly registry: PluginRegistry,
    @Inject(FORMS) readonly forms: FormCatalogue,
  ) {}

  enabled(pluginId: string): UsablePlugin {
    const plugin = this.registry.enabled().find((p) => p.id === pluginId);
    if (!plugin) throw new NotFoundError(`There is no enabled plugin "${pluginId}"`);
    return plugin;
  }

  isEnabled(pluginId: string): boolean {
    return this.registry.enabled().some((p) => p.id === pluginId);
  }

  /** The plugin whether enabled or not (rendering existing cases of a disabled plugin for admins). */
  any(pluginId: string): UsablePlugin | undefined {
    return this.registry.usable().find((p) => p.id === pluginId);
  }

  startForm(plugin: UsablePlugin): FormDefinition {
    const id = startFormId(plugin.manifest, plugin.forms);
    const form = id ? this.forms.currentForm(plugin.id, id) : undefined;
    if (!form) throw new NotFoundError(`Plugin "${plugin.id}" has no form to start a case with`);
    return form;
  }

  form(plugin: UsablePlugin, formId: string): FormDefinition {
    const form = this.forms.currentForm(plugin.id, formId);
    if (!form) throw new NotFoundError(`Plugin "${plugin.id}" has no form "${formId}"`);
    return form;
  }
}
