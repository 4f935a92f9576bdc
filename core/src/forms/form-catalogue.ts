import type { DataSource } from 'typeorm';
import type { FormDefinition } from './engine/index.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';

/**
 * Every form of every usable plugin, current and past versions. Current versions come from
 * the plugins' folders; they are recorded in core.form_definition at boot so a case made
 * against version 1 still renders after version 2 ships.
 */
export class FormCatalogue {
  private readonly current = new Map<string, FormDefinition>();
  private readonly past = new Map<string, FormDefinition>();

  constructor(private readonly dataSource: DataSource) {}

  /** Records the current forms and loads the past ones. */
  async load(registry: PluginRegistry): Promise<void> {
    for (const plugin of registry.usable()) {
      for (const { definition } of plugin.forms) {
        const form = definition as FormDefinition;
        this.current.set(key(plugin.id, form.id), form);
        await this.dataSource.query(
          `INSERT INTO core.form_definition (plugin_id, form_id, version, definition) VALUES ($1, $2, $3, $4)
           ON CONFLICT (plugin_id, form_id, version) DO UPDATE SET definition = EXCLUDED.definition`,
          [plugin.id, form.id, form.version, JSON.stringify(form)],
        );
      }
    }
    const rows = (await this.dataSource.query(
      'SELECT plugin_id, form_id, version, definition FROM core.form_definition',
    )) as {
      plugin_id: string;
      form_id: string;
      version: number;
      definition: FormDefinition;
    }[];
    for (const row of rows) this.past.set(key(row.plugin_id, row.form_id, row.version), row.definition);
  }

  /** The form's current version. */
  currentForm(pluginId: string, formId: string): FormDefinition | undefined {
    return this.current.get(key(pluginId, formId));
  }

  /** A specific version, for rendering an old case. */
  version(pluginId: string, formId: string, version: number): FormDefinition | undefined {
    const current = this.currentForm(pluginId, formId);
    return current?.version === version ? current : this.past.get(key(pluginId, formId, version));
  }
}

function key(pluginId: string, formId: string, version?: number): string {
  return version === undefined ? `${pluginId}/${formId}` : `${pluginId}/${formId}@${version}`;
}
